/**
 * Lint findings → Monaco marker data (plain objects, so this stays
 * testable in node). Severity numbers are Monaco's MarkerSeverity values.
 */
import type { LintFinding } from '../../store/types';

export const SEVERITY = { error: 8, warning: 4, info: 2 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  code: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * A problem as the Problems panel and the editor markers list it: a finding of the one lint
 * run (shared/lint/file.ts), which carries the parser's errors and warnings too, so the panel,
 * the sidebar's counts and `tapedeck lint` agree.
 */
export interface Problem {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line?: number;
  column?: number;
  interaction?: number;
  /** Lint finding index when a quick fix exists. */
  fixIndex?: number;
  fixTitle?: string;
}

export function problemsOf(findings: LintFinding[]): Problem[] {
  const out: Problem[] = findings.map((f) => ({
    severity: f.severity,
    code: f.code,
    message: f.message,
    ...(f.line ? { line: f.line } : {}),
    ...(f.column ? { column: f.column } : {}),
    ...(f.interaction !== undefined ? { interaction: f.interaction } : {}),
    ...(f.fixTitle ? { fixIndex: f.index, fixTitle: f.fixTitle } : {}),
  }));
  const rank = { error: 0, warning: 1, info: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.line ?? 0) - (b.line ?? 0));
}

/** A marker covers the rest of its line from the column (a whole line when there is no column). */
export function toMarkers(problems: Problem[], lineLength: (line: number) => number, lineCount: number): MarkerData[] {
  return problems.map((p) => {
    const line = Math.min(Math.max(1, p.line ?? 1), Math.max(1, lineCount));
    const end = lineLength(line) + 1;
    const col = Math.min(p.column ?? 1, end);
    return {
      severity: SEVERITY[p.severity],
      message: p.fixTitle ? `${p.message}\nQuick fix: ${p.fixTitle}` : p.message,
      code: p.fixIndex !== undefined ? `${p.code}#${p.fixIndex}` : p.code,
      source: 'tapedeck lint',
      startLineNumber: line,
      startColumn: col,
      endLineNumber: line,
      endColumn: Math.max(end, col + 1),
    };
  });
}

/** The lint finding index a marker's code carries (`secret/openai-key#3` → 3). */
export function fixIndexOf(code: string | undefined): number | null {
  const m = /#(\d+)$/.exec(code ?? '');
  return m ? Number(m[1]) : null;
}
