/** Findings by severity: what the sidebar and the dashboard show of a file's lint (no imports: the UI bundle takes it alone). */
export interface LintCounts {
  error: number;
  warning: number;
  info: number;
}

export function lintCounts(findings: readonly { severity: keyof LintCounts }[]): LintCounts {
  const c: LintCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
