/**
 * Saves by a non-root user (`nobody` through setpriv) on files and folders set up by root, where
 * a rename would take the file over or is not allowed at all (issue #13.5). These need root to
 * set up other users' files and to switch user; without root they are skipped (said below).
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_NOBODY, runOnce } from './child';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('save-as-user: skipped, switching to another user (setpriv) needs root');

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tapedeck-user-'));
  chmodSync(base, 0o755);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A folder with one file, both set up as root says. */
function setup(name: string, dirMode: number, dirOwner: number, fileMode: number, fileOwner: number): string {
  const d = join(base, name);
  mkdirSync(d);
  const f = join(d, 'c.yaml');
  writeFileSync(f, 'old: 1\n');
  chownSync(f, fileOwner, fileOwner);
  chmodSync(f, fileMode);
  chownSync(d, dirOwner, dirOwner);
  chmodSync(d, dirMode);
  return f;
}

describe.skipIf(!isRoot)('saving as a non-root user', () => {
  it('writes a writable file in a folder it may not create files in, in place', () => {
    const f = setup('ro-folder', 0o755, 0, 0o666, 0);
    expect(runOnce([f, 'once', 'new: 2\n', 'refuse'], AS_NOBODY)).toEqual({ ok: 7 });
    expect(readFileSync(f, 'utf8')).toBe('new: 2\n');
    expect(statSync(f).uid).toBe(0);
    expect(readdirSync(join(base, 'ro-folder'))).toEqual(['c.yaml']);
  });

  it("keeps another user's file theirs (in place, as a rename would make it the saver's)", () => {
    const f = setup('shared', 0o777, 0, 0o666, 0);
    expect(runOnce([f, 'once', 'new: 2\n', 'refuse'], AS_NOBODY)).toEqual({ ok: 7 });
    const st = statSync(f);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([0, 0, 0o666]);
    expect(readFileSync(f, 'utf8')).toBe('new: 2\n');
  });

  it('refuses a file it has no write permission on, even in a folder it may write', () => {
    const f = setup('not-mine', 0o777, 0, 0o644, 0);
    const out = runOnce([f, 'once', 'new: 2\n', 'refuse'], AS_NOBODY);
    expect(out).toEqual({ code: 'file.read-only', message: 'c.yaml is read-only on disk; nothing was written.' });
    expect(readFileSync(f, 'utf8')).toBe('old: 1\n');
    expect(statSync(f).uid).toBe(0);
  });

  it('overwrites its own read-only file only when told to, keeping it read-only', () => {
    const f = setup('own-ro', 0o755, 65534, 0o444, 65534);
    expect(runOnce([f, 'once', 'new: 2\n', 'refuse'], AS_NOBODY).code).toBe('file.read-only');
    expect(runOnce([f, 'once', 'new: 2\n', 'overwrite'], AS_NOBODY)).toEqual({ ok: 7 });
    const st = statSync(f);
    expect([st.uid, st.mode & 0o777, readFileSync(f, 'utf8')]).toEqual([65534, 0o444, 'new: 2\n']);
  });

  it('fails with a plain message (no /proc path, no temp name) when it cannot write at all', () => {
    const f = setup('locked', 0o755, 0, 0o644, 0);
    const out = runOnce([f, 'once', 'new: 2\n', 'overwrite'], AS_NOBODY);
    expect(out).toEqual({ code: 'save.failed', message: 'Could not save c.yaml: permission denied; the file on disk was not changed.' });
    expect(readFileSync(f, 'utf8')).toBe('old: 1\n');
  });
});
