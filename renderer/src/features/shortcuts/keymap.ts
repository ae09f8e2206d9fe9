/**
 * Every keyboard action in one table: the global key handler dispatches from it and the `?`
 * overlay lists it, so the help can never drift from the behaviour.
 */
export type ActionId =
  | 'help' | 'quickOpen' | 'focusSearch' | 'listUp' | 'listDown' | 'listOpen'
  | 'playPause' | 'stepBack' | 'stepForward' | 'stepBack10' | 'stepForward10' | 'seekStart' | 'seekEnd'
  | 'slower' | 'faster' | 'prevInteraction' | 'nextInteraction' | 'tabReplay' | 'tabRaw'
  | 'toggleMarkdown' | 'escape' | 'tabProblems' | 'tabMatch' | 'tabCompare' | 'save' | 'undo' | 'redo'
  | 'gotoEvent' | 'nextToolCall' | 'prevToolCall' | 'nextReasoning' | 'prevReasoning'
  | 'nextFinish' | 'prevFinish' | 'nextError' | 'prevError';

export interface Shortcut {
  id: ActionId;
  keys: string[];
  label: string;
  group: 'General' | 'Library' | 'Replay' | 'Editor';
}

export const SHORTCUTS: Shortcut[] = [
  { id: 'help', keys: ['?'], label: 'Show keyboard shortcuts', group: 'General' },
  { id: 'quickOpen', keys: ['Mod+P'], label: 'Quick open a cassette', group: 'General' },
  { id: 'focusSearch', keys: ['/'], label: 'Search the library', group: 'General' },
  { id: 'tabReplay', keys: ['1'], label: 'Replay tab', group: 'General' },
  { id: 'tabRaw', keys: ['2'], label: 'Raw tab', group: 'General' },
  { id: 'tabProblems', keys: ['3'], label: 'Problems tab', group: 'General' },
  { id: 'tabMatch', keys: ['4'], label: 'Match tab: which interaction replays a request', group: 'General' },
  { id: 'tabCompare', keys: ['5'], label: 'Compare tab (while comparing)', group: 'General' },
  { id: 'escape', keys: ['Escape'], label: 'Close dialog / leave search', group: 'General' },
  { id: 'listUp', keys: ['ArrowUp'], label: 'Previous file (library focused)', group: 'Library' },
  { id: 'listDown', keys: ['ArrowDown'], label: 'Next file (library focused)', group: 'Library' },
  { id: 'listOpen', keys: ['Enter'], label: 'Open a file, or a folder\'s dashboard (← / → fold and unfold)', group: 'Library' },
  { id: 'playPause', keys: ['Space'], label: 'Play / pause', group: 'Replay' },
  { id: 'stepBack', keys: ['ArrowLeft'], label: 'Previous event', group: 'Replay' },
  { id: 'stepForward', keys: ['ArrowRight'], label: 'Next event', group: 'Replay' },
  { id: 'stepBack10', keys: ['Shift+ArrowLeft'], label: 'Back 10 events', group: 'Replay' },
  { id: 'stepForward10', keys: ['Shift+ArrowRight'], label: 'Forward 10 events', group: 'Replay' },
  { id: 'seekStart', keys: ['Home'], label: 'Start (before the first event)', group: 'Replay' },
  { id: 'seekEnd', keys: ['End'], label: 'Last event', group: 'Replay' },
  { id: 'slower', keys: [','], label: 'Slower', group: 'Replay' },
  { id: 'faster', keys: ['.'], label: 'Faster', group: 'Replay' },
  { id: 'prevInteraction', keys: ['['], label: 'Previous interaction', group: 'Replay' },
  { id: 'nextInteraction', keys: [']'], label: 'Next interaction', group: 'Replay' },
  { id: 'toggleMarkdown', keys: ['M'], label: 'Markdown / raw text', group: 'Replay' },
  { id: 'gotoEvent', keys: ['Mod+G'], label: 'Go to event N', group: 'Replay' },
  { id: 'nextToolCall', keys: ['T'], label: 'Next tool-call start', group: 'Replay' },
  { id: 'prevToolCall', keys: ['Shift+T'], label: 'Previous tool-call start', group: 'Replay' },
  { id: 'nextReasoning', keys: ['R'], label: 'Next reasoning event', group: 'Replay' },
  { id: 'prevReasoning', keys: ['Shift+R'], label: 'Previous reasoning event', group: 'Replay' },
  { id: 'nextFinish', keys: ['F'], label: 'Next finish event', group: 'Replay' },
  { id: 'prevFinish', keys: ['Shift+F'], label: 'Previous finish event', group: 'Replay' },
  { id: 'nextError', keys: ['E'], label: 'Next error event', group: 'Replay' },
  { id: 'prevError', keys: ['Shift+E'], label: 'Previous error event', group: 'Replay' },
  { id: 'save', keys: ['Mod+S'], label: 'Save the cassette', group: 'Editor' },
  { id: 'undo', keys: ['Mod+Z'], label: 'Undo an edit (typing or structured)', group: 'Editor' },
  { id: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], label: 'Redo', group: 'Editor' },
];

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Normalises an event to the table's notation ("Mod+P", "Shift+ArrowLeft", "Space"). */
export function chordOf(e: KeyLike): string {
  const key = e.key === ' ' ? 'Space' : e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  // `?` and `<`-style keys already include Shift in the character itself.
  // Letters name Shift (T and Shift+T are two actions); for `?`-style keys the character says it.
  if (e.shiftKey && (key.length > 1 || /^[A-Z]$/.test(key))) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

const BY_CHORD = new Map<string, ActionId>();
for (const s of SHORTCUTS) for (const k of s.keys) BY_CHORD.set(k.length === 1 ? k.toUpperCase() : k, s.id);

export function actionFor(e: KeyLike): ActionId | undefined {
  return BY_CHORD.get(chordOf(e));
}

export function displayKey(k: string, mac: boolean): string {
  return k.replace('Mod', mac ? '⌘' : 'Ctrl').replace('ArrowLeft', '←').replace('ArrowRight', '→')
    .replace('ArrowUp', '↑').replace('ArrowDown', '↓');
}
