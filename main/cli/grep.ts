/**
 * `tapedeck grep PATTERN PATH... [--json] [-i] [-w] [--regex]`: the sidebar's full-text search
 * from the shell, on the same engine (the index engine's documents and shared/search's query),
 * so a hit here is a hit there. One line per hit, `file:interaction:event: snippet` (event `-`
 * when the hit is not in a streamed field).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { registerNodeCodecs } from '../backend/node-codecs';
import { runEngineTask } from '../workspace/engine';
import type { SearchQuery } from '../../shared/search/query';
import { compileQuery } from '../../shared/search/query';
import type { FileHits } from '../../shared/search/search-files';
import { createGuardedSearch } from '../workspace/guarded-search';
import { parseArgs } from './args';
import { collectFiles } from './collect-files';
import { UsageError, type CliIo } from './io';
import { relPath } from './lint-output';

const SHORT: Record<string, string> = { '-i': '--ignore-case', '-w': '--word' };

export async function grepCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv.map((a) => SHORT[a] ?? a), { booleans: ['json', 'ignore-case', 'word', 'regex'] });
  const [pattern, ...paths] = args.positionals;
  if (pattern === undefined || paths.length === 0) throw new UsageError('grep needs a PATTERN and at least one PATH');
  const query: SearchQuery = { pattern, caseSensitive: !args.flags.has('ignore-case'), wholeWord: args.flags.has('word'), regex: args.flags.has('regex') };
  const compiled = compileQuery(query);
  if (!compiled.ok) throw new UsageError(compiled.error);
  for (const p of paths) {
    if (await stat(path.resolve(io.cwd, p)).catch(() => null)) continue;
    io.stderr(`tapedeck grep: no such file or folder: ${p}\n`);
    return 2;
  }
  const { files } = await collectFiles(paths.map((p) => path.resolve(io.cwd, p)));
  registerNodeCodecs();
  // A --regex search runs in a worker that is ended when a pattern runs away (see there).
  const search = createGuardedSearch();
  try {
    let found = false;
    for (const { file } of files) {
      const shown = relPath(io.cwd, file);
      const res = runEngineTask({ kind: 'file', absPath: file, ref: { rootId: 'cli', relPath: shown }, knownHash: null });
      if (res.kind !== 'indexed') continue;
      const out = await search.search([{ file: shown, docs: res.docs }], query);
      if (out.error) {
        io.stderr(`tapedeck grep: ${shown}: ${out.error}\n`);
        return 2;
      }
      for (const f of out.files) {
        found = true;
        io.stdout(args.flags.has('json') ? jsonLines(f) : textLines(f));
      }
    }
    return found ? 0 : 1;
  } finally {
    await search.close();
  }
}

function textLines(f: FileHits<string>): string {
  return f.interactions.flatMap((i) => i.hits.map((h) => `${f.file}:${i.index}:${h.event ?? '-'}: ${h.snippet}\n`)).join('');
}

function jsonLines(f: FileHits<string>): string {
  return f.interactions.flatMap((i) => i.hits.map((h) => `${JSON.stringify({ file: f.file, interaction: i.index, ...h })}\n`)).join('');
}
