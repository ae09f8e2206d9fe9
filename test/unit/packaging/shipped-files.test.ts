import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(relative(root, p).split('\\').join('/'));
  }
  return out;
}

/** electron-builder's `files` semantics: patterns apply in order, `!` ones remove. */
function shipped(files: string[]): string[] {
  return files.filter((f) => {
    let keep = false;
    for (const pattern of config.files as string[]) {
      if (pattern.startsWith('!')) {
        if (minimatch(f, pattern.slice(1), { dot: true })) keep = false;
      } else if (minimatch(f, pattern, { dot: true })) keep = true;
    }
    return keep;
  });
}

// The packaged app cannot be built here (the Electron download is blocked), so this checks
// what electron-builder's file patterns would put into the asar, on the built tree.
describe('what the package would ship', () => {
  const built = existsSync(join(root, 'app/dist/main/electron-main.mjs')) && existsSync(join(root, 'app/dist/renderer/index.html'));

  it('has a build to check (npm test builds first; run `npm run build` when running this alone)', () => {
    expect(built).toBe(true);
  });

  it('ships the shells, the renderer, the samples and package.json, and nothing else', () => {
    const list = shipped(walk(root));
    for (const must of ['package.json', 'app/dist/main/electron-main.mjs', 'app/dist/main/preload.cjs', 'app/dist/main/index-worker.js', 'app/dist/renderer/index.html']) {
      expect(list).toContain(must);
    }
    expect(list.some((f) => f.startsWith('app/samples/'))).toBe(true);
    const bad = list.filter((f) => /^(main|renderer|shared|test|scripts|\.ci)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') || f.includes('node_modules/'));
    expect(bad).toEqual([]);
  });
});
