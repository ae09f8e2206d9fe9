/**
 * `tapedeck lint [--fix] [--format text|json|sarif] [--rule CODE=LEVEL]... PATH...`
 * Exit 0 when nothing reaches error level, 1 when something does (after --fix) or --fix was
 * refused a read-only file, 2 on bad usage.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { encodeCassetteFile } from '../../shared/edit/cassette-file';
import { RULES } from '../../shared/lint/catalog';
import { applyFixesDetailed } from '../../shared/lint/engine';
import { lintFile, lintText } from '../../shared/lint/file';
import type { LintOptions, RuleLevel } from '../../shared/lint/types';
import { appVersion } from '../backend/app-paths';
import { registerNodeCodecs } from '../backend/node-codecs';
import { parseArgs } from './args';
import { collectFiles } from './collect-files';
import { UsageError } from './io';
import { writeUnlessReadOnly } from './write-file';
import type { FileResult } from './lint-output';
import { counts, formatJson, formatSarif, formatText, relPath } from './lint-output';

export const LINT_USAGE = `Usage: tapedeck lint [--fix] [--format text|json|sarif] [--rule CODE=off|info|warning|error]... PATH...
  Check cassettes for rot: repeated or rewritten tool-call ids, streams without their terminator,
  leaked secrets, content_length / Content-Encoding that disagree with the body, and more.
  PATH may be files or folders (searched recursively, skipping .git and node_modules).
  --fix      apply the safe fixes (redact, unique ids, stream terminators, content_length) in place;
             read-only files are left alone (exit 1)
  --format   text (default), json, or sarif (SARIF 2.1.0 for GitHub code scanning)
  --rule     set a rule's level; CODE may be a family such as "secret" or "stream"
Exit codes: 0 clean or only warnings, 1 findings at error level or a fix refused, 2 bad usage.
`;

const LEVELS = new Set(['off', 'info', 'warning', 'error']);
const FAMILIES = new Set(RULES.map((r) => r.code.split('/')[0]).concat('secret', '*'));

interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

function parseRules(specs: string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const s of specs) {
    const eq = s.lastIndexOf('=');
    const code = eq > 0 ? s.slice(0, eq) : '';
    const level = eq > 0 ? s.slice(eq + 1) : '';
    if (!code || !LEVELS.has(level)) throw new UsageError(`--rule expects CODE=off|info|warning|error, got "${s}"`);
    const known = RULES.some((r) => r.code === code) || FAMILIES.has(code) || /^secret\/[\w-]+$/.test(code);
    if (!known) throw new UsageError(`unknown rule "${code}" (known: ${RULES.map((r) => r.code).join(', ')}, secret/…)`);
    rules[code] = level as RuleLevel;
  }
  return rules;
}

/** Files found by walking a folder that are not cassettes are skipped, unless they look like a broken one. */
function looksLikeBrokenCassette(text: string): boolean {
  return /\b(http_)?interactions\s*:|"entries"\s*:/.test(text.slice(0, 4096));
}

/** A lint result, and why --fix could not write the file (it is read-only). */
type Linted = FileResult & { notWritten?: string };

async function lintOne(file: string, rel: string, explicit: boolean, opts: LintOptions, fix: boolean): Promise<Linted | null> {
  const bytes = new Uint8Array(await fs.readFile(file));
  // The one lint entry the app's index and Problems panel use too (gunzipped text is linted
  // and fixed as text, then written back gzipped).
  let r = lintFile(file, bytes, opts);
  const { decoded } = r;
  if (r.format === null && !explicit && (!decoded || !looksLikeBrokenCassette(decoded.text))) return null;
  const result: Linted = { path: file, findings: r.findings, fixed: [], fixFailed: [] };
  // A file named on the command line that is no cassette at all is an error, not a clean file.
  if (r.format === null && explicit && !r.findings.some((f) => f.severity === 'error')) {
    const why = decoded && decoded.text.trim() === '' ? 'the file is empty' : 'no recorder layout found (go-vcr, vcrpy, Ruby VCR, HAR)';
    result.findings = [{ code: 'cassette/parse-error', severity: 'error', message: `Not a cassette: ${why}`, line: 1, column: 1 }, ...r.findings];
  }
  if (fix && decoded && r.findings.some((f) => f.fix)) {
    const rep = applyFixesDetailed(decoded.text, r.findings);
    result.fixFailed = rep.failed.map((f) => `${f.finding.fix!.title}: ${f.error}`);
    const refused = rep.text === decoded.text ? null : await writeUnlessReadOnly(file, encodeCassetteFile({ text: rep.text, gzip: decoded.gzip, bom: decoded.bom }), rel);
    if (refused) result.notWritten = refused;
    else if (rep.text !== decoded.text) {
      result.fixed = [...new Set(rep.applied.map((f) => f.fix!.title))];
      r = { ...lintText(file, rep.text, undefined, opts), decoded };
      result.findings = r.findings;
    }
  }
  return result;
}

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  let args;
  let rules: Record<string, RuleLevel>;
  try {
    args = parseArgs(argv, { booleans: ['fix', 'help'], values: ['format'], repeat: ['rule'] });
    if (args.flags.has('help')) {
      io.stdout(LINT_USAGE);
      return 0;
    }
    const format = args.values.format ?? 'text';
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, got "${format}"`);
    rules = parseRules(args.lists.rule ?? []);
    if (args.positionals.length === 0) throw new UsageError('no PATH given');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tapedeck lint: ${e.message}\n\n${LINT_USAGE}`);
    return 2;
  }
  registerNodeCodecs();
  for (const p of args.positionals) {
    if (await fs.stat(path.resolve(io.cwd, p)).catch(() => null)) continue;
    io.stderr(`tapedeck lint: no such file or folder: ${p}\n`);
    return 2;
  }
  let collected;
  try {
    collected = await collectFiles(args.positionals.map((p) => path.resolve(io.cwd, p)));
  } catch (e) {
    io.stderr(`tapedeck lint: cannot read a folder: ${(e as Error).message}\n\n${LINT_USAGE}`);
    return 2;
  }
  const { files, skipped } = collected;
  for (const s of skipped) io.stderr(`tapedeck lint: skip ${relPath(io.cwd, s)}: a symlink to a file outside the folders given\n`);
  const results: FileResult[] = [];
  let notWritten = 0;
  for (const { file, explicit } of files) {
    try {
      const r = await lintOne(file, relPath(io.cwd, file), explicit, { rules }, args.flags.has('fix'));
      if (r?.notWritten) {
        io.stderr(`tapedeck lint: ${r.notWritten}\n`);
        notWritten++;
      }
      if (r) results.push(r);
    } catch (e) {
      io.stderr(`tapedeck lint: ${relPath(io.cwd, file)}: ${(e as Error).message}\n`);
      results.push({ path: file, fixed: [], fixFailed: [], findings: [{ code: 'lint/internal', severity: 'error', message: (e as Error).message }] });
    }
  }
  const format = args.values.format ?? 'text';
  if (format === 'json') io.stdout(formatJson(results, io.cwd));
  else if (format === 'sarif') io.stdout(formatSarif(results, io.cwd, appVersion()));
  else io.stdout(formatText(results, io.cwd));
  if (format !== 'text') {
    // Machine formats keep stdout pure; say what --fix did on stderr.
    for (const r of results) for (const t of r.fixed) io.stderr(`${relPath(io.cwd, r.path)}: fixed: ${t}\n`);
  }
  return counts(results).error > 0 || notWritten > 0 ? 1 : 0;
}
