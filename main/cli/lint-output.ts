/** Rendering lint results as text (eslint-like), JSON, or SARIF 2.1.0 for GitHub code scanning. */
import path from 'node:path';
import { RULES, ruleMeta } from '../../shared/lint/catalog';
import type { Finding, RuleMeta } from '../../shared/lint/types';

export interface FileResult {
  /** Absolute path. */
  path: string;
  findings: Finding[];
  /** Titles of the fixes --fix applied, and the ones that failed. */
  fixed: string[];
  fixFailed: string[];
}

export function relPath(cwd: string, p: string): string {
  return path.relative(cwd, p).split(path.sep).join('/') || path.basename(p);
}

export function counts(results: FileResult[]): { error: number; warning: number; info: number; fixable: number } {
  const c = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const r of results)
    for (const f of r.findings) {
      c[f.severity]++;
      if (f.fix) c.fixable++;
    }
  return c;
}

export function formatText(results: FileResult[], cwd: string): string {
  let out = '';
  for (const r of results) {
    const rel = relPath(cwd, r.path);
    for (const t of r.fixed) out += `${rel}: fixed: ${t}\n`;
    for (const t of r.fixFailed) out += `${rel}: could not fix: ${t}\n`;
    for (const f of r.findings) {
      const at = f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : '';
      out += `${rel}${at}: ${f.severity} ${f.code}: ${f.message}${f.fix ? ' (fixable)' : ''}\n`;
    }
  }
  const c = counts(results);
  const fixedCount = results.reduce((n, r) => n + r.fixed.length, 0);
  out += `${results.length} file(s): ${c.error} error(s), ${c.warning} warning(s), ${c.info} info`;
  if (fixedCount > 0) out += `; ${fixedCount} fix(es) applied`;
  if (c.fixable > 0) out += `; ${c.fixable} fixable with --fix`;
  return out + '\n';
}

export function formatJson(results: FileResult[], cwd: string): string {
  const files = results.map((r) => ({
    path: relPath(cwd, r.path),
    fixed: r.fixed,
    fixFailed: r.fixFailed,
    findings: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      line: f.line ?? null,
      column: f.column ?? null,
      interaction: f.interaction ?? null,
      fixable: f.fix !== undefined,
      fixTitle: f.fix?.title ?? null,
    })),
  }));
  return JSON.stringify({ version: 1, summary: counts(results), files }, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function sarifRule(m: RuleMeta) {
  return {
    id: m.code,
    name: m.code.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: m.description },
    fullDescription: { text: m.description },
    defaultConfiguration: { level: SARIF_LEVEL[m.severity] },
    properties: { fixable: m.fixable },
  };
}

export function formatSarif(results: FileResult[], cwd: string, version: string): string {
  const metas = [...RULES];
  for (const r of results)
    for (const f of r.findings) if (!metas.some((m) => m.code === f.code)) metas.push(ruleMeta(f.code) ?? { code: f.code, severity: f.severity, description: f.code, fixable: false });
  const index = new Map(metas.map((m, i) => [m.code, i]));
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.code,
      ruleIndex: index.get(f.code),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relPath(cwd, r.path) },
            region: { startLine: f.line ?? 1, startColumn: f.column ?? 1 },
          },
        },
      ],
      ...(f.interaction !== undefined ? { properties: { interaction: f.interaction } } : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tapedeck', semanticVersion: version, rules: metas.map(sarifRule) } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
