/**
 * A save parses once, with the full parser, and its fingerprints must equal the ones the index
 * parser gives the same bytes (a later re-recording is indexed by it and compared with them):
 * the engine's 'bytes' task (a save) against its 'file' task (the index) on real files, among
 * them big literal stream bodies the index leaves lazy, in ASCII (hashed from the file's bytes)
 * and in UTF-8, with every chomping indicator, blank lines, and no final line break.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEngineTask } from '../../../main/workspace/engine';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { goVcr, removeDir, tempDir } from './helpers';

const dir = tempDir('tapedeck-fp-');
afterAll(() => removeDir(dir));
const fixtures = join(__dirname, '../../fixtures');

function stream(events: number, word: string): string {
  const out: string[] = [];
  for (let i = 0; i < events; i++) out.push(`data: ${JSON.stringify({ id: 'c', choices: [{ index: 0, delta: { content: `${word}${i} ` } }] })}\n`);
  out.push('data: [DONE]\n');
  return out.join('\n');
}

function bigLiteral(header: string, word: string, finalBreak: boolean, trailingBlank: boolean): string {
  const body = stream(3000, word) + (trailingBlank ? '\n\n' : '');
  const indented = body.split('\n').map((l) => (l ? `      ${l}` : l)).join('\n');
  const text = goVcr([{ content: 'x' }]).replace(/body: '\{"id".*'/, `body: ${header}\n${indented}`).replace('application/json', 'text/event-stream');
  return finalBreak ? text : text.replace(/\n+$/, '');
}

function fingerprintsBothWays(abs: string, relPath: string) {
  const ref = { rootId: 'r', relPath };
  const bytes = readFileSync(abs);
  const index = runEngineTask({ kind: 'file', absPath: abs, ref, knownHash: null });
  const save = runEngineTask({ kind: 'bytes', bytes, ref, stat: { size: bytes.length, mtimeMs: 0 } });
  if (index.kind !== 'indexed' || save.kind !== 'indexed') throw new Error(`not indexed: ${relPath}`);
  return { index: index.fingerprints, save: save.fingerprints };
}

describe('fingerprints do not depend on which parser ran', () => {
  it('on big literal stream bodies (lazy in the index), ASCII and UTF-8', () => {
    registerNodeCodecs();
    let n = 0;
    for (const header of ['|', '|-', '|+'])
      for (const word of ['w', 'é'])
        for (const finalBreak of [true, false])
          for (const trailingBlank of [false, true]) {
            const rel = `big-${n++}.yaml`;
            writeFileSync(join(dir, rel), bigLiteral(header, word, finalBreak, trailingBlank));
            const fp = fingerprintsBothWays(join(dir, rel), rel);
            expect(fp.index.length, rel).toBe(1);
            expect(fp.save, `${rel} ${header} ${word} ${finalBreak} ${trailingBlank}`).toEqual(fp.index);
          }
  });

  it('and still tell an edited stream from an unchanged one', () => {
    writeFileSync(join(dir, 'a.yaml'), bigLiteral('|', 'w', true, false));
    writeFileSync(join(dir, 'b.yaml'), bigLiteral('|', 'w', true, false).replace('w2999 ', 'w2999!'));
    expect(fingerprintsBothWays(join(dir, 'b.yaml'), 'b.yaml').index).not.toEqual(fingerprintsBothWays(join(dir, 'a.yaml'), 'a.yaml').index);
  });

  it('on every cassette fixture of the project', () => {
    registerNodeCodecs();
    const files = readdirSync(fixtures, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(ya?ml|ya?ml\.gz|har|json)$/.test(d.name))
      .map((d) => join(d.parentPath, d.name));
    expect(files.length).toBeGreaterThan(30);
    const differ = files.filter((f) => {
      const fp = fingerprintsBothWays(f, relative(fixtures, f));
      return JSON.stringify(fp.index) !== JSON.stringify(fp.save);
    });
    expect(differ).toEqual([]);
  });
});
