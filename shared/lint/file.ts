/**
 * The one lint run of a cassette file. `tapedeck lint`, the index workers (the sidebar's and
 * the dashboard's counts) and the app's lint worker (the Problems panel and editor markers)
 * all call these, with one rule set and one options object, so a file shows the same findings
 * wherever it is looked at.
 *
 * The file is linted as the editor shows it: gunzipped (`.yaml.gz` is the YAML inside, so
 * fixes apply to that text and the writer re-gzips) and without a byte order mark. A file that
 * does not decode (not UTF-8, broken gzip) is linted from its bytes.
 */
import { decodeCassetteFile, type CassetteText } from '../edit/cassette-file';
import { lintCassetteDetailed, type LintResult } from './engine';
import type { LintOptions } from './types';

export { lintCounts, type LintCounts } from './counts';

/** What the app lints with: every rule at its catalogued severity, as `tapedeck lint` without --rule. */
export const APP_LINT_OPTIONS: Readonly<LintOptions> = Object.freeze({});

/** The path lint is told: a gzipped cassette is linted as the YAML inside it. */
export function lintPathOf(path: string): string {
  return path.replace(/\.gz$/i, '');
}

/** A file's bytes as stored on disk. */
export function lintFile(path: string, bytes: Uint8Array, opts: LintOptions = APP_LINT_OPTIONS): LintResult & { decoded: CassetteText | null } {
  const d = decodeCassetteFile(path, bytes);
  const decoded = 'error' in d ? null : d;
  return { ...lintCassetteDetailed(decoded ? decoded.text : bytes, lintPathOf(path), opts), decoded };
}

/**
 * The editor's text of a file (already gunzipped, no BOM). `parsed` is the worker's parse of
 * exactly this text, reused instead of parsing a large cassette twice; rules read only what
 * any parse of the text gives (reported usage, not the tokenizer's estimates).
 */
export function lintText(path: string, text: string, parsed?: LintOptions['parsed'], opts: LintOptions = APP_LINT_OPTIONS): LintResult {
  return lintCassetteDetailed(text, lintPathOf(path), parsed ? { ...opts, parsed } : opts);
}
