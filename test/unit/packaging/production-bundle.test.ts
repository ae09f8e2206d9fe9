/**
 * The shipped renderer has no test hooks: `window.__tapedeck` (renderer/src/test-hooks.ts)
 * exists only in the builds tests and the bench drive. One real production Vite build of the
 * renderer (~20-30 s on this machine, like the packaging test's electron-builder run).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const HOOK = '__tapedeck';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

describe('test hooks stay out of production bundles', () => {
  const out = mkdtempSync(join(tmpdir(), 'tapedeck-prod-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the minifier keeps the hook only when the build flag asks for it', async () => {
    const bundle = async (hooks: boolean) =>
      (await esbuild({ entryPoints: [join(root, 'renderer/src/test-hooks.ts')], bundle: true, minify: true, write: false, format: 'esm', define: { __TAPEDECK_TEST_HOOKS__: String(hooks) } })).outputFiles[0].text;
    expect(await bundle(true)).toContain(HOOK);
    expect(await bundle(false)).not.toContain(HOOK);
  });

  it('the production renderer build (TAPEDECK_BUILD=production, as build.mjs --production sets) has none', async () => {
    const before = process.env.TAPEDECK_BUILD;
    process.env.TAPEDECK_BUILD = 'production';
    try {
      await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    } finally {
      if (before === undefined) delete process.env.TAPEDECK_BUILD;
      else process.env.TAPEDECK_BUILD = before;
    }
    const files = jsFiles(out);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes(HOOK))).toEqual([]);
  }, 180_000);
});
