/**
 * Lint vocabulary: a rule looks at one parsed cassette (plus its LLM analysis) and reports
 * findings; a finding may carry a fix that rewrites the cassette text losslessly.
 */
import type { CassetteAnalysis } from '../model/analysis';
import type { Cassette } from '../model/cassette';
import type { SourceRange } from '../model/diagnostics';

export type FindingSeverity = 'error' | 'warning' | 'info';
/** What `--rule CODE=LEVEL` and `LintOptions.rules` accept. */
export type RuleLevel = 'off' | FindingSeverity;

export interface Fix {
  /** Imperative, shown in `--fix` reports: "Append `data: [DONE]` to the stream". */
  title: string;
  /**
   * Rewrites the whole cassette text. Fixes locate their target again in the text they get (by
   * interaction index and YAML path, never by offset), so several fixes apply one after another.
   * Throws when the target is gone or the edit would not be lossless.
   */
  apply(text: string): string;
}

export interface Finding {
  code: string;
  severity: FindingSeverity;
  message: string;
  /** 1-based position in the cassette source. */
  line?: number;
  column?: number;
  /** 0-based interaction index. */
  interaction?: number;
  fix?: Fix;
}

export interface LintOptions {
  /** Per-code level; a key also matches every code under it (`secret` matches `secret/openai-key`). */
  rules?: Record<string, RuleLevel>;
  /**
   * The same source already parsed and analysed (the app's worker has just done both for the
   * views): lint reuses them instead of parsing a large cassette a second time.
   */
  parsed?: { cassette: Cassette; analysis: CassetteAnalysis | null };
}

export interface RuleMeta {
  code: string;
  severity: FindingSeverity;
  /** One sentence for `--format sarif` rule descriptions and the docs. */
  description: string;
  fixable: boolean;
}

/** What a rule function sees. `analysis` is null when the LLM layer could not run. */
export interface LintContext {
  path: string;
  /** The cassette source as text (after gunzip), what fixes edit. */
  text: string;
  /** False for gzipped sources: fixes there would have to re-compress, so none are offered. */
  editable: boolean;
  cassette: Cassette;
  analysis: CassetteAnalysis | null;
}

/** A rule emits findings without severity; the engine stamps the configured one. */
export interface RawFinding {
  code: string;
  message: string;
  interaction?: number;
  range?: SourceRange;
  line?: number;
  column?: number;
  fix?: Fix;
}

export type RuleFn = (ctx: LintContext) => RawFinding[];
