/**
 * Regular-expression searches run in a worker that can be ended. JavaScript cannot interrupt
 * one RegExp.exec: a pattern such as `(\w+\s?)+$` backtracks exponentially on one ordinary
 * sentence, and the query engine's deadline, checked between fields, never gets its turn. On
 * the main thread that froze the backend (the whole app under Electron). Here the worker is
 * terminated once the search overruns its budget, and the answer says the search was stopped.
 *
 * The worker keeps a mirror of the documents between queries: a 2,000-file folder holds ~35 MB
 * of search text, which takes about a second to copy, so only document arrays it has not seen
 * yet travel (an array is replaced, never changed, when a file is indexed again). Plain-text
 * queries (escaped literals cannot backtrack) stay on the calling thread, with no copy at all.
 */
import { Worker } from 'node:worker_threads';
import type { InteractionDoc } from '../../shared/search/doc';
import { SearchTimeout, type SearchQuery } from '../../shared/search/query';
import { DEFAULT_BUDGET_MS, searchFiles, type SearchLimits, type SearchOutcome } from '../../shared/search/search-files';
import type { SearchMessage, SearchReply, SyncMessage } from './search-message';
import { resolveWorkerScript } from './worker-script';

/**
 * Documents travel in slices of about this many characters, each copied in its own turn of the
 * event loop. Copying the bench folder's documents at once took 0.5–2.4 s of the calling thread
 * (structuredClone, measured here); a slice of ~1 MB took at most ~100 ms.
 */
const SLICE_CHARS = 1 << 20;

const charsOf = (docs: InteractionDoc[]) => docs.reduce((n, d) => n + d.fields.reduce((m, f) => m + f.text.length, 0), 0);

export interface GuardedSearch {
  search<R>(files: Iterable<{ file: R; docs: InteractionDoc[] }>, q: SearchQuery, limits?: SearchLimits): Promise<SearchOutcome<R>>;
  close(): Promise<void>;
  /** Document arrays copied to a worker and workers started, since creation (for tests). */
  stats(): { docsSent: number; workersStarted: number };
}

interface Live {
  worker: Worker;
  /** Document arrays the worker holds, by the id it knows them under. */
  ids: WeakMap<InteractionDoc[], number>;
}

/**
 * `graceMs`: how far past its budget a search may run before the worker is ended (the engine
 * stops itself at the budget when it can; this is for the exec that cannot be interrupted).
 */
export function createGuardedSearch(opts: { workerScript?: string | URL; graceMs?: number } = {}): GuardedSearch {
  const graceMs = opts.graceMs ?? 1000;
  let live: Live | null = null;
  let nextDoc = 1;
  let nextMsg = 1;
  // One query at a time: a new one waits for the last (or for its worker to be ended).
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const stats = { docsSent: 0, workersStarted: 0 };

  const end = (l: Live) => {
    if (live === l) live = null;
    void l.worker.terminate();
  };

  async function inWorker<R>(list: { file: R; docs: InteractionDoc[] }[], q: SearchQuery, limits: SearchLimits): Promise<SearchOutcome<R>> {
    if (closed) return { files: [], totalHits: 0, truncated: false, error: 'The search was cancelled: the workspace is closing' };
    const script = await resolveWorkerScript(opts.workerScript);
    if (!script) return searchFiles(list, q, limits); // no worker to run in: the engine's own deadline only
    if (!live) stats.workersStarted++;
    const l: Live = live ?? (live = { worker: new Worker(script.url), ids: new WeakMap() });
    const put: [number, InteractionDoc[]][] = [];
    const order = list.map(({ docs }) => {
      let id = l.ids.get(docs);
      if (id === undefined) {
        id = nextDoc++;
        l.ids.set(docs, id);
        put.push([id, docs]);
        stats.docsSent++;
      }
      return id;
    });
    const id = nextMsg++;
    const budgetMs = limits.budgetMs ?? DEFAULT_BUDGET_MS;
    const empty: SearchOutcome<R> = { files: [], totalHits: 0, truncated: false, error: null };
    return new Promise<SearchOutcome<R>>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const finish = (out: SearchOutcome<R>) => {
        done = true;
        clearTimeout(timer);
        l.worker.off('message', onMessage);
        l.worker.off('error', onGone);
        l.worker.off('exit', onGone);
        l.worker.unref();
        resolve(out);
      };
      const onMessage = (r: SearchReply) => {
        if (r.id !== id) return;
        if ('started' in r) {
          timer = setTimeout(() => {
            end(l);
            finish({ ...empty, error: new SearchTimeout(budgetMs).message });
          }, budgetMs + graceMs);
        } else if ('outcome' in r) {
          finish({ ...r.outcome, files: r.outcome.files.map((f) => ({ ...f, file: list[f.file].file })) });
        } else {
          finish({ ...empty, error: `The search failed: ${r.failed}` });
        }
      };
      // The mirror died with the worker: the next query starts a new one and sends everything.
      const onGone = (e?: unknown) => {
        end(l);
        finish({ ...empty, error: `The search stopped: ${e instanceof Error ? e.message : 'its worker exited'}` });
      };
      l.worker.on('message', onMessage);
      l.worker.on('error', onGone);
      l.worker.on('exit', onGone);
      l.worker.ref();
      void (async () => {
        let slice: [number, InteractionDoc[]][] = [];
        let chars = 0;
        for (const entry of put) {
          slice.push(entry);
          chars += charsOf(entry[1]);
          if (chars < SLICE_CHARS) continue;
          l.worker.postMessage({ sync: slice } satisfies SyncMessage);
          slice = [];
          chars = 0;
          await new Promise((r) => setImmediate(r));
          if (done) return; // the worker died meanwhile
        }
        l.worker.postMessage({ id, search: { put: slice, order, query: q, limits } } satisfies SearchMessage);
      })();
    });
  }

  return {
    search(files, q, limits = {}) {
      if (!q.regex) return Promise.resolve(searchFiles(files, q, limits));
      const list = [...files];
      const run = queue.then(() => inWorker(list, q, limits));
      queue = run.catch(() => undefined);
      return run;
    },
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      if (live) await live.worker.terminate();
      live = null;
    },
  };
}
