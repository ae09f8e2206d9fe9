/**
 * Worker entry of the index pool. The build bundles this to app/dist/main/index-worker.js;
 * under vitest, worker-script.ts bundles it on the fly (see there).
 */
import { parentPort } from 'node:worker_threads';
import { registerNodeCodecs } from '../backend/node-codecs';
import { runEngineTask, type EngineTask } from './engine';
import { runSearchMessage, runSyncMessage, type SearchMessage, type SyncMessage } from './search-message';
import type { InteractionDoc } from '../../shared/search/doc';
import type { WorkerReply } from './pool';

registerNodeCodecs();

interface Request {
  id: number;
  tasks: EngineTask[];
}

/** The guarded search's worker runs this same script and keeps its documents here. */
const mirror = new Map<number, InteractionDoc[]>();

// One reply per message: a batch of small files wakes the main thread once, not per file.
parentPort?.on('message', (msg: Request | SearchMessage | SyncMessage) => {
  if ('sync' in msg) return runSyncMessage(mirror, msg);
  if ('search' in msg) return runSearchMessage(mirror, msg, (r) => parentPort?.postMessage(r));
  const results: WorkerReply['results'] = msg.tasks.map((task) => {
    try {
      return { ok: true, result: runEngineTask(task) };
    } catch (e) {
      return { ok: false, error: (e as Error)?.stack ?? String(e) };
    }
  });
  parentPort?.postMessage({ id: msg.id, results } satisfies WorkerReply);
});
