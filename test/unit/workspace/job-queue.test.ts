import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JobQueue } from '../../../main/workspace/job-queue';

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
