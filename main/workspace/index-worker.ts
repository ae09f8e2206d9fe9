/**
 * Worker entry of the index pool. The build bundles this to app/dist/main/index-worker.js;
 * under vitest, worker-script.ts bundles it on the fly (see there).
 */
import { parentPort } from 'node:worker_threads';
import { registerNodeCodecs } from '../backend/node-codecs';
import { runEngineTask, type EngineTask } from './engine';

registerNodeCodecs();

interface Request {
  id: number;
  task: EngineTask;
}

parentPort?.on('message', (msg: Request) => {
  try {
    parentPort?.postMessage({ id: msg.id, ok: true, result: runEngineTask(msg.task) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: (e as Error)?.stack ?? String(e) });
  }
});
