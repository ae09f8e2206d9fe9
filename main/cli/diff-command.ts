import path from 'node:path';
import { realpath } from 'node:fs/promises';
import { renderMarkdown } from '../../shared/diff/render-markdown';
import { renderText } from '../../shared/diff/render-text';
import type { DiffReport } from '../../shared/diff/types';
import { registerNodeCodecs } from '../backend/node-codecs';
import { diffTwoFiles, diffWorkTree } from '../git/diff-report';
import { GitError } from '../git/git-run';
import { parseArgs } from './args';
import { ExitError, UsageError, type CliIo } from './io';

const FORMATS = ['text', 'markdown', 'json'];

/**
 * `tapedeck diff A B` and `tapedeck diff --git [REV] [PATH...]`: the semantic diff of
 * cassettes. Exit 0 when nothing changed semantically, 1 when something did, 2 on bad usage.
 */
export async function diffCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['format'], booleans: ['git', 'show-volatile'] });
  const format = args.values.format ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const opts = { showVolatile: args.flags.has('show-volatile') };
  registerNodeCodecs();
  let report: DiffReport;
  if (args.flags.has('git')) {
    const [first, ...rest] = args.positionals;
    // REV is optional: a first argument that names nothing on disk is taken as the revision.
    const firstIsPath = first !== undefined && (await realpath(path.resolve(io.cwd, first)).then(() => true, () => false));
    const rev = first === undefined || firstIsPath ? 'HEAD' : first;
    const paths = firstIsPath ? args.positionals : rest;
    const abs = await Promise.all(paths.map((p) => realpath(path.resolve(io.cwd, p)).catch(() => {
      throw new UsageError(`no such path: ${p}`);
    })));
    // Not a work tree, or no such revision: the user's input is wrong, so exit 2 like bad usage.
    report = await diffWorkTree(await realpath(io.cwd), rev, abs, opts).catch((err: unknown) => {
      throw err instanceof GitError ? new ExitError(2, err.message) : err;
    });
  } else {
    if (args.positionals.length !== 2) throw new UsageError('diff needs two files (A B), or --git [REV] [PATH...]');
    const [a, b] = args.positionals;
    report = await diffTwoFiles(path.resolve(io.cwd, a), path.resolve(io.cwd, b), a, b, opts);
  }
  if (format === 'json') io.stdout(JSON.stringify(report) + '\n');
  else io.stdout(format === 'markdown' ? renderMarkdown(report) : renderText(report));
  return report.changed ? 1 : 0;
}
