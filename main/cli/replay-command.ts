/**
 * `tapedeck replay PATH... [--port N] [--speed 1|2|max] [--recorder go-vcr|vcrpy|ruby-vcr]
 * [--match-on a,b] [--ignore-header NAME]...`: serve the cassettes' recorded responses on
 * 127.0.0.1 until interrupted (main/replay/replay-server.ts).
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseCassette } from '../../shared/cassette/parse';
import { RECORDERS, resolveMatchers, type Recorder } from '../../shared/match';
import type { Cassette } from '../../shared/model/cassette';
import { registerNodeCodecs } from '../backend/node-codecs';
import { startReplayServer, type Speed } from '../replay/replay-server';
import { parseArgs } from './args';
import { collectFiles } from './collect-files';
import { ExitError, UsageError, type CliIo } from './io';

export async function replayCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['port', 'speed', 'recorder', 'match-on'], repeat: ['ignore-header'] });
  if (args.positionals.length === 0) throw new UsageError('replay needs at least one PATH');
  const port = args.values.port === undefined ? 0 : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  const speedText = args.values.speed ?? '1';
  if (!['1', '2', 'max'].includes(speedText)) throw new UsageError('--speed must be 1, 2 or max');
  const recorder = args.values.recorder as Recorder | undefined;
  if (recorder !== undefined && !RECORDERS.includes(recorder)) throw new UsageError(`--recorder must be one of ${RECORDERS.join(', ')}`);
  const matchOn = args.values['match-on']?.split(',').map((s) => s.trim()).filter(Boolean);
  if (matchOn && !recorder) throw new UsageError("--match-on names one recorder's matchers: add --recorder");
  if (matchOn) {
    const names = resolveMatchers(recorder!, matchOn);
    if ('error' in names) throw new UsageError(names.error);
  }
  registerNodeCodecs();
  const { files } = await collectFiles(args.positionals.map((p) => resolve(io.cwd, p))).catch((e: Error) => {
    throw new ExitError(2, `cannot read ${args.positionals.join(' ')}: ${/^E[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message}`);
  });
  const cassettes: Cassette[] = [];
  for (const f of files) {
    const c = parseCassette({ path: relative(io.cwd, f.file), bytes: await readFile(f.file) });
    if (c.format !== null && c.interactions.length) cassettes.push(c);
  }
  if (cassettes.length === 0) throw new ExitError(2, 'no cassette with interactions in the given paths');
  const speed: Speed = speedText === 'max' ? 'max' : (Number(speedText) as 1 | 2);
  const server = await startReplayServer(cassettes, { port, speed, recorder, match: { matchOn, ignoreHeaders: args.lists['ignore-header'] } }).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'EADDRINUSE' ? new ExitError(2, `port ${port} is in use`) : e;
  });
  io.stdout(`Replaying ${cassettes.length} cassette(s), ${cassettes.reduce((n, c) => n + c.interactions.length, 0)} interaction(s) at ${server.url} (speed ${speedText}). Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
