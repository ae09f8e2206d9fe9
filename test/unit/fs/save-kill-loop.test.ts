/**
 * A save killed with SIGKILL at a random moment leaves the file whole: the old content or the
 * new, never a mix or a truncation (issue #13.5). A real child process saves two big contents
 * in turn through the real write path; each round it is killed after a random delay. The temp
 * files the kills leave behind are removed the next time the folder is opened.
 */
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../main/workspace/workspace';
import { goVcr, Recorder } from '../workspace/helpers';
import { childScript, spawnLoop } from './child';

const dirs: string[] = [];
const temp = (p: string) => {
  const d = realpathSync(mkdtempSync(join(tmpdir(), p)));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ROUNDS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 during saves', () => {
  it('leaves the old or the new content, never a partial file, and the next open cleans up', async () => {
    const root = temp('tapedeck-kill-');
    const contents = temp('tapedeck-kill-src-');
    // Big enough (a few MB) that a kill often lands while the temp is being written.
    const a = goVcr(Array.from({ length: 2000 }, (_, i) => ({ content: `first ${i} `.repeat(40) })));
    const b = goVcr(Array.from({ length: 1500 }, (_, i) => ({ content: `second ${i} `.repeat(40) })));
    writeFileSync(join(contents, 'a'), a);
    writeFileSync(join(contents, 'b'), b);
    const file = join(root, 'c.yaml');
    writeFileSync(file, a);
    childScript(); // bundle once before the timed rounds
    const seen = { a: 0, b: 0, leftovers: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const child = await spawnLoop(file, join(contents, 'a'), join(contents, 'b'));
      await sleep(80 + Math.random() * 400);
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(file, 'utf8');
      expect(now === a || now === b, `round ${round}: the file is neither the old nor the new content (${now.length} bytes)`).toBe(true);
      seen[now === a ? 'a' : 'b']++;
      if (readdirSync(root).some((n) => n.includes('.tapedeck-tmp-'))) seen.leftovers++;
    }
    // The test saw real saves land (the file changed) and real kills mid-save (leftovers).
    expect(seen.b).toBeGreaterThan(0);
    expect(seen.leftovers).toBeGreaterThan(0);

    const configDir = temp('tapedeck-kill-cfg-');
    const ws = createWorkspace({ configDir, emit: new Recorder().emit, workerCount: 1 });
    try {
      await ws.openPath(root);
      await ws.whenIndexed();
      expect(readdirSync(root)).toEqual(['c.yaml']);
      expect((await ws.listCassettes()).map((s) => s.relPath)).toEqual(['c.yaml']);
    } finally {
      await ws.close();
    }
  }, 300_000);
});
