/**
 * Locates the app's own files (built renderer, built-in samples) whether we run from the
 * esbuild bundle in app/dist/main, from TypeScript sources under vitest, or packaged in asar.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function appRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'tapedeck') return (cached = dir);
      } catch {
        // Not our package.json; keep walking up.
      }
    }
    dir = dirname(dir);
  }
  throw new Error('Cannot locate the Tapedeck installation (package.json named "tapedeck").');
}

export const rendererDir = (): string => join(appRoot(), 'app', 'dist', 'renderer');
export const samplesDir = (): string => join(appRoot(), 'app', 'samples');

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
