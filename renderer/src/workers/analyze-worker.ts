/// <reference lib="webworker" />
/**
 * Parsing, analysis and lint off the UI thread: a 100,000-event stream takes long enough to
 * parse that doing it on the main thread would freeze scrolling and input (and typing).
 */
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { hasTokenizer } from '../../../shared/llm/estimate-usage';
import type { CassetteAnalysis } from '../../../shared/model/analysis';
import type { Cassette } from '../../../shared/model/cassette';
import { utf8Encode } from '../../../shared/util/bytes';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-protocol';
import { lintSource, toLintFindings } from './lint-request';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

/**
 * The last source parsed for the views. After an edit the store asks for analysis and then
 * for lint of the same text; lint reuses this parse instead of repeating it (seconds on a
 * large stream).
 */
let last: { bytes: Uint8Array; parsed: { cassette: Cassette; analysis: CassetteAnalysis } } | null = null;

function parsedFor(text: string) {
  if (!last) return undefined;
  const bytes = utf8Encode(text);
  const b = last.bytes;
  if (b.length !== bytes.length) return undefined;
  for (let i = 0; i < b.length; i++) if (b[i] !== bytes[i]) return undefined;
  return last.parsed;
}

/**
 * js-tiktoken's rank tables are ~3.4 MB of script: fetched the first time a cassette has an
 * interaction without usage (a truncated stream), so every other file opens without them.
 */
let tokenizer: Promise<unknown> | null = null;
async function analyzeWithEstimates(cassette: Cassette): Promise<CassetteAnalysis> {
  const analysis = analyzeCassette(cassette);
  if (hasTokenizer() || !analysis.totals.usageMissing) return analysis;
  tokenizer ??= import('../../../shared/llm/tokenizer-tiktoken');
  try {
    await tokenizer;
  } catch {
    // The chunk did not load (serve away for a moment): no estimates this time, retry next time.
    tokenizer = null;
    return analysis;
  }
  return analyzeCassette(cassette);
}

async function handle(req: AnalyzeRequest): Promise<AnalyzeResponse> {
  const { id } = req;
  if (req.type === 'lint') {
    const findings = 'bytes' in req ? lintSource(req.path, { bytes: req.bytes }) : lintSource(req.path, { text: req.text }, parsedFor(req.text));
    return { id, ok: true, findings: toLintFindings(findings) };
  }
  if (req.type === 'fix') {
    const f = lintSource(req.path, { text: req.text }, parsedFor(req.text))[req.index];
    if (!f?.fix) return { id, ok: false, message: 'the finding is gone (the text changed)' };
    return { id, ok: true, text: f.fix.apply(req.text) };
  }
  const cassette = parseCassette({ path: req.path, bytes: req.bytes });
  const analysis = await analyzeWithEstimates(cassette);
  last = { bytes: req.bytes, parsed: { cassette, analysis } };
  return { id, ok: true, cassette, analysis };
}

// One request at a time, in order: while one waits for the tokenizer chunk, a later one must
// not overtake it (and replace `last`, which lint reuses).
let queue: Promise<void> = Promise.resolve();
ctx.onmessage = (e: MessageEvent<AnalyzeRequest>) => {
  queue = queue.then(() => respond(e));
};

async function respond(e: MessageEvent<AnalyzeRequest>): Promise<void> {
  let msg: AnalyzeResponse;
  try {
    msg = await handle(e.data);
  } catch (err) {
    // Parsers return diagnostics instead of throwing; fixes throw when not lossless.
    msg = { id: e.data.id, ok: false, message: `${e.data.type === 'fix' ? 'Fix failed' : 'Internal error while analysing'}: ${(err as Error).message}` };
  }
  ctx.postMessage(msg);
}
