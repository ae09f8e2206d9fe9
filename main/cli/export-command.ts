/**
 * `tapedeck export --har CASSETTE [-o FILE] [--interaction N]... [--reveal-secrets]`: a HAR 1.2
 * file that Chrome DevTools and HTTP Toolkit import. Exit 0 written, 1 not a readable cassette,
 * 2 bad usage. Secrets are masked unless --reveal-secrets.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCassette } from '../../shared/cassette/parse';
import { toHar } from '../../shared/export/har';
import { appVersion } from '../backend/app-paths';
import { registerNodeCodecs } from '../backend/node-codecs';
import { atomicWriteFile } from '../fs/atomic-write';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  // `-o` is the short form every exporter has; the shared parser knows only long flags.
  const args = parseArgs(argv.map((a) => (a === '-o' ? '--output' : a)), {
    values: ['output'],
    repeat: ['interaction'],
    booleans: ['har', 'reveal-secrets'],
  });
  if (!args.flags.has('har')) throw new UsageError('export needs a format: --har');
  if (args.positionals.length !== 1) throw new UsageError('export takes exactly one CASSETTE');
  const picks = (args.lists.interaction ?? []).map((v) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`--interaction takes an index (0, 1, …), not ${JSON.stringify(v)}`);
    return Number(v);
  });
  const file = args.positionals[0];
  const abs = resolve(io.cwd, file);
  registerNodeCodecs();
  let bytes: Uint8Array;
  let mtimeMs: number;
  try {
    bytes = new Uint8Array(await readFile(abs));
    mtimeMs = (await stat(abs)).mtimeMs;
  } catch (err) {
    io.stderr(`tapedeck export: ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const cassette = parseCassette({ path: file, bytes });
  if (cassette.format === null) {
    const why = cassette.diagnostics.find((d) => d.severity === 'error');
    io.stderr(`tapedeck export: ${file}: not a cassette${why ? ` (${why.message})` : ''}\n`);
    return 1;
  }
  const missing = picks.filter((i) => i >= cassette.interactions.length);
  if (missing.length) {
    io.stderr(`tapedeck export: ${file} has ${cassette.interactions.length} interactions; no interaction ${missing.join(', ')}\n`);
    return 1;
  }
  const har = toHar(cassette, {
    interactions: picks.length ? picks : undefined,
    revealSecrets: args.flags.has('reveal-secrets'),
    creator: { name: 'Tapedeck', version: appVersion() },
    fallbackDate: new Date(mtimeMs).toISOString(),
  });
  const text = JSON.stringify(har, null, 2) + '\n';
  const out = args.values.output;
  if (out === undefined || out === '-') {
    io.stdout(text);
    return 0;
  }
  await atomicWriteFile(resolve(io.cwd, out), text);
  io.stderr(`tapedeck export: wrote ${har.log.entries.length} entries to ${out}\n`);
  return 0;
}
