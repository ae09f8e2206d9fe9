import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCassette } from '../../shared/cassette/parse';
import { analyzeCassette } from '../../shared/llm/analyze';
import { hasErrors, inspectJson } from '../../shared/inspect/inspect-json';
import { inspectText } from '../../shared/inspect/inspect-text';
import type { Cassette } from '../../shared/model/cassette';
import { registerNodeCodecs } from '../backend/node-codecs';
import { parseArgs } from './args';
import { UsageError, type CliIo } from './io';

/** `tapedeck inspect FILE... [--json]`: exit 1 if any file had an error diagnostic. */
export async function inspectCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json'] });
  if (args.positionals.length === 0) throw new UsageError('inspect needs at least one FILE');
  registerNodeCodecs();
  let failed = false;
  for (const file of args.positionals) {
    let cassette: Cassette;
    try {
      const bytes = new Uint8Array(await readFile(resolve(io.cwd, file)));
      cassette = parseCassette({ path: file, bytes });
    } catch (err) {
      // An unreadable file still yields its object, with an error diagnostic.
      cassette = {
        path: file,
        format: null,
        formatVersion: null,
        interactions: [],
        recordedWith: null,
        diagnostics: [{ severity: 'error', code: 'file.unreadable', message: `${file}: ${(err as Error).message}` }],
      };
    }
    const analysis = analyzeCassette(cassette);
    if (hasErrors(cassette, analysis)) failed = true;
    io.stdout(args.flags.has('json') ? JSON.stringify(inspectJson(cassette, analysis)) + '\n' : inspectText(cassette, analysis) + '\n');
  }
  return failed ? 1 : 0;
}
