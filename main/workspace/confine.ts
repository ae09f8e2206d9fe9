/**
 * Every path the UI sends is relative to an opened root and must stay inside it: the UI is
 * a web page (in `tapedeck serve`, reachable over HTTP), so a path is untrusted input.
 * Refused: NUL bytes, absolute paths (POSIX, drive letters, UNC), any `..` segment, and
 * anything whose real path (after symlinks) leaves the root.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ApiFailure } from '../../shared/api/contract';

/** The one error code for every refusal to leave the root (the UI keys its message on it). */
export const OUTSIDE_WORKSPACE = 'path.outside-workspace';
const OUTSIDE = OUTSIDE_WORKSPACE;

/** Validates a root-relative path and returns it normalised to forward slashes. */
export function checkRelPath(relPath: unknown): string {
  if (typeof relPath !== 'string' || relPath === '') throw new ApiFailure(OUTSIDE, 'A file path is required.');
  if (relPath.includes('\0')) throw new ApiFailure(OUTSIDE, 'The path contains a NUL byte.');
  if (isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath) || relPath.startsWith('/') || (sep === '\\' && relPath.startsWith('\\')))
    throw new ApiFailure(OUTSIDE, `Absolute paths are not accepted: ${relPath}`);
  // `..` is refused whichever separator surrounds it (a Windows-style `..\x` is suspicious
  // everywhere). But a backslash separates folders on Windows only: elsewhere `x\y.yaml` is one
  // file name (the scan lists it so), and splitting there would read or save a different file.
  if (relPath.split(/[\\/]+/).includes('..')) throw new ApiFailure(OUTSIDE, `The path leaves the workspace folder: ${relPath}`);
  const parts = relPath.split(sep === '\\' ? /[\\/]+/ : /\/+/).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) throw new ApiFailure(OUTSIDE, 'A file path is required.');
  return parts.join('/');
}

export function isInside(rootReal: string, candidate: string): boolean {
  const rel = relative(rootReal, candidate);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Absolute path of `relPath` under the root, after checking that its real location is inside
 * the root. With `mayBeNew`, a missing file is allowed if its folder resolves inside the root.
 */
export async function resolveInRoot(rootReal: string, relPath: string, mayBeNew = false): Promise<string> {
  const clean = checkRelPath(relPath);
  const abs = join(rootReal, ...clean.split('/'));
  let real: string;
  try {
    real = await realpath(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (!mayBeNew) throw new ApiFailure('file.not-found', `No such file: ${clean}`);
    const parent = await realpath(dirname(abs)).catch(() => {
      throw new ApiFailure('file.not-found', `No such folder: ${dirname(clean)}`);
    });
    real = join(parent, basename(abs));
  }
  if (!isInside(rootReal, real))
    throw new ApiFailure(OUTSIDE, `The path resolves outside the workspace folder (symlink?): ${clean}`);
  return real;
}
