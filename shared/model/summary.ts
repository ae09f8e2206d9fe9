import type { CassetteFormat } from './cassette';

/** Where a recording date was read: the format's own timestamp or the response's Date header. */
export type DateSource = 'startedDateTime' | 'recorded_at' | 'Date header';

/** One row of the workspace index: what the sidebar shows and filters on, without bodies. */
export interface CassetteSummary {
  /** Id of the workspace root this file is under. */
  rootId: string;
  /** Path relative to that root, with forward slashes. */
  relPath: string;
  /** 'cassette' | 'not-cassette' (YAML that is no cassette: listed quietly) | 'pending' (not parsed yet). */
  kind: 'cassette' | 'not-cassette' | 'pending';
  format: CassetteFormat | null;
  formatVersion: number | string | null;
  interactions: number;
  hosts: string[];
  providers: string[];
  /**
   * Who served the calls, beside the dialect: "Together AI (openai-chat)", "OpenRouter → Chutes
   * (openai-chat)". The sidebar's provider filter lists these.
   */
  vendors?: string[];
  models: string[];
  streaming: boolean;
  /** HTTP statuses >= 400 seen in responses. */
  errorStatuses: number[];
  inputTokens: number;
  outputTokens: number;
  reportedUsd: number | null;
  estimatedUsd: number | null;
  /**
   * LLM interactions whose response carries no (or only partial) usage, e.g. a truncated
   * stream: their tokens are not in the totals. The viewer estimates them; the index does not.
   */
  usageMissing?: number;
  /** Wire dialects, finer than `providers` (openai-completions, bedrock-converse …). */
  dialects?: string[];
  /**
   * The interactions that carry both a provider-reported and an estimated cost, with both
   * sums: the only fair comparison of the two (absent when none has both).
   */
  costPair?: { interactions: number; reportedUsd: number; estimatedUsd: number };
  /** Every priced interaction's usage at the price table's current prices (re-recording today). */
  todayUsd?: number;
  /** LLM interactions whose usage the price table cannot price: in neither estimate. */
  unpriced?: number;
  /**
   * When the interactions were recorded: the oldest and newest ISO timestamps, from the
   * format's own field (HAR `startedDateTime`, Ruby VCR `recorded_at`) or the response's
   * `Date` header (go-vcr, vcrpy), and which of those the file uses.
   */
  recorded?: { oldest: string; newest: string; sources: DateSource[] };
  /** Interactions with no recording date at all (absent when 0). */
  undated?: number;
  /**
   * Parser and analysis diagnostics. Tell a broken file (an error: the row shows `firstError`)
   * from a readable one; what the sidebar counts as problems is `lint`.
   */
  diagnostics: { error: number; warning: number; info: number };
  /**
   * The file's lint findings by severity, from the one lint run that `tapedeck lint` and the
   * Problems panel use (shared/lint/file.ts). Null until the index's background lint has read
   * the file (it runs after the rows are in: a full lint costs several times the row). Files
   * that are not cassettes are not linted: zeros.
   */
  lint: { error: number; warning: number; info: number } | null;
  /** First error diagnostic, for inline display in the sidebar. */
  firstError: { message: string; line?: number; column?: number } | null;
  /** For `not-cassette` rows: what the file looks like instead (e.g. a gRPC or WebSocket log). */
  note?: string;
  size: number;
  mtimeMs: number;
}
