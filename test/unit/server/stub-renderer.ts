/**
 * A temp folder for a server test, with a stand-in renderer (one index.html) in `renderer/`:
 * the server tests check the HTTP layer, not the built app.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function stubRenderer(prefix: string): { base: string; rendererDir: string } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const rendererDir = join(base, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>T</title>');
  return { base, rendererDir };
}
