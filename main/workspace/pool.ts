/**
 * A small worker_threads pool for EngineTasks. One task per worker at a time, FIFO queue.
 * Workers are unref'd while idle so an open workspace never keeps a CLI process alive, and a
 * crashed worker fails only its current task and is replaced on the next one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { registerNodeCodecs } from '../backend/node-codecs';
import { runEngineTask, type EngineResult, type EngineTask } from './engine';
import { resolveWorkerScript } from './worker-script';

export interface EnginePool {
  /** Higher `priority` runs first (the scan passes file size: biggest first, so one huge file
   *  does not end up alone on one worker at the end of a scan). Equal priorities are FIFO. */
  run(task: EngineTask, priority?: number): Promise<EngineResult>;
  /** 'worker' or 'in-thread': which path is in use (tests assert the real worker path). */
  readonly mode: 'worker' | 'in-thread';
  readonly engineId: string;
  close(): Promise<void>;
}

interface Job {
  id: number;
  priority: number;
  task: EngineTask;
  resolve: (r: EngineResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** In flight, oldest first (a worker answers in order). */
  jobs: Job[];
  /** When the oldest job started running (the watchdog's clock). */
  runningSince: number;
  timedOut: boolean;
}

/**
 * A file no parser limit catches could still spin a worker forever (and every later file of
 * the folder would wait behind it): past this, the worker is ended and the file gets an error
 * row. A 20 MB stream takes a few seconds here; this is far beyond that.
 */
export const TASK_TIMEOUT_MS = Number(process.env.TAPEDECK_TASK_TIMEOUT_MS) || 60_000;

/**
 * Tasks handed to a worker before it finishes the current one: with one, the worker idles
 * for a message round trip through the (busy) main thread after every file, which cost a
 * third of the wall time on 2,000 small files. Two keep it busy without hoarding big files.
 */
const DEPTH = 2;

const INLINE_ENGINE_ID = 'in-thread-1';

export async function createEnginePool(size?: number, workerScript?: string | URL): Promise<EnginePool> {
  const script = await resolveWorkerScript(workerScript);
  if (!script) return inThreadPool();
  const max = Math.max(1, size ?? availableParallelism());
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(script.url), jobs: [], runningSince: 0, timedOut: false };
    slot.worker.unref();
    slot.worker.on('message', (msg: { id: number; ok: boolean; result?: EngineResult; error?: string }) => {
      const i = slot.jobs.findIndex((j) => j.id === msg.id);
      if (i < 0) return;
      const [job] = slot.jobs.splice(i, 1);
      slot.runningSince = Date.now();
      if (slot.jobs.length === 0) slot.worker.unref();
      // Refill before resolving: the worker gets its next task before callbacks run.
      pump();
      if (msg.ok) job.resolve(msg.result as EngineResult);
      else job.reject(new Error(msg.error));
    });
    const fail = (err: Error) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      // Only the oldest task was running; the queued one goes back to the queue.
      const [running, ...waiting] = slot.jobs.splice(0);
      running?.reject(slot.timedOut ? new Error(`Gave up after ${TASK_TIMEOUT_MS / 1000} s: parsing this file did not finish`) : err);
      queue.push(...waiting);
      if (!closed) pump();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`index worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const pump = () => {
    while (queue.length > 0 && !closed) {
      // An idle worker first, then a new one, then a second task for a busy one.
      let slot = slots.find((s) => s.jobs.length === 0);
      if (!slot && slots.length < max) slot = spawn();
      slot ??= slots.find((s) => s.jobs.length < DEPTH);
      if (!slot) return;
      const job = takeHighest(queue);
      if (slot.jobs.length === 0) slot.runningSince = Date.now();
      slot.jobs.push(job);
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  };

  const watchdog = setInterval(() => {
    const now = Date.now();
    for (const s of slots) {
      if (s.jobs.length === 0 || s.timedOut || now - s.runningSince <= TASK_TIMEOUT_MS) continue;
      s.timedOut = true;
      void s.worker.terminate(); // 'exit' then fails the running task and requeues the rest
    }
  }, Math.min(5_000, TASK_TIMEOUT_MS / 2));
  watchdog.unref();

  return {
    mode: 'worker',
    engineId: script.engineId,
    run(task, priority = 0) {
      if (closed) return Promise.reject(new Error('index pool is closed'));
      return new Promise<EngineResult>((resolve, reject) => {
        queue.push({ id: nextId++, priority, task, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      clearInterval(watchdog);
      for (const job of queue.splice(0)) job.reject(new Error('index pool is closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

function takeHighest(queue: Job[]): Job {
  let best = 0;
  for (let i = 1; i < queue.length; i++) if (queue[i].priority > queue[best].priority) best = i;
  return queue.splice(best, 1)[0];
}

function inThreadPool(): EnginePool {
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
