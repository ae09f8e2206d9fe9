/**
 * Index worker entry for the watchdog test: the real engine (the same handler as
 * main/workspace/index-worker.ts), except that a file named `stall*.yaml` never finishes. A file
 * that is merely slow to parse would make the test depend on parser speed, and every speed-up
 * would break it; this one hangs for as long as the watchdog lets it, on any machine.
 */
import { parentPort } from 'node:worker_threads';
import { basename } from 'node:path';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { runEngineTask, type EngineTask } from '../../../main/workspace/engine';
import type { WorkerReply } from '../../../main/workspace/pool';

registerNodeCodecs();

parentPort?.on('message', (msg: { id: number; tasks: EngineTask[] }) => {
  const results: WorkerReply['results'] = msg.tasks.map((task) => {
    // Spin, as a runaway parser would: the worker's event loop is blocked, so only the pool's
    // watchdog (which terminates the worker) can end it.
    if (task.kind === 'file' && basename(task.absPath).startsWith('stall')) for (;;);
    try {
      return { ok: true, result: runEngineTask(task) };
    } catch (e) {
      return { ok: false, error: (e as Error)?.stack ?? String(e) };
    }
  });
  parentPort?.postMessage({ id: msg.id, results } satisfies WorkerReply);
});
