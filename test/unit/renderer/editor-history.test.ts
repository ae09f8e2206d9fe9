import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, initHistory, minimalReplace, pushText, redo, undo } from '../../../renderer/src/features/editor/history';
import { externalChange, fileTransition, initFileState, isDirty } from '../../../renderer/src/features/editor/file-state';

describe('editor history', () => {
  it('undoes and redoes whole texts, coalescing typing bursts', () => {
    let h = initHistory('a');
    h = pushText(h, 'ab', 'typing:1', true);
    h = pushText(h, 'abc', 'typing:1', true); // same burst: one step
    h = pushText(h, 'ABC', 'Rename');
    expect(h.past).toEqual(['a', 'abc']);
    h = undo(h);
    expect(h.present).toBe('abc');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('abc');
    // A new edit after undo drops the redo branch.
    h = pushText(h, 'abcd', 'typing:2', true);
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual(['a', 'abc']);
  });

  it('minimalReplace keeps the common prefix and suffix', () => {
    expect(minimalReplace('line1\nline2\nline3', 'line1\nLINE2\nline3')).toEqual({ start: 6, end: 10, insert: 'LINE' });
    expect(minimalReplace('same', 'same')).toBeNull();
    const r = minimalReplace('aaa', 'aaaa')!;
    expect('aaa'.slice(0, r.start) + r.insert + 'aaa'.slice(r.end)).toBe('aaaa');
  });
});

describe('dirty / conflict state', () => {
  it('reloads when clean, raises a conflict when dirty, and keep-mine forces the save', () => {
    const f = initFileState('disk1', 'r1');
    expect(isDirty(f, 'disk1')).toBe(false);
    expect(externalChange(f, { revision: 'r2', text: 'disk2', current: 'disk1' }).action).toBe('reload');
    const c = externalChange(f, { revision: 'r2', text: 'disk2', current: 'mine' });
    expect(c.action).toBe('conflict');
    expect(c.state.conflict).toEqual({ revision: 'r2', text: 'disk2' });
    const kept = fileTransition(c.state, { type: 'keep-mine' });
    expect(kept).toEqual({ baseText: 'disk2', baseRevision: 'r2', conflict: null, force: true });
    expect(isDirty(kept, 'mine')).toBe(true);
    const reloaded = fileTransition(c.state, { type: 'reload' });
    expect(reloaded.baseText).toBe('disk2');
    expect(fileTransition(kept, { type: 'saved', revision: 'r3', text: 'mine' })).toEqual(initFileState('mine', 'r3'));
    // The disk now holds exactly our text: nothing to resolve.
    expect(externalChange(f, { revision: 'r2', text: 'mine', current: 'mine' }).action).toBe('same');
  });
});
