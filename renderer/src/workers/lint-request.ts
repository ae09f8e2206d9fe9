/**
 * What the analysis worker does for a lint request, without the worker around it (tests call
 * this very module): the shared lint entry (shared/lint/file.ts) that `tapedeck lint` and the
 * index use too, its findings made cloneable (a fix function stays here: `fixTitle` says one
 * exists).
 */
import { lintFile, lintText } from '../../../shared/lint/file';
import type { Finding, LintOptions } from '../../../shared/lint/types';
import type { LintFinding } from '../store/types';

/** The editor's text, or the file's bytes when it has no editable text (not UTF-8, broken gzip). */
export type LintSource = { text: string } | { bytes: Uint8Array };

export function lintSource(path: string, src: LintSource, parsed?: LintOptions['parsed']): Finding[] {
  return 'bytes' in src ? lintFile(path, src.bytes).findings : lintText(path, src.text, parsed).findings;
}

export function toLintFindings(findings: Finding[]): LintFinding[] {
  return findings.map((f, index) => ({
    index,
    code: f.code,
    severity: f.severity,
    message: f.message,
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    ...(f.interaction !== undefined ? { interaction: f.interaction } : {}),
    ...(f.fix ? { fixTitle: f.fix.title } : {}),
  }));
}
