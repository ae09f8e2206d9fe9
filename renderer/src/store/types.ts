/** The app store's shape: one interface per slice, combined into AppState. */
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectionState } from '../../bridge/connection';
import type { CassetteFile, CassetteRef, IndexBatch, SaveOutcome, SearchResult, TapedeckApi, WorkspaceRoot } from '../../../shared/api/contract';
import type { SearchHit } from '../../../shared/search/query';
import type { FileState } from '../features/editor/file-state';
import type { History } from '../features/editor/history';
import type { EditIntent } from '../../../shared/edit/structured-edit';
import type { SourceTarget } from '../features/editor/goto';
import type { CassetteAnalysis, InteractionAnalysis, Replay } from '../../../shared/model/analysis';
import type { Cassette } from '../../../shared/model/cassette';
import type { DeepLink } from '../../../shared/links/deep-link';
import type { SummaryMap } from '../features/library/library-model';
import type { LibraryFilters } from '../features/library/filter';
import type { Recorder } from '../../../shared/match';
import type { CompareSlice } from './compare-types';

export interface AnalyzeResult {
  cassette: Cassette;
  analysis: CassetteAnalysis;
}

/** Parsing runs off the main thread; tests inject a synchronous fake. */
export interface Analyzer {
  analyze(path: string, bytes: Uint8Array): Promise<AnalyzeResult>;
}

/** A lint finding as it crosses from the worker (the fix function stays there: `fixTitle` says it exists). */
export interface LintFinding {
  index: number;
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  column?: number;
  interaction?: number;
  fixTitle?: string;
}

/** Lint runs in the worker too; optional so tests without it still build a store. */
export interface Linter {
  /** The editor's text; or `{ bytes }`, the file itself, when it has no editable text. */
  lint(path: string, source: string | { bytes: Uint8Array }): Promise<LintFinding[]>;
  /** Re-lints `text` and returns it with the fix of finding `index` applied. */
  fix(path: string, text: string, index: number): Promise<string>;
}

export interface StoreDeps {
  api: TapedeckApi;
  analyzer: Analyzer;
  linter?: Linter;
  /** Asks the user (window.confirm in the app); absent = yes. */
  confirm?: (message: string) => boolean;
  /** Debounce for re-analysis after typing (ms); tests pass 0. */
  reanalyzeDelayMs?: number;
  makeReplay: (ia: InteractionAnalysis) => Replay | null;
  /** Frame scheduler (requestAnimationFrame in the browser; immediate in tests). */
  frame: (cb: () => void) => void;
  now: () => number;
}

export interface LibrarySlice {
  roots: WorkspaceRoot[];
  indexing: boolean;
  libraryStatus: 'connecting' | 'ready' | 'error';
  libraryError: string | null;
  summaries: SummaryMap;
  progress: { done: number; total: number } | null;
  filters: LibraryFilters;
  collapsed: ReadonlySet<string>;
  focusedKey: string | null;
  /** Lower-cased text of files opened this session, for body-text search. */
  bodyText: ReadonlyMap<string, string>;
  pendingInitial: CassetteRef | null;
  /**
   * Files re-recorded on disk while the app is open (e.g. `go test -update`), with the
   * interactions that differ; shown in the sidebar and the timeline until the user has
   * looked at the file and moved on.
   */
  rerecorded: ReadonlyMap<string, number[] | null>;
  dismissRerecorded(key: string): void;
  initLibrary(): Promise<void>;
  /** After a lost connection: re-fetch workspace and list, apply what changed meanwhile. */
  resyncLibrary(): Promise<void>;
  enqueueBatch(batch: IndexBatch): void;
  setFilters(patch: Partial<LibraryFilters>): void;
  toggleFolder(key: string): void;
  setFocused(key: string | null): void;
}

export type DocState =
  | { status: 'idle' }
  | { status: 'loading'; ref: CassetteRef }
  | { status: 'error'; ref: CassetteRef; message: string }
  | { status: 'ready'; ref: CassetteRef; file: CassetteFile; text: string; cassette: Cassette; analysis: CassetteAnalysis };

export interface SelectionSlice {
  selected: CassetteRef | null;
  doc: DocState;
  interactionIndex: number;
  replay: Replay | null;
  select(ref: CassetteRef): Promise<void>;
  reloadSelected(): Promise<void>;
  selectInteraction(i: number): void;
}

export interface ReplaySlice {
  cursor: number;
  length: number;
  durationMs: number | null;
  playing: boolean;
  speed: number;
  /** True while the cursor is moving (playing or dragging): views pick cheap renderings. */
  scrubbing: boolean;
  resetReplay(length: number, durationMs: number | null): void;
  seek(k: number): void;
  step(delta: number): void;
  togglePlay(): void;
  setSpeed(s: number): void;
}

export type MainTab = 'replay' | 'raw' | 'problems' | 'match' | 'compare';

/** A folder (path '' = the whole root) of one root, or rootId null: every open folder. */
export interface DashboardScope {
  rootId: string | null;
  path: string;
}

export interface UiSlice {
  mainTab: MainTab;
  shortcutsOpen: boolean;
  quickOpenOpen: boolean;
  /** The scrubber's "go to event N" field (Mod+G). */
  gotoEventOpen: boolean;
  markdownRaw: boolean;
  /** The reasoning pane is expanded: kept while the cursor, the interaction or the file changes. */
  reasoningOpen: boolean;
  setReasoningOpen(open: boolean): void;
  /** Raw view scroll request; the nonce re-triggers a jump to the same line. */
  rawJump: { line: number; column?: number; nonce: number } | null;
  setTab(t: MainTab): void;
  setShortcutsOpen(open: boolean): void;
  setQuickOpen(open: boolean): void;
  setGotoEventOpen(open: boolean): void;
  /** A deep link to follow (hash route or tapedeck://); the nonce repeats the same link. */
  linkRequest: { link: DeepLink; nonce: number } | null;
  requestLink(link: DeepLink): void;
  toggleMarkdown(): void;
  jumpToLine(line: number, column?: number): void;
  /**
   * The main area shows the dashboard of this folder (path '' = the root) instead of the open
   * cassette, which stays open behind it; null: the dashboard only shows when nothing is open.
   */
  dashboardScope: DashboardScope | null;
  showDashboard(scope: DashboardScope | null): void;
}

export interface EditorState {
  /** refKey of the file being edited; null when none is open. */
  key: string | null;
  ref: CassetteRef | null;
  /** One history of texts for typing and structured edits; `present` is the editor's text. */
  history: History;
  file: FileState;
  dirty: boolean;
  /** .yaml.gz: the text is the decompressed YAML, re-gzipped on save. */
  gzip: boolean;
  /**
   * The file starts with a UTF-8 BOM. It is not part of the text (Monaco drops it from its
   * model, so typed text would lose it) and is put back in front on save.
   */
  bom: boolean;
  /** Non-UTF-8 or undecodable files are shown but not editable. */
  readOnly: string | null;
  findings: LintFinding[];
  saving: boolean;
  /** The text does not parse: the save waits for "save anyway". */
  invalid: { message: string; line?: number; column?: number } | null;
  /** The file is read-only on disk: the save waits for an explicit "save anyway" (repeating the save's own options). */
  readOnlyFile: { message: string; allowInvalid: boolean } | null;
  diffOpen: boolean;
  notice: { kind: 'error' | 'info'; text: string } | null;
  /** Where the editor cursor is, in view terms (for the status line). */
  cursorAt: { interaction: number; event: number | null } | null;
}

/** The explicit confirmations a save may carry. */
export interface SaveOptions {
  allowInvalid?: boolean;
  overwriteReadOnly?: boolean;
}

export interface EditorSlice {
  editor: EditorState;
  initEditor(): void;
  /** A fresh load of the selected file (selection slice). */
  editorOpened(ref: CassetteRef, file: CassetteFile, text: string): void;
  /** Text typed in Monaco (coalesced into bursts). */
  setText(text: string, label?: string): void;
  applyEdit(intent: EditIntent): boolean;
  applyFix(index: number): Promise<void>;
  undoEdit(): void;
  redoEdit(): void;
  save(opts?: SaveOptions): Promise<SaveOutcome | null>;
  revert(): void;
  onExternalChange(): Promise<void>;
  resolveConflict(choice: 'reload' | 'keep-mine'): void;
  setDiffOpen(open: boolean): void;
  dismissInvalid(): void;
  dismissNotice(): void;
  gotoSource(t: SourceTarget): void;
  setCursorAt(at: { interaction: number; event: number | null } | null): void;
}

export interface TextSearchState {
  options: { caseSensitive: boolean; wholeWord: boolean; regex: boolean };
  /** The pattern of `result` (or of the search under way). */
  pattern: string;
  result: SearchResult | null;
  running: boolean;
  /** The call itself failed (connection lost); a bad pattern comes back in `result.error`. */
  failed: string | null;
}

export interface SearchSlice {
  textSearch: TextSearchState;
  setSearchOptions(patch: Partial<TextSearchState['options']>): void;
  runTextSearch(pattern: string): Promise<void>;
  openSearchHit(ref: CassetteRef, interaction: number, hit: SearchHit): Promise<void>;
}

export interface MatchPanelState {
  /** Pasted text: a curl command, a HAR entry or JSON {method, url, headers, body}. */
  input: string;
  /** null: the recorder that wrote the open cassette (go-vcr for formats none of them reads). */
  recorder: Recorder | null;
  /** The chosen matchers (the CLI's --match-on); null: the recorder's defaults. */
  matchOn: string[] | null;
}

export interface MatchSlice {
  matchPanel: MatchPanelState;
  setMatchInput(input: string): void;
  setMatchRecorder(recorder: Recorder): void;
  setMatchOn(matchOn: string[]): void;
}

/** The browser host's link to `tapedeck serve` (always `connected` in Electron). */
export interface ConnectionSlice {
  connection: ConnectionState;
  initConnection(): void;
}

export type AppState = LibrarySlice & SelectionSlice & ReplaySlice & UiSlice & EditorSlice & ConnectionSlice & SearchSlice & MatchSlice & CompareSlice;
export type AppStore = StoreApi<AppState>;
export type SliceCreator<T> = (set: AppStore['setState'], get: AppStore['getState'], deps: StoreDeps) => T;
