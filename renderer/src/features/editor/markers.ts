/**
 * Parse diagnostics and lint findings → Monaco marker data (plain objects, so this stays
 * testable in node). Severity numbers are Monaco's MarkerSeverity values.
 */
import type { Diagnostic } from '../../../../shared/model/diagnostics';
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

/** A problem as the Problems panel lists it, whichever checker found it. */
export interface Problem {
  source: 'parse' | 'lint';
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

export function problemsOf(diags: Diagnostic[], findings: LintFinding[]): Problem[] {
  const out: Problem[] = diags.map((d) => ({
    source: 'parse' as const,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.line ? { line: d.line } : {}),
    ...(d.column ? { column: d.column } : {}),
    ...(d.interaction !== undefined ? { interaction: d.interaction } : {}),
  }));
  for (const f of findings) {
    // The linter reports parse errors too; keep one copy of each.
    if (out.some((p) => p.source === 'parse' && p.line === f.line && p.message === f.message)) continue;
    out.push({
      source: 'lint',
      severity: f.severity,
      code: f.code,
      message: f.message,
      ...(f.line ? { line: f.line } : {}),
      ...(f.column ? { column: f.column } : {}),
      ...(f.interaction !== undefined ? { interaction: f.interaction } : {}),
      ...(f.fixTitle ? { fixIndex: f.index, fixTitle: f.fixTitle } : {}),
    });
  }
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
      source: p.source === 'lint' ? 'tapedeck lint' : 'tapedeck',
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
