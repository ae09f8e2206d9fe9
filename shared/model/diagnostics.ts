/**
 * Diagnostics are data, never exceptions: every parser in shared/ returns values plus a
 * list of these, so one broken file can never take down a folder view (excalidraw's
 * "parse, then restore, then render").
 */
export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column, plus the 0-based UTF-16 offset into the source text. */
export interface SourcePos {
  line: number;
  column: number;
  offset: number;
}

export interface SourceRange {
  start: SourcePos;
  end: SourcePos;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `yaml.syntax`, `format.unknown`, `body.decode-failed`. */
  code: string;
  message: string;
  line?: number;
  column?: number;
  /** Index of the interaction the diagnostic belongs to, when it belongs to one. */
  interaction?: number;
  range?: SourceRange;
}

export function diagnostic(
  severity: Severity,
  code: string,
  message: string,
  where: { range?: SourceRange; interaction?: number } = {},
): Diagnostic {
  const d: Diagnostic = { severity, code, message };
  if (where.range) {
    d.line = where.range.start.line;
    d.column = where.range.start.column;
    d.range = where.range;
  }
  if (where.interaction !== undefined) d.interaction = where.interaction;
  return d;
}
