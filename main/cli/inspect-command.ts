import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseCassette } from '../../shared/cassette/parse';
import { analyzeCassette } from '../../shared/llm/analyze';
import { hasErrors, inspectJson } from '../../shared/inspect/inspect-json';
import { inspectText } from '../../shared/inspect/inspect-text';
import type { Cassette } from '../../shared/model/cassette';
import { registerNodeCodecs } from '../backend/node-codecs';
import { parseArgs } from './args';
import { collectFiles } from './collect-files';
import { UsageError, type CliIo } from './io';

/** `ENOENT: no such file or directory, open '/x'` → `no such file or directory`. */
function reason(err: unknown): string {
  const m = (err as Error).message;
  return /^E[A-Z]+: ([^,]+)/.exec(m)?.[1] ?? m;
}

function unreadable(file: string, why: string): Cassette {
  return {
    path: file,
    format: null,
    formatVersion: null,
    interactions: [],
    recordedWith: null,
    diagnostics: [{ severity: 'error', code: 'file.unreadable', message: `${file}: ${why}` }],
  };
}

/**
 * `tapedeck inspect PATH... [--json]`: a folder stands for the cassettes in it (as for lint and
 * redact). Exit 1 if any file had an error, or a file named on the command line is no cassette.
 * In text mode a file that cannot be read or is no cassette prints one line, not a summary.
 */
export async function inspectCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json'] });
  if (args.positionals.length === 0) throw new UsageError('inspect needs at least one PATH');
  registerNodeCodecs();
  const json = args.flags.has('json');
  let failed = false;
  const emit = (cassette: Cassette, explicit: boolean) => {
    const analysis = analyzeCassette(cassette);
    const errors = hasErrors(cassette, analysis);
    if (cassette.format === null && !explicit && !errors) return; // some other YAML/JSON in a folder
    if (errors || cassette.format === null) failed = true;
    if (json) return io.stdout(JSON.stringify(inspectJson(cassette, analysis)) + '\n');
    if (cassette.format === null) {
      const d = cassette.diagnostics.find((x) => x.severity === 'error') ?? cassette.diagnostics[0];
      const why = d?.code === 'file.unreadable' ? `cannot read: ${d.message.slice(cassette.path.length + 2)}` : `not a cassette${d ? `: ${d.message.replace(/^Not a cassette: /, '').replace(/^./, (c) => c.toLowerCase())}` : ''}`;
      return io.stderr(`${cassette.path}: ${why}\n`);
    }
    io.stdout(inspectText(cassette, analysis) + '\n');
  };
  for (const p of args.positionals) {
    const abs = resolve(io.cwd, p);
    const st = await stat(abs).catch((e: unknown) => e as Error);
    if (st instanceof Error) {
      emit(unreadable(p, reason(st)), true);
      continue;
    }
    const files = st.isDirectory() ? (await collectFiles([abs])).files : [{ file: abs, explicit: true }];
    for (const { file, explicit } of files) {
      const shown = explicit ? p : relative(io.cwd, file) || file;
      let cassette: Cassette;
      try {
        cassette = parseCassette({ path: shown, bytes: new Uint8Array(await readFile(file)) });
      } catch (err) {
        cassette = unreadable(shown, reason(err));
      }
      emit(cassette, explicit);
    }
  }
  return failed ? 1 : 0;
}
