/** Promise API over the analysis worker; one worker, requests matched by id. */
import type { Analyzer, AnalyzeResult } from '../store/types';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-protocol';

export function createWorkerAnalyzer(): Analyzer {
  const worker = new Worker(new URL('./analyze-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(r: AnalyzeResult): void; reject(e: Error): void }>();
  let nextId = 1;
  worker.onmessage = (e: MessageEvent<AnalyzeResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve({ cassette: e.data.cassette, analysis: e.data.analysis });
    else p.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => {
    const err = new Error(`Analysis worker failed: ${e.message}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  return {
    analyze(path, bytes) {
      const id = nextId++;
      const req: AnalyzeRequest = { id, path, bytes };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Transfer a copy's buffer: no second copy of a large cassette in the message queue.
        const copy = bytes.slice();
        worker.postMessage({ ...req, bytes: copy }, [copy.buffer]);
      });
    },
  };
}
