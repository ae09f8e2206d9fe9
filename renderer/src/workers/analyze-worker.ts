/// <reference lib="webworker" />
/**
 * Parsing and analysis off the UI thread: a 100,000-event stream takes long enough to parse
 * that doing it on the main thread would freeze scrolling and input.
 */
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-protocol';

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = (e: MessageEvent<AnalyzeRequest>) => {
  const { id, path, bytes } = e.data;
  let msg: AnalyzeResponse;
  try {
    const cassette = parseCassette({ path, bytes });
    const analysis = analyzeCassette(cassette);
    msg = { id, ok: true, cassette, analysis };
  } catch (err) {
    // Parsers return diagnostics instead of throwing; reaching this is a bug, reported as data.
    msg = { id, ok: false, message: `Internal error while analysing: ${(err as Error).message}` };
  }
  ctx.postMessage(msg);
};
