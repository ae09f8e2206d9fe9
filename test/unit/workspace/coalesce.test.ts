import { describe, expect, it } from 'vitest';
import { coalesceEvents, type FileChange, type RawEvent, type RawEventType } from '../../../shared/workspace/coalesce';

const ev = (spec: string): RawEvent[] =>
  spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [type, path] = s.split(' ') as [RawEventType, string];
      return { type, path: path === '.' ? '' : path };
    });

const f = (type: FileChange['type'], path: string, dir = false): FileChange => ({ type, path, dir });

describe('coalesceEvents', () => {
  const table: [string, string, FileChange[]][] = [
    ['single add', 'add a.yaml', [f('added', 'a.yaml')]],
    ['single change', 'change a.yaml', [f('changed', 'a.yaml')]],
    ['single delete', 'unlink a.yaml', [f('deleted', 'a.yaml')]],
    ['add then delete is nothing (temp file)', 'add a.yaml, unlink a.yaml', []],
    ['add, change, delete is nothing', 'add a.yaml, change a.yaml, unlink a.yaml', []],
    ['delete then add is a change (write-then-rename)', 'unlink a.yaml, add a.yaml', [f('changed', 'a.yaml')]],
    ['add then change stays added', 'add a.yaml, change a.yaml', [f('added', 'a.yaml')]],
    ['change then delete is delete', 'change a.yaml, unlink a.yaml', [f('deleted', 'a.yaml')]],
    ['repeated changes fold', 'change a.yaml, change a.yaml, change a.yaml', [f('changed', 'a.yaml')]],
    ['delete, add, delete is delete', 'unlink a.yaml, add a.yaml, unlink a.yaml', [f('deleted', 'a.yaml')]],
    ['add, delete, add is added', 'add a.yaml, unlink a.yaml, add a.yaml', [f('added', 'a.yaml')]],
    ['rename is delete old + add new', 'unlink old.yaml, add new.yaml', [f('deleted', 'old.yaml'), f('added', 'new.yaml')]],
    ['dir delete swallows children', 'unlink d/a.yaml, unlink d/e/b.yaml, unlinkDir d/e, unlinkDir d', [f('deleted', 'd', true)]],
    ['dir add swallows children', 'addDir d, add d/a.yaml, addDir d/e, add d/e/b.yaml', [f('added', 'd', true)]],
    ['dir replaced is a rescan', 'unlinkDir d, addDir d, add d/a.yaml', [f('changed', 'd', true)]],
    ['dir added then removed is nothing', 'addDir d, add d/a.yaml, unlink d/a.yaml, unlinkDir d', []],
    ['siblings are kept', 'unlinkDir d, add dd/a.yaml, add d.yaml', [f('deleted', 'd', true), f('added', 'dd/a.yaml'), f('added', 'd.yaml')]],
    ['file turned into dir is a rescan', 'unlink x.yaml, addDir x.yaml', [f('changed', 'x.yaml', true)]],
    ['root vanishing swallows everything', 'unlink a.yaml, unlinkDir sub, unlinkDir .', [f('deleted', '', true)]],
    ['order of first appearance is kept', 'change b.yaml, change a.yaml, change b.yaml', [f('changed', 'b.yaml'), f('changed', 'a.yaml')]],
  ];
  it.each(table)('%s', (_name, events, expected) => {
    expect(coalesceEvents(ev(events))).toEqual(expected);
  });

  it('folds a 1,000-file re-recording burst into one change per file', () => {
    const raw: RawEvent[] = [];
    for (let i = 0; i < 1000; i++) raw.push({ type: 'unlink', path: `t/${i}.yaml` }, { type: 'add', path: `t/${i}.yaml` }, { type: 'change', path: `t/${i}.yaml` });
    const out = coalesceEvents(raw);
    expect(out).toHaveLength(1000);
    expect(out.every((c) => c.type === 'changed' && !c.dir)).toBe(true);
  });
});
