/**
 * A small worker_threads pool for EngineTasks, fed from two lanes (big and small files).
 * Workers are unref'd while idle so an open workspace never keeps a CLI process alive, and a
 * crashed worker fails only its current task and is replaced on the next one.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EnginePool, EngineResult, EngineTask } from './engine';
import { inThreadPool } from './in-thread-pool';
import { Lanes } from './job-queue';
import { resolveWorkerScript } from './worker-script';

interface Job {
  id: number;
  priority: number;
  background?: boolean;
  task: EngineTask;
  resolve: (r: EngineResult) => void;
  reject: (e: Error) => void;
  /** Runs in a message of its own: it was in a batch whose worker crashed or timed out. */
  solo?: boolean;
}

/** One postMessage to a worker: one task, or a batch of small files answered together. */
interface Message {
  id: number;
  jobs: Job[];
}

interface Slot {
  worker: Worker;
  /** The lane this worker takes from first (it takes from the other when its own is empty). */
  lane: 0 | 1;
  /** In flight, oldest first (a worker answers in order). */
  messages: Message[];
  /** When the oldest message started running (the watchdog's clock). */
  runningSince: number;
  timedOut: boolean;
}

export interface WorkerReply {
  id: number;
  results: { ok: boolean; result?: EngineResult; error?: string }[];
}

/**
 * A file no parser limit catches could still spin a worker forever (and every later file of
 * the folder would wait behind it): past this, the worker is ended and the file gets an error
 * row. A 20 MB stream takes a few seconds here; this is far beyond that.
 */
export const TASK_TIMEOUT_MS = Number(process.env.TAPEDECK_TASK_TIMEOUT_MS) || 60_000;

/**
 * Messages handed to a worker before it finishes the current one: with one, the worker idles
 * for a round trip through the (busy) main thread after every message. Two keep it busy
 * without hoarding big files.
 */
const DEPTH = 2;

/**
 * Small files travel in batches: one message per ~1 MB of files instead of one per file.
 * Every answer wakes the main thread, and on two cores each wake-up takes a core from a
 * worker; 2,000 small files meant 2,000 of them (measured: ~10% of the wall time).
 */
const BATCH_BYTES = Number(process.env.TAPEDECK_BATCH_BYTES) || 1024 * 1024;
const BATCH_MAX = 32;

/**
 * Two lanes: files of this size and up, and smaller ones. With two workers, one starts on each
 * lane (and takes from the other once its own is empty), so the sidebar fills with parsed
 * small files while the big streams parse beside them. Each worker also runs mostly one kind
 * of file, so fewer functions get hot in each and V8 optimises less twice over: on this 2-core
 * machine a cold index took ~3% less time than with one queue (median of five runs each).
 */
const LANE_BYTES = 16 * 1024;

const batchable = (j: Job) => !j.solo && (j.task.kind === 'file' || j.task.kind === 'lint') && j.priority < BATCH_BYTES;

export async function createEnginePool(size?: number, workerScript?: string | URL): Promise<EnginePool> {
  const script = await resolveWorkerScript(workerScript);
  if (!script) return inThreadPool();
  const max = Math.max(1, size ?? availableParallelism());
  const slots: Slot[] = [];
  const lanes = new Lanes<Job>(LANE_BYTES);
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const lane: 0 | 1 = max > 1 && slots.filter((s) => s.lane === 0).length > slots.filter((s) => s.lane === 1).length ? 1 : 0;
    const slot: Slot = { worker: new Worker(script.url), lane, messages: [], runningSince: 0, timedOut: false };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const i = slot.messages.findIndex((m) => m.id === reply.id);
      if (i < 0) return;
      const [msg] = slot.messages.splice(i, 1);
      slot.runningSince = Date.now();
      if (slot.messages.length === 0) slot.worker.unref();
      // Refill before resolving: the worker gets its next message before callbacks run.
      pump();
      msg.jobs.forEach((job, k) => {
        const r = reply.results[k];
        if (r?.ok) job.resolve(r.result as EngineResult);
        else job.reject(new Error(r?.error ?? 'index worker sent no result'));
      });
    });
    const fail = (err: Error) => {
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      // Only the oldest message was running. A lone task fails; a batch does not know which
      // of its files hung or crashed the worker, so its files are retried one per message.
      const [running, ...waiting] = slot.messages.splice(0);
      const why = slot.timedOut ? new Error(`Gave up after ${TASK_TIMEOUT_MS / 1000} s: parsing this file did not finish`) : err;
      // Closing terminates the workers: nothing will pump the queue again, so settle every job.
      if (closed) {
        for (const m of [running, ...waiting]) for (const job of m?.jobs ?? []) job.reject(new Error('index pool is closed'));
        return;
      }
      if (running?.jobs.length === 1) running.jobs[0].reject(why);
      else for (const job of running?.jobs ?? []) lanes.push({ ...job, solo: true });
      for (const m of waiting) m.jobs.forEach((j) => lanes.push(j));
      if (!closed) pump();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`index worker exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const nextMessage = (lane: 0 | 1): Message => {
    const queue = lanes.queueFor(lane);
    const first = queue.pop()!;
    const jobs = [first];
    if (batchable(first)) {
      let bytes = first.priority;
      // The queue is taken biggest first, so once one file is small the rest are too.
      for (let next = queue.peek(); next && jobs.length < BATCH_MAX; next = queue.peek()) {
        if (!batchable(next) || bytes + next.priority > BATCH_BYTES) break;
        jobs.push(queue.pop()!);
        bytes += next.priority;
      }
    }
    return { id: nextId++, jobs };
  };

  const pump = () => {
    while (lanes.size > 0 && !closed) {
      // An idle worker first, then a new one, then a second message for a busy one.
      let slot = slots.find((s) => s.messages.length === 0);
      if (!slot && slots.length < max) slot = spawn();
      slot ??= slots.find((s) => s.messages.length < DEPTH);
      if (!slot) return;
      const msg = nextMessage(slot.lane);
      if (slot.messages.length === 0) slot.runningSince = Date.now();
      slot.messages.push(msg);
      slot.worker.ref();
      slot.worker.postMessage({ id: msg.id, tasks: msg.jobs.map((j) => j.task) });
    }
  };

  const watchdog = setInterval(() => {
    const now = Date.now();
    for (const s of slots) {
      if (s.messages.length === 0 || s.timedOut || now - s.runningSince <= TASK_TIMEOUT_MS) continue;
      s.timedOut = true;
      void s.worker.terminate(); // 'exit' then fails the running message and requeues the rest
    }
  }, Math.min(5_000, TASK_TIMEOUT_MS / 2));
  watchdog.unref();

  return {
    mode: 'worker',
    engineId: script.engineId,
    run(task, priority = 0) {
      if (closed) return Promise.reject(new Error('index pool is closed'));
      return new Promise<EngineResult>((resolve, reject) => {
        lanes.push({ id: 0, priority, task, resolve, reject, background: task.kind === 'lint' });
        pump();
      });
    },
    async close() {
      closed = true;
      clearInterval(watchdog);
      for (const job of lanes.drain()) job.reject(new Error('index pool is closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
