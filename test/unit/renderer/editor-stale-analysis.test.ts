/**
 * View edits are computed from the analysed events. While the analysis of the latest text is
 * still running, a second view edit must be refused, not computed from the older analysis
 * (it would rebuild events from the old text and silently undo the first edit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CassetteFile, TapedeckApi } from '../../../shared/api/contract';
import { parseCassette } from '../../../shared/cassette/parse';
import { lintCassette } from '../../../shared/lint';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { createAppStore } from '../../../renderer/src/store/create-app-store';

const PATH = 'openai-responses-stream.yaml';
const TEXT = readFileSync(join(__dirname, '../../fixtures/edit-dialects', PATH), 'utf8');

function setup() {
  // The real parser and analysis, in this thread; `hold` keeps results back like a busy worker.
  let held: (() => void)[] | null = null;
  const analyzer = {
    analyze: async (path: string, bytes: Uint8Array) => {
      if (held) await new Promise<void>((r) => held!.push(r));
      const cassette = parseCassette({ path, bytes });
      return { cassette, analysis: analyzeCassette(cassette) };
    },
  };
  const file: CassetteFile = { rootId: 'r', relPath: PATH, content: TEXT, encoding: 'utf8', revision: '1', size: TEXT.length, mtimeMs: 1 };
  const store = createAppStore({
    api: { readCassette: async () => file } as unknown as TapedeckApi,
    analyzer,
    reanalyzeDelayMs: 0,
    makeReplay: () => null,
    frame: (cb) => cb(),
    now: () => 0,
  });
  const hold = () => (held = []);
  const release = async () => {
    const waiting = held ?? [];
    held = null;
    waiting.forEach((r) => r());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { store, hold, release };
}

describe('view edits and a stale analysis', () => {
  it('refuses an analysis-based edit until the views caught up, then applies it on the new text', async () => {
    const { store, hold, release } = setup();
    const s = () => store.getState();
    await s().select({ rootId: 'r', relPath: PATH });
    expect(s().doc.status).toBe('ready');

    hold();
    expect(s().applyEdit({ kind: 'response-text', interaction: 0, text: 'NEW TEXT' })).toBe(true);
    const afterFirst = s().editor.history.present;
    // The analysis of afterFirst is still running: a second view edit must not go ahead.
    expect(s().applyEdit({ kind: 'tool-args', interaction: 0, slot: 0, args: '{"x":1}' })).toBe(false);
    expect(s().editor.notice?.text).toMatch(/catching up/);
    expect(s().editor.history.present).toBe(afterFirst);

    await release();
    const doc = s().doc;
    expect(doc.status === 'ready' ? doc.text : null).toBe(afterFirst);
    expect(s().applyEdit({ kind: 'tool-args', interaction: 0, slot: 0, args: '{"x":1}' })).toBe(true);
    const final = s().editor.history.present;
    const ia = analyzeCassette(parseCassette({ path: PATH, bytes: new TextEncoder().encode(final) })).interactions[0];
    expect(ia.message?.text).toBe('NEW TEXT');
    expect(ia.message?.toolCalls[0].arguments).toBe('{"x":1}');
    // Deltas and the completed copy still agree: the first edit was not undone anywhere.
    expect(lintCassette(final, PATH).filter((f) => f.code === 'stream/completed-mismatch')).toEqual([]);
  });

  it('text-only edits (an id rename) need no analysis and go ahead', async () => {
    const { store, hold } = setup();
    const s = () => store.getState();
    await s().select({ rootId: 'r', relPath: PATH });
    hold();
    expect(s().applyEdit({ kind: 'response-text', interaction: 0, text: 'NEW TEXT' })).toBe(true);
    const id = analyzeCassette(parseCassette({ path: PATH, bytes: new TextEncoder().encode(TEXT) })).interactions[0].message!.toolCalls[0].id!;
    expect(s().applyEdit({ kind: 'tool-id', from: id, to: 'call_renamed_1' })).toBe(true);
    expect(s().editor.history.present).toContain('call_renamed_1');
  });
});
