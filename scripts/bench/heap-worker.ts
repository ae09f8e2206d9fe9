/**
 * Bench-only entry of the index worker: the real worker (index-worker.ts, imported for its
 * message handler) plus a record of the worker's own V8 heap, for the workspace bench's memory
 * breakdown. Node 20 cannot read a worker's heap from the main thread, so after each message
 * (its listener runs after the real one, before the garbage of the files is collected) the
 * worker notes its heap and, on a new peak, writes it to TAPEDECK_BENCH_HEAP_DIR.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parentPort, threadId } from 'node:worker_threads';
import '../../main/workspace/index-worker';

const dir = process.env.TAPEDECK_BENCH_HEAP_DIR;
let peak = 0;
parentPort?.on('message', () => {
  const h = getHeapStatistics();
  if (!dir || h.total_heap_size <= peak) return;
  peak = h.total_heap_size;
  const external = h.external_memory;
  writeFileSync(join(dir, `worker-${process.pid}-${threadId}.json`), JSON.stringify({ total: h.total_heap_size, used: h.used_heap_size, external }));
});
