/**
 * `tapedeck match CASSETTE [--recorder go-vcr|vcrpy|ruby-vcr|all] [--match-on a,b] [--ignore-header NAME]...
 * (--curl "..." | --request FILE) [--json]`: which interaction each recorder replays for the
 * request, and for near misses what differs. Exit 0 when a recorder shown replays something,
 * 1 when none does, 2 for bad usage.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCassette } from '../../shared/cassette/parse';
import { createSession, parseCurl, parseRequestInput, recordedRequest, recorderFor, RECORDERS, resolveMatchers } from '../../shared/match';
import type { Explanation, Recorder } from '../../shared/match';
import { registerNodeCodecs } from '../backend/node-codecs';
import { parseArgs } from './args';
import { ExitError, UsageError, type CliIo } from './io';
import { explanationText } from './match-output';

async function readOr2(cwd: string, path: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(resolve(cwd, path));
  } catch (e) {
    throw new ExitError(2, `cannot read ${what} ${path}: ${/^E[A-Z]+: ([^,]+)/.exec((e as Error).message)?.[1] ?? (e as Error).message}`);
  }
}

export async function matchCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['recorder', 'match-on', 'curl', 'request'], repeat: ['ignore-header'], booleans: ['json'] });
  if (args.positionals.length !== 1) throw new UsageError('match needs exactly one CASSETTE');
  const { curl, request } = args.values;
  if ((curl === undefined) === (request === undefined)) throw new UsageError('match needs one of --curl "..." or --request FILE');
  const rec = args.values.recorder;
  if (rec !== undefined && rec !== 'all' && !RECORDERS.includes(rec as Recorder)) throw new UsageError(`--recorder must be one of ${RECORDERS.join(', ')}, all`);
  registerNodeCodecs();
  const path = args.positionals[0];
  const cassette = parseCassette({ path, bytes: await readOr2(io.cwd, path, 'cassette') });
  if (cassette.format === null) {
    const d = cassette.diagnostics.find((x) => x.severity === 'error');
    throw new ExitError(2, `${path}: not a cassette${d ? `: ${d.message}` : ''}`);
  }
  const input = curl !== undefined ? parseCurl(curl) : parseRequestInput(new TextDecoder().decode(await readOr2(io.cwd, request!, 'request')));
  if ('error' in input) throw new ExitError(2, input.error);
  for (const w of input.warnings) io.stderr(`tapedeck match: ${w}\n`);

  const own = recorderFor(cassette.format);
  const recorders: Recorder[] = rec === 'all' || (rec === undefined && own === null) ? RECORDERS : [(rec as Recorder | undefined) ?? own!];
  const matchOn = args.values['match-on']?.split(',').map((s) => s.trim()).filter(Boolean);
  if (matchOn && recorders.length > 1) throw new UsageError('--match-on names one recorder\'s matchers: add --recorder');
  for (const r of recorders) {
    const names = resolveMatchers(r, matchOn);
    if ('error' in names) throw new UsageError(names.error);
  }
  const recorded = cassette.interactions.map(recordedRequest);
  const opts = { matchOn, ignoreHeaders: args.lists['ignore-header'] };
  const results: Explanation[] = recorders.map((r) => createSession(recorded, r, opts).peek(input.request));
  if (args.flags.has('json')) io.stdout(JSON.stringify({ cassette: path, request: input.request, results }, null, 2) + '\n');
  else io.stdout(results.map((e) => explanationText(e, recorded)).join('\n') + '\n');
  return results.some((e) => e.chosen !== null) ? 0 : 1;
}
