/**
 * lintCassette: parse → analyze → run every rule → stamp the configured severity. applyFixes:
 * apply the findings' safe fixes one after another on the text. Never throws on user files; a
 * rule that crashes becomes a `lint/internal` finding instead of hiding the others.
 */
import { parseCassette } from '../cassette/parse';
import { decodeCassetteFile } from '../edit/cassette-file';
import { analyzeCassette } from '../llm/analyze';
import type { CassetteAnalysis } from '../model/analysis';
import type { CassetteFormat } from '../model/cassette';
import { utf8Decode, utf8Encode } from '../util/bytes';
import { ruleMeta } from './catalog';
import { withLines } from './context';
import type { RuleCtx } from './context';
import type { Finding, Fix, LintContext, LintOptions, RawFinding, RuleFn, RuleLevel } from './types';
import { contentEncoding, contentLength, duplicateHeaders, indistinguishable, invalidUtf8 } from './rules/consistency';
import { completedMismatch } from './rules/completed';
import { orderDependent } from './rules/order-dependent';
import { staleHistory } from './rules/history';
import { secrets } from './rules/secrets';
import { errorEvents, missingDone, missingMessageStop, missingUsage, splitJson, streamMismatch, unterminated } from './rules/streams';
import { invalidArguments, schemaMismatch, undeclaredTools } from './rules/tool-args';
import { duplicateIds, emptyIds, positionalIds } from './rules/tool-ids';
import { unansweredCalls, unknownResultIds } from './rules/tool-links';

const RULE_FNS: RuleFn[] = [
  duplicateIds, positionalIds, emptyIds, unknownResultIds, unansweredCalls, invalidArguments, schemaMismatch, undeclaredTools,
  unterminated, missingDone, missingMessageStop, missingUsage, splitJson, errorEvents, streamMismatch, completedMismatch, staleHistory,
  secrets,
  contentLength, contentEncoding, duplicateHeaders, invalidUtf8, indistinguishable, orderDependent,
] as RuleFn[];

/** Exact code first, then the longest `family/` prefix, then `*`. */
export function levelFor(code: string, rules: Record<string, RuleLevel> | undefined): RuleLevel | undefined {
  if (!rules) return undefined;
  if (rules[code]) return rules[code];
  let best: string | undefined;
  for (const k of Object.keys(rules)) if (code.startsWith(k + '/') && (!best || k.length > best.length)) best = k;
  return best ? rules[best] : rules['*'];
}

function stamp(raw: RawFinding, opts: LintOptions): Finding | null {
  const level = levelFor(raw.code, opts.rules) ?? ruleMeta(raw.code)?.severity ?? 'warning';
  if (level === 'off') return null;
  const f: Finding = { code: raw.code, severity: level, message: raw.message };
  const line = raw.line ?? raw.range?.start.line;
  const column = raw.column ?? raw.range?.start.column;
  if (line !== undefined) f.line = line;
  if (column !== undefined) f.column = column;
  if (raw.interaction !== undefined) f.interaction = raw.interaction;
  if (raw.fix) f.fix = raw.fix;
  return f;
}

function sourceOf(input: string | Uint8Array, path: string): { bytes: Uint8Array; text: string; editable: boolean } {
  if (typeof input === 'string') return { bytes: utf8Encode(input), text: input, editable: true };
  const d = decodeCassetteFile(path, input);
  if ('error' in d) return { bytes: input, text: utf8Decode(input) ?? '', editable: false };
  // Gzipped cassettes are linted but not fixed here: the CLI re-gzips through encodeCassetteFile.
  return { bytes: input, text: d.text, editable: !d.gzip };
}

export interface LintResult {
  findings: Finding[];
  /** Null when the file is not a cassette (or could not be parsed). */
  format: CassetteFormat | null;
}

export function lintCassette(input: string | Uint8Array, path: string, opts: LintOptions = {}): Finding[] {
  return lintCassetteDetailed(input, path, opts).findings;
}

export function lintCassetteDetailed(input: string | Uint8Array, path: string, opts: LintOptions = {}): LintResult {
  const src = sourceOf(input, path);
  const cassette = opts.parsed?.cassette ?? parseCassette({ path, bytes: src.bytes });
  // The parser's errors and warnings are findings too (its notes, like "no interactions", are
  // not): the Problems panel, the sidebar and the CLI list one set.
  const raw: RawFinding[] = cassette.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => ({ code: d.severity === 'error' ? 'cassette/parse-error' : 'cassette/parse-warning', message: d.message, line: d.line, column: d.column, interaction: d.interaction }));
  if (cassette.format !== null) {
    let analysis: CassetteAnalysis | null = opts.parsed ? opts.parsed.analysis : null;
    if (!opts.parsed) {
      try {
        analysis = analyzeCassette(cassette);
      } catch (e) {
        raw.push({ code: 'lint/internal', message: `LLM analysis failed: ${String(e)}` });
      }
    }
    // An interaction the analysis crashed on is a Tapedeck bug, reported like a crashed rule.
    for (const ia of analysis?.interactions ?? []) {
      for (const d of ia.diagnostics) if (d.code === 'analysis.internal') raw.push({ code: 'lint/internal', message: d.message, interaction: ia.index });
    }
    const base: LintContext = { path, text: src.text, editable: src.editable, cassette, analysis };
    const ctx: RuleCtx = withLines(base);
    for (const rule of RULE_FNS) {
      try {
        raw.push(...rule(ctx));
      } catch (e) {
        raw.push({ code: 'lint/internal', message: `Rule ${rule.name} failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }
  const out = raw.map((r) => stamp(r, opts)).filter((f): f is Finding => f !== null);
  out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code));
  return { findings: out, format: cassette.format };
}

/** Fixes that re-measure what others changed run last. */
const FIX_ORDER: Record<string, number> = { 'consistency/content-length': 2 };

export interface FixReport {
  text: string;
  applied: Finding[];
  failed: { finding: Finding; error: string }[];
}

export function applyFixesDetailed(text: string, findings: Finding[]): FixReport {
  const report: FixReport = { text, applied: [], failed: [] };
  const done = new Map<Fix, boolean>();
  const order = (f: Finding) => FIX_ORDER[f.code] ?? (f.code.startsWith('secret/') ? 1 : 0);
  const fixable = findings.filter((f) => f.fix).sort((a, b) => order(a) - order(b));
  for (const f of fixable) {
    const fix = f.fix!;
    const prior = done.get(fix);
    if (prior !== undefined) {
      // One fix can serve several findings (one redaction pass covers every secret).
      if (prior) report.applied.push(f);
      continue;
    }
    try {
      report.text = fix.apply(report.text);
      done.set(fix, true);
      report.applied.push(f);
    } catch (e) {
      done.set(fix, false);
      report.failed.push({ finding: f, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return report;
}

export function applyFixes(text: string, findings: Finding[]): string {
  return applyFixesDetailed(text, findings).text;
}
