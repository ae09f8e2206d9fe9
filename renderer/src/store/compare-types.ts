/** The compare slice's shape (see compare-slice.ts): what is compared, and how it is shown. */
import type { CassetteRef } from '../../../shared/api/contract';
import type { CassetteDiff } from '../../../shared/diff/types';
import type { CassetteAnalysis } from '../../../shared/model/analysis';
import type { Cassette } from '../../../shared/model/cassette';

/** Where one side of a comparison comes from. All but `file` are versions of the open cassette. */
export type CompareSource =
  /** The open cassette as the views show it (unsaved edits included). */
  | { kind: 'current' }
  /** The open cassette at a git revision of the work tree holding it. */
  | { kind: 'git'; rev: string }
  /** The open cassette before its last re-recording on disk (text kept in memory, see prior-texts.ts). */
  | { kind: 'previous' }
  | { kind: 'file'; ref: CassetteRef };

export interface CompareRequest {
  a: CompareSource;
  b: CompareSource;
  /** One interaction of each side instead of whole cassettes. */
  interactions?: { a: number; b: number };
  /** B's interaction to scroll to (a re-recording's changed mark). */
  focus?: number;
  /** Why this comparison and not the one asked for (no kept text: HEAD instead). */
  note?: string;
}

export interface CompareSide {
  source: CompareSource;
  label: string;
  /** The cassette's path relative to its folder, shown in the side's heading. */
  path: string;
  text: string;
  cassette: Cassette;
  analysis: CassetteAnalysis;
}

export type CompareState =
  | { status: 'idle' }
  | { status: 'loading'; request: CompareRequest }
  | { status: 'error'; request: CompareRequest; message: string }
  | { status: 'ready'; request: CompareRequest; a: CompareSide; b: CompareSide; diff: CassetteDiff };

export interface CompareViewOptions {
  /** Also list ids, dates, request ids, cookies, rate-limit headers (as information). */
  showVolatile: boolean;
  /** Monaco's text diff instead of the semantic one. */
  raw: boolean;
  hideSame: boolean;
}

/** What the Compare menu knows about the open file's HEAD (probed when the menu opens): a short commit, or why not. */
export interface GitProbe {
  key: string;
  state: 'loading' | 'ok' | 'unavailable';
  detail: string;
}

export interface CompareSlice {
  compare: CompareState;
  compareView: CompareViewOptions;
  comparePickerOpen: boolean;
  /** refKey → the open file's disk text before its last re-recording (bounded, see prior-texts.ts). */
  priorTexts: ReadonlyMap<string, string>;
  gitProbe: GitProbe | null;
  startCompare(req: CompareRequest): Promise<void>;
  /** The re-recorded marks' link: the text before the re-recording when kept, else HEAD. */
  reviewRerecording(focus?: number): Promise<void>;
  /** Rebuilds the `current` side after the open file changed (reload or edit). */
  refreshCompare(): void;
  probeGitHead(): Promise<void>;
  setCompareView(patch: Partial<CompareViewOptions>): void;
  swapCompare(): void;
  closeCompare(): void;
  setComparePicker(open: boolean): void;
  rememberPrior(key: string, text: string): void;
}
