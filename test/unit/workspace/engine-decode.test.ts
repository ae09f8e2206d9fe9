/**
 * The engine decodes files natively (zlib for .yaml.gz, Buffer for text) before the shared
 * parser sees them. The rows must be exactly those of the shared decoding, and what native
 * decoding refuses (a truncated gzip, invalid UTF-8) must still get the shared parser's row
 * with its diagnostic.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { summarizeCassette } from '../../../shared/workspace/summarize';
import { trimStreamsForSummary } from '../../../shared/workspace/trim-streams';
import { runEngineTask } from '../../../main/workspace/engine';
import { goVcr, removeDir, tempDir, vcrpy, writeFile } from './helpers';

describe('index engine: native decoding', () => {
  let dir: string;
  const files: Record<string, Uint8Array> = {};
  beforeAll(() => {
    dir = tempDir();
    const plain = Buffer.from(vcrpy());
    files['lc.yaml.gz'] = gzipSync(plain);
    files['bom.yaml'] = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goVcr([{ content: 'héllo ☃' }]))]);
    files['cut.yaml.gz'] = gzipSync(plain).subarray(0, 40);
    files['latin1.yaml'] = Buffer.concat([Buffer.from(goVcr([{}])), Buffer.from([0x23, 0x20, 0xe9, 0x0a])]);
    for (const [rel, bytes] of Object.entries(files)) writeFile(dir, rel, bytes);
  });
  afterAll(() => removeDir(dir));

  const ref = (relPath: string) => ({ rootId: 'r', relPath });

  it('gives the rows the shared decoding gives', () => {
    for (const [rel, bytes] of Object.entries(files)) {
      const r = runEngineTask({ kind: 'file', absPath: join(dir, rel), ref: ref(rel), knownHash: null });
      expect(r.kind, rel).toBe('indexed');
      if (r.kind !== 'indexed') continue;
      const c = parseCassette({ path: rel, bytes }, { decodeBodies: false });
      const want = summarizeCassette(ref(rel), { size: bytes.length, mtimeMs: r.mtimeMs }, c, analyzeCassette(trimStreamsForSummary(c).cassette));
      // Positions aside (the fast path keeps none), the row is the same.
      const { firstError: a, ...got } = r.summary;
      const { firstError: b, ...expected } = want;
      expect(got, rel).toEqual(expected);
      expect(a?.message, rel).toBe(b?.message);
    }
  });

  it('reports a truncated gzip file with the shared parser\'s error', () => {
    const r = runEngineTask({ kind: 'file', absPath: join(dir, 'cut.yaml.gz'), ref: ref('cut.yaml.gz'), knownHash: null });
    expect(r.kind === 'indexed' && r.summary.firstError?.message).toMatch(/gzip/);
  });
});
