/** One window-level key handler dispatching the keymap (see keymap.ts). */
import { useEffect } from 'react';
import type { AppStore } from '../../store/types';
import { jumpTo, type JumpAction } from '../replay/jump';
import { actionFor, type ActionId } from './keymap';

/** Text fields keep their keys (typing "?" in the search box must not open the help). */
function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  // Monaco may take input through an EditContext element that is neither of the above.
  if (t.closest('.monaco-editor')) return true;
  return t.tagName === 'INPUT' && (t as HTMLInputElement).type !== 'range' && (t as HTMLInputElement).type !== 'checkbox';
}

export function runAction(store: AppStore, id: ActionId): boolean {
  const s = store.getState();
  const modal = s.shortcutsOpen || s.quickOpenOpen || s.comparePickerOpen;
  switch (id) {
    case 'help': s.setShortcutsOpen(!s.shortcutsOpen); return true;
    case 'quickOpen': s.setQuickOpen(true); return true;
    case 'save': void s.save(); return true;
    case 'escape':
      if (s.shortcutsOpen) s.setShortcutsOpen(false);
      else if (s.quickOpenOpen) s.setQuickOpen(false);
      else if (s.comparePickerOpen) s.setComparePicker(false);
      else if (s.gotoEventOpen) s.setGotoEventOpen(false);
      // A folder's dashboard over an open cassette: Escape goes back to the cassette.
      else if (s.dashboardScope && s.doc.status !== 'idle') s.showDashboard(null);
      else return false;
      return true;
    default:
  }
  if (modal) return false;
  // Not while a folder's dashboard covers the cassette: keys must not scrub what is not shown.
  const replayActive = s.mainTab === 'replay' && s.length > 0 && !s.dashboardScope;
  switch (id) {
    case 'focusSearch': document.getElementById('library-search')?.focus(); return true;
    case 'tabReplay': s.setTab('replay'); return true;
    case 'tabRaw': if (s.doc.status === 'ready') s.setTab('raw'); return true;
    case 'tabProblems': if (s.doc.status === 'ready') s.setTab('problems'); return true;
    case 'tabMatch': if (s.doc.status === 'ready') s.setTab('match'); return true;
    case 'tabCompare': if (s.compare.status !== 'idle') s.setTab('compare'); return true;
    case 'undo': s.undoEdit(); return true;
    case 'redo': s.redoEdit(); return true;
    case 'toggleMarkdown': s.toggleMarkdown(); return true;
    case 'prevInteraction': s.selectInteraction(s.interactionIndex - 1); return true;
    case 'nextInteraction': s.selectInteraction(s.interactionIndex + 1); return true;
    default:
  }
  if (!replayActive) return false;
  switch (id) {
    case 'playPause': s.togglePlay(); return true;
    case 'stepBack': s.step(-1); return true;
    case 'stepForward': s.step(1); return true;
    case 'stepBack10': s.step(-10); return true;
    case 'stepForward10': s.step(10); return true;
    case 'seekStart': s.step(-Infinity); return true;
    case 'seekEnd': s.step(Infinity); return true;
    case 'gotoEvent': s.setGotoEventOpen(true); return true;
    case 'nextToolCall': case 'prevToolCall': case 'nextReasoning': case 'prevReasoning':
    case 'nextFinish': case 'prevFinish': case 'nextError': case 'prevError':
      jumpTo(store, id as JumpAction);
      return true;
    case 'slower': case 'faster': {
      const speeds = [0.25, 0.5, 1, 2, 4, 8];
      const i = speeds.indexOf(s.speed);
      s.setSpeed(speeds[Math.max(0, Math.min(speeds.length - 1, (i < 0 ? 2 : i) + (id === 'faster' ? 1 : -1)))]);
      return true;
    }
    default: return false;
  }
}

export function useGlobalShortcuts(store: AppStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented && e.key !== 'Home' && e.key !== 'End' && !e.key.startsWith('Arrow')) return;
      const id = actionFor(e);
      if (!id) return;
      if (isTyping(e.target) && id !== 'quickOpen' && id !== 'escape' && id !== 'save') return;
      // Buttons and the library tree use Enter/Space/arrows themselves.
      const t = e.target as HTMLElement | null;
      if (t?.closest?.('[role="tree"]') && (id === 'listUp' || id === 'listDown' || id === 'listOpen')) return;
      if (id === 'playPause' && t?.tagName === 'BUTTON') return;
      if (runAction(store, id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
