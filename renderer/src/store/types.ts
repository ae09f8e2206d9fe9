/** The app store's shape: one interface per slice, combined into AppState. */
import type { StoreApi } from 'zustand/vanilla';
import type { CassetteFile, CassetteRef, IndexBatch, TapedeckApi, WorkspaceRoot } from '../../../shared/api/contract';
import type { CassetteAnalysis, InteractionAnalysis, Replay } from '../../../shared/model/analysis';
import type { Cassette } from '../../../shared/model/cassette';
import type { SummaryMap } from '../features/library/library-model';
import type { LibraryFilters } from '../features/library/filter';

export interface AnalyzeResult {
  cassette: Cassette;
  analysis: CassetteAnalysis;
}

/** Parsing runs off the main thread; tests inject a synchronous fake. */
export interface Analyzer {
  analyze(path: string, bytes: Uint8Array): Promise<AnalyzeResult>;
}

export interface StoreDeps {
  api: TapedeckApi;
  analyzer: Analyzer;
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
  initLibrary(): Promise<void>;
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

export type MainTab = 'replay' | 'raw';

export interface UiSlice {
  mainTab: MainTab;
  shortcutsOpen: boolean;
  quickOpenOpen: boolean;
  markdownRaw: boolean;
  /** Raw view scroll request; the nonce re-triggers a jump to the same line. */
  rawJump: { line: number; column?: number; nonce: number } | null;
  setTab(t: MainTab): void;
  setShortcutsOpen(open: boolean): void;
  setQuickOpen(open: boolean): void;
  toggleMarkdown(): void;
  jumpToLine(line: number, column?: number): void;
}

/** Placeholder for the Monaco editor (later task): keep its state out of the other slices. */
export interface EditorSlice {
  editor: { dirty: boolean };
}

export type AppState = LibrarySlice & SelectionSlice & ReplaySlice & UiSlice & EditorSlice;
export type AppStore = StoreApi<AppState>;
export type SliceCreator<T> = (set: AppStore['setState'], get: AppStore['getState'], deps: StoreDeps) => T;
