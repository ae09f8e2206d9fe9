/**
 * The semantic diff of two cassettes: plain JSON (it crosses the API and is printed by the CLI
 * as `--format json`), built once in shared/diff and rendered by the CLI and the app alike.
 */

/** One run of a word diff: kept, added (in B only) or deleted (in A only). */
export interface WordOp {
  op: 'same' | 'add' | 'del';
  text: string;
}

/** One changed leaf of a JSON value, by path (`$.location.city`). Absent side = added/removed. */
export interface JsonChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * One difference inside a pair. `field` names what differs (`response.text`,
 * `request.messages[2]`, `usage.outputTokens`, `header x-foo` …); the other members say how.
 */
export interface Change {
  field: string;
  kind: 'value' | 'text' | 'json' | 'added' | 'removed';
  before?: unknown;
  after?: unknown;
  /** kind 'text': word-level diff. */
  words?: WordOp[];
  /** kind 'json': changed leaves. */
  entries?: JsonChange[];
}

export type PairStatus = 'same' | 'changed' | 'added' | 'removed';

export interface PairDiff {
  /** Interaction index in A (null: added in B) and in B (null: removed from A). */
  a: number | null;
  b: number | null;
  status: PairStatus;
  /** Paired by request but at another position relative to the other pairs: reported, not a semantic change. */
  moved: boolean;
  /** `POST /v1/chat/completions` plus the model, for headings. */
  label: string;
  /** Semantic differences (these make the exit code 1). */
  changes: Change[];
  /** Timing and stream chunking: they change on every re-record, so they inform but never count. */
  info: Change[];
  /** Token and cost deltas (B − A) for the summary table; null when neither side knows it. */
  tokens: { input: number; output: number } | null;
  costUsd: number | null;
}

export interface DiffSide {
  path: string;
  format: string | null;
  interactions: number;
}

export interface CassetteDiff {
  a: DiffSide;
  b: DiffSide;
  pairs: PairDiff[];
  /** Any pair added, removed or with a semantic change. */
  changed: boolean;
  /** Sums of the pairs' deltas. */
  tokens: { input: number; output: number };
  costUsd: number | null;
}

export interface DiffOptions {
  /** Also report volatile fields (ids, created, dates, request ids, cookies, rate-limit headers). */
  showVolatile?: boolean;
}

/** One file of a multi-file diff (`tapedeck diff --git`): B is the work tree, A the revision. */
export interface FileDiff {
  path: string;
  status: 'modified' | 'added' | 'deleted';
  diff: CassetteDiff;
  /** Error diagnostics of either side (file:line:column message): the diff may be partial. */
  errors: string[];
}

export interface DiffReport {
  /** What A is: a file path, or `git REV`. */
  against: string;
  files: FileDiff[];
  changed: boolean;
}
