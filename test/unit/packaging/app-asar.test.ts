import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ELECTRON_DEFAULT_FUSES, packLinuxDir, type Packed } from './pack-linux-dir';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(archive: string, o: { isPack: boolean }): string[]; extractFile(archive: string, file: string): Buffer; statFile(archive: string, file: string): object };
const fuses = require('@electron/fuses') as { getCurrentFuseWire(path: string): Promise<Record<string, string | number>>; FuseV1Options: Record<string, number> };
const { FuseState } = require('@electron/fuses/dist/constants.js') as { FuseState: Record<'ENABLE' | 'DISABLE', number> };

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const built = existsSync(join(root, 'app/dist/main/electron-main.mjs')) && existsSync(join(root, 'app/dist/renderer/index.html'));

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(relative(root, p).split('\\').join('/'));
  }
  return out;
}

// One real electron-builder run per test run (about 5-10 s); see pack-linux-dir.ts.
describe('the packaged app (electron-builder --dir, linux, stand-in Electron)', () => {
  let packed: Packed;
  let archive: string;
  let files: string[];

  beforeAll(async () => {
    if (!built) throw new Error('No build to package: npm test builds first; run `npm run build` when running this alone.');
    packed = await packLinuxDir(root, config.linux.executableName);
    archive = join(packed.appDir, 'resources', 'app.asar');
    // listPackage names folders too; keep files only.
    files = asar
      .listPackage(archive, { isPack: false })
      .map((f) => f.replace(/^[\\/]/, '').split('\\').join('/'))
      .filter((f) => !('files' in asar.statFile(archive, f)));
  }, 180_000);
  afterAll(() => rmSync(packed.workDir, { recursive: true, force: true }));

  it('app.asar holds exactly what the app loads: the shells, the renderer, the samples, package.json', () => {
    const expected = [
      'package.json',
      'app/dist/main/electron-main.mjs',
      'app/dist/main/preload.cjs',
      'app/dist/main/index-worker.js',
      ...walk(join(root, 'app/dist/renderer')),
      ...walk(join(root, 'app/samples')),
    ].filter((f) => !f.endsWith('.map'));
    expect(files.sort()).toEqual(expected.sort());
    // Belt and braces on the things that must never ship.
    expect(files.filter((f) => /node_modules\/|\.ts$|\.map$|^(main|renderer|shared|test|scripts)\//.test(f))).toEqual([]);
  });

  it('ships the built files unchanged and points package.json at the Electron main bundle', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; devDependencies?: unknown };
    expect(pkg.main).toBe('app/dist/main/electron-main.mjs');
    expect(asar.extractFile(archive, 'app/dist/renderer/index.html').equals(readFileSync(join(root, 'app/dist/renderer/index.html')))).toBe(true);
    expect(asar.extractFile(archive, pkg.main).equals(readFileSync(join(root, pkg.main)))).toBe(true);
  });

  it('flipped the fuses in the executable, read back with @electron/fuses', async () => {
    const wire = await fuses.getCurrentFuseWire(join(packed.appDir, config.linux.executableName));
    const O = fuses.FuseV1Options;
    const on = FuseState.ENABLE;
    const off = FuseState.DISABLE;
    expect(wire.version).toBe('1');
    expect({
      runAsNode: wire[O.RunAsNode],
      cookieEncryption: wire[O.EnableCookieEncryption],
      nodeOptions: wire[O.EnableNodeOptionsEnvironmentVariable],
      inspectArgs: wire[O.EnableNodeCliInspectArguments],
      asarIntegrity: wire[O.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[O.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[O.GrantFileProtocolExtraPrivileges],
    }).toEqual({ runAsNode: off, cookieEncryption: on, nodeOptions: off, inspectArgs: off, asarIntegrity: on, onlyAsar: on, fileProtocolPrivileges: off });
    // The one fuse we leave alone keeps Electron's default, so the wire was edited, not replaced.
    expect(wire[O.LoadBrowserProcessSpecificV8Snapshot]).toBe(ELECTRON_DEFAULT_FUSES[O.LoadBrowserProcessSpecificV8Snapshot] ? on : off);
  });
});
