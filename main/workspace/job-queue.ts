/**
 * The pool's queue: highest priority first, FIFO among equals. A binary heap, because the
 * scan queues every file of a folder at once and a linear scan per take made a
 * 100,000-file folder quadratic.
 */
export interface Queued {
  priority: number;
  /** Taken only when no other work waits (the lint pass after the rows). */
  background?: boolean;
}

export class JobQueue<T extends Queued> {
  private heap: { item: T; seq: number }[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    this.heap.push({ item, seq: this.seq++ });
    this.up(this.heap.length - 1);
  }

  peek(): T | undefined {
    return this.heap[0]?.item;
  }

  pop(): T | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top?.item;
  }

  /** Removes and returns everything, in no particular order. */
  drain(): T[] {
    const all = this.heap.map((e) => e.item);
    this.heap = [];
    return all;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.item.priority > y.item.priority || (x.item.priority === y.item.priority && x.seq < y.seq);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && this.before(l, best)) best = l;
      if (r < this.heap.length && this.before(r, best)) best = r;
      if (best === i) return;
      [this.heap[i], this.heap[best]] = [this.heap[best], this.heap[i]];
      i = best;
    }
  }
}

/**
 * Two queues by priority (file size): `bigFrom` and up, and below. A worker takes from its
 * own lane first and from the other once its own is empty, so with two workers big and small
 * files are indexed side by side instead of every big file first (see pool.ts). Background
 * work (the lint pass) waits in a third queue that either takes from only when both are empty.
 */
export class Lanes<T extends Queued> {
  private readonly queues = [new JobQueue<T>(), new JobQueue<T>(), new JobQueue<T>()] as const;

  constructor(private readonly bigFrom: number) {}

  get size(): number {
    return this.queues[0].size + this.queues[1].size + this.queues[2].size;
  }

  push(item: T): void {
    this.queues[item.background ? 2 : item.priority >= this.bigFrom ? 0 : 1].push(item);
  }

  /** Where a worker of `lane` (0: big files, 1: small) takes its next job from. */
  queueFor(lane: 0 | 1): JobQueue<T> {
    if (this.queues[lane].size > 0) return this.queues[lane];
    return this.queues[1 - lane].size > 0 ? this.queues[1 - lane] : this.queues[2];
  }

  drain(): T[] {
    return [...this.queues[0].drain(), ...this.queues[1].drain(), ...this.queues[2].drain()];
  }
}
