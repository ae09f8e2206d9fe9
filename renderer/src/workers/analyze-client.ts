/** Promise API over the analysis worker; one worker, requests matched by id. */
import type { Analyzer, AnalyzeResult, LintFinding, Linter } from '../store/types';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-protocol';

type Ok = Extract<AnalyzeResponse, { ok: true }>;

export function createWorkerAnalyzer(): Analyzer & Linter {
  const worker = new Worker(new URL('./analyze-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(r: Ok): void; reject(e: Error): void }>();
  let nextId = 1;
  worker.onmessage = (e: MessageEvent<AnalyzeResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data);
    else p.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => {
    const err = new Error(`Analysis worker failed: ${e.message}`);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const send = (req: AnalyzeRequest, transfer: Transferable[] = []) =>
    new Promise<Ok>((resolve, reject) => {
      pending.set(req.id, { resolve, reject });
      worker.postMessage(req, transfer);
    });
  return {
    async analyze(path, bytes) {
      // Transfer a copy's buffer: no second copy of a large cassette in the message queue.
      const copy = bytes.slice();
      const r = await send({ id: nextId++, path, bytes: copy }, [copy.buffer]);
      return r as AnalyzeResult;
    },
    async lint(path, source) {
      const r = await send(typeof source === 'string' ? { id: nextId++, type: 'lint', path, text: source } : { id: nextId++, type: 'lint', path, bytes: source.bytes });
      return (r as { findings: LintFinding[] }).findings;
    },
    async fix(path, text, index) {
      const r = await send({ id: nextId++, type: 'fix', path, text, index });
      return (r as { text: string }).text;
    },
  };
}
