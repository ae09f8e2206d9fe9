/**
 * How the CLI's writes (`redact --write`, `lint --fix`) save a file: atomically, like the app,
 * and refusing a read-only file as the app does (the app asks "Save anyway"; a CLI run has no
 * one to ask, and a 0444 cassette is usually read-only on purpose: a checked-in fixture, a
 * file another tool owns).
 */
import { ApiFailure } from '../../shared/api/contract';
import { atomicWriteFile, READ_ONLY } from '../fs/atomic-write';

/** Writes `bytes` to `file`; returns a one-line reason naming `rel` when it is read-only. */
export async function writeUnlessReadOnly(file: string, bytes: Uint8Array, rel: string): Promise<string | null> {
  try {
    await atomicWriteFile(file, bytes, { readOnly: 'refuse' });
    return null;
  } catch (e) {
    if (e instanceof ApiFailure && e.code === READ_ONLY) return `${rel} is read-only; not written (make it writable, e.g. chmod u+w, to change it)`;
    throw e;
  }
}
