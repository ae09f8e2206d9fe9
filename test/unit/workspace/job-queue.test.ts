import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JobQueue, Lanes } from '../../../main/workspace/job-queue';

describe('pool job queue', () => {
  it('takes the highest priority first and equal priorities in arrival order', () => {
    const q = new JobQueue<{ priority: number; name: string }>();
    for (const [priority, name] of [[1, 'a'], [5, 'b'], [1, 'c'], [5, 'd'], [3, 'e']] as const) q.push({ priority, name });
    const out: string[] = [];
    for (let j = q.pop(); j; j = q.pop()) out.push(j.name);
    expect(out).toEqual(['b', 'd', 'e', 'a', 'c']);
    expect(q.size).toBe(0);
  });

  it('matches a stable sort for any sequence of pushes and pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(-1)), { maxLength: 200 }), (ops) => {
        const q = new JobQueue<{ priority: number; seq: number }>();
        const model: { priority: number; seq: number }[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op >= 0) {
            const item = { priority: op, seq: seq++ };
            q.push(item);
            model.push(item);
          } else {
            model.sort((x, y) => y.priority - x.priority || x.seq - y.seq);
            expect(q.pop()).toBe(model.shift());
          }
        }
        expect(q.drain().length).toBe(model.length);
      }),
    );
  });

  it('orders a 100,000-file folder (the linear scan it replaces was quadratic there)', () => {
    const q = new JobQueue<{ priority: number }>();
    for (let i = 0; i < 100_000; i++) q.push({ priority: (i * 7919) % 100_003 });
    let last = Infinity;
    for (let j = q.pop(); j; j = q.pop()) {
      expect(j.priority).toBeLessThanOrEqual(last);
      last = j.priority;
    }
  });
});

describe('pool lanes', () => {
  const job = (name: string, priority: number) => ({ name, priority });

  it('gives each lane its own files, biggest first, and a lane with none the other lane\'s', () => {
    const lanes = new Lanes<ReturnType<typeof job>>(1000);
    for (const [n, p] of [['big-a', 5000], ['small-a', 10], ['big-b', 90_000], ['small-b', 999], ['small-c', 500]] as const) lanes.push(job(n, p));
    expect(lanes.size).toBe(5);
    // A big-lane worker and a small-lane worker start side by side.
    expect(lanes.queueFor(0).pop()?.name).toBe('big-b');
    expect(lanes.queueFor(1).pop()?.name).toBe('small-b');
    expect(lanes.queueFor(0).pop()?.name).toBe('big-a');
    // The big lane is empty now: its worker helps with the small files.
    expect(lanes.queueFor(0).pop()?.name).toBe('small-c');
    expect(lanes.queueFor(1).pop()?.name).toBe('small-a');
    expect(lanes.size).toBe(0);
  });

  it('takes background jobs (the lint pass) only when neither lane has work', () => {
    const lanes = new Lanes<{ priority: number; name: string; background?: boolean }>(1000);
    lanes.push({ priority: 90_000, name: 'lint-big', background: true });
    lanes.push({ priority: 10, name: 'lint-small', background: true });
    lanes.push({ priority: 10, name: 'small' });
    lanes.push({ priority: 5000, name: 'big' });
    expect(lanes.size).toBe(4);
    expect(lanes.queueFor(1).pop()?.name).toBe('small');
    expect(lanes.queueFor(1).pop()?.name).toBe('big');
    // A file indexed meanwhile (a watcher burst) still goes before the waiting lint.
    lanes.push({ priority: 20, name: 'burst' });
    expect(lanes.queueFor(0).pop()?.name).toBe('burst');
    expect(lanes.queueFor(0).pop()?.name).toBe('lint-big');
    expect(lanes.queueFor(1).pop()?.name).toBe('lint-small');
    expect(lanes.size).toBe(0);
  });

  it('loses nothing: every pushed job is taken once, whatever the order of takes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 80 }), (sizes, takes) => {
        const lanes = new Lanes<{ priority: number; id: number }>(1000);
        sizes.forEach((priority, id) => lanes.push({ priority, id }));
        const seen: number[] = [];
        for (const t of takes) {
          const j = lanes.queueFor(t ? 0 : 1).pop();
          if (j) seen.push(j.id);
        }
        seen.push(...lanes.drain().map((j) => j.id));
        expect(seen.sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
      }),
    );
  });
});
