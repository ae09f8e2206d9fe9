/**
 * The pool's fallback when no worker script can be found (no bundle, no esbuild): the engine
 * runs on the calling thread, one file per event-loop turn. Slower, and it blocks the loop
 * while a file parses, but the app still works.
 */
import { registerNodeCodecs } from '../backend/node-codecs';
import { runEngineTask, type EnginePool } from './engine';

const INLINE_ENGINE_ID = 'in-thread-1';

export function inThreadPool(): EnginePool {
  registerNodeCodecs();
  return {
    mode: 'in-thread',
    engineId: INLINE_ENGINE_ID,
    // Yield to the event loop between files so events and IPC keep flowing.
    run: (task) =>
      new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(runEngineTask(task));
          } catch (e) {
            reject(e as Error);
          }
        }),
      ),
    close: async () => {},
  };
}
