import { describe, expect, it } from 'vitest';
import { actionFor } from '../../../renderer/src/features/shortcuts/keymap';
import { rootFor } from '../../../renderer/src/features/links/link-target';
import { shownPosition } from '../../../renderer/src/features/replay/event-notes';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods,
});

describe('jump and go-to keys', () => {
  it('tells a letter from Shift+letter, so each jump has a way back', () => {
    expect(actionFor(key('t'))).toBe('nextToolCall');
    expect(actionFor(key('T', { shiftKey: true }))).toBe('prevToolCall');
    expect(actionFor(key('r'))).toBe('nextReasoning');
    expect(actionFor(key('F', { shiftKey: true }))).toBe('prevFinish');
    expect(actionFor(key('e'))).toBe('nextError');
    expect(actionFor(key('g', { ctrlKey: true }))).toBe('gotoEvent');
    expect(actionFor(key('g', { metaKey: true }))).toBe('gotoEvent');
    // Shift does not fold into the plain chord: Ctrl+Shift+Z is redo, not undo.
    expect(actionFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(actionFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(actionFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(actionFor(key('?', { shiftKey: true }))).toBe('help');
  });
});

describe('link targets', () => {
  const roots = [
    { id: 'a', path: '/home/ana/proj/testdata', name: 'testdata' },
    { id: 'b', path: '/srv/fixtures', name: 'fixtures' },
  ];
  it('finds the folder by path, then by name for a checkout elsewhere', () => {
    expect(rootFor(roots, '/srv/fixtures/')?.id).toBe('b');
    expect(rootFor(roots, '/Users/bo/code/proj/testdata')?.id).toBe('a');
    expect(rootFor(roots, 'C:\\work\\fixtures')?.id).toBe('b');
    expect(rootFor(roots, '/elsewhere/other')).toBeUndefined();
  });
});

describe('filtered event list position', () => {
  it('follows the cursor to the last shown event at or before it', () => {
    expect(shownPosition([2, 5, 9], 1)).toBe(-1);
    expect(shownPosition([2, 5, 9], 5)).toBe(1);
    expect(shownPosition([2, 5, 9], 8)).toBe(1);
    expect(shownPosition([2, 5, 9], 100)).toBe(2);
  });
});
