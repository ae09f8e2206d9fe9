/**
 * TAPEDECK_SERVE_TOKEN (tests only) fixes serve's per-launch token so e2e can restart serve on
 * the same port and URL. A token that is short or not URL-safe is refused before anything
 * starts. (The accepted path is exercised end to end by test/e2e/connection.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import { startServe } from '../../../main/cli/serve-command';
import { UsageError, type CliIo } from '../../../main/cli/io';

const io: CliIo = { stdout: () => {}, stderr: () => {}, cwd: process.cwd() };

describe('TAPEDECK_SERVE_TOKEN', () => {
  it.each(['short', 'has a space in it, long enough', 'slash/is/not/allowed/here/x', '%2e%2e-percent-encoded-xx'])('refuses %j', async (token) => {
    await expect(startServe(['--no-open'], io, { TAPEDECK_SERVE_TOKEN: token })).rejects.toBeInstanceOf(UsageError);
  });
});
