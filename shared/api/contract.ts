/**
 * The one API contract between the UI and the backend. Channel names and payload types
 * exist only here; the main-process handler table, the Electron preload, the HTTP server
 * of `tapedeck serve` and the renderer's browser bridge are all derived from it, and
 * test/unit/api/contract.test.ts checks that they cover exactly the same calls.
 */
import type { DeepLink } from '../links/deep-link';
import type { CassetteSummary } from '../model/summary';
import type { SearchQuery } from '../search/query';
import type { SearchOutcome } from '../search/search-files';

declare const phantom: unique symbol;
export interface Call<A extends unknown[], R> {
  readonly kind: 'call';
  readonly [phantom]?: (...args: A) => R;
}
export interface Push<P> {
  readonly kind: 'event';
  readonly [phantom]?: P;
}
const call = <A extends unknown[], R>(): Call<A, R> => ({ kind: 'call' });
const push = <P>(): Push<P> => ({ kind: 'event' });

export interface WorkspaceRoot {
  id: string;
  /** Absolute path on the backend's machine (shown in the UI, never trusted from it). */
  path: string;
  name: string;
}

export interface WorkspaceInfo {
  roots: WorkspaceRoot[];
  /** A file given on the command line: the UI selects it once the index has it. */
  initialSelection: CassetteRef | null;
  /** True while the first scan of some root is still running. */
  indexing: boolean;
}

export interface CassetteRef {
  rootId: string;
  relPath: string;
}

export interface CassetteFile extends CassetteRef {
  /** File content: UTF-8 text, or base64 when `encoding` is 'base64' (.yaml.gz, non-UTF-8). */
  content: string;
  encoding: 'utf8' | 'base64';
  /** Opaque token that changes whenever the file on disk changes; saves must quote it. */
  revision: string;
  size: number;
  mtimeMs: number;
}

export interface SaveRequest extends CassetteRef {
  content: string;
  encoding: 'utf8' | 'base64';
  /** The revision the edit started from; a different revision on disk is a conflict. */
  baseRevision: string;
  /** Overwrite even if the file changed on disk. */
  force?: boolean;
  /** Write even if the result does not parse as a cassette (the raw editor's "save anyway"). */
  allowInvalid?: boolean;
  /** Write even if the file is read-only on disk (the UI's explicit "save anyway"); its mode stays read-only. */
  overwriteReadOnly?: boolean;
}

export type SaveOutcome =
  | { status: 'saved'; revision: string; mtimeMs: number; size: number }
  | { status: 'conflict'; message: string; diskRevision: string }
  | { status: 'invalid'; message: string; line?: number; column?: number }
  /** The file on disk is read-only (no write permission): nothing was written. */
  | { status: 'read-only'; message: string };

export interface IndexBatch {
  upserted: CassetteSummary[];
  removed: CassetteRef[];
  /** Files whose content changed on disk, with the interactions that differ from before. */
  changed: (CassetteRef & { revision: string; changedInteractions: number[] | null })[];
  progress: { done: number; total: number };
}

/**
 * An opened cassette as recorded at a git revision (its own path in the work tree holding it),
 * for "Compare with HEAD". The states a folder can be in are answers, not errors.
 */
export type GitRevisionFile =
  | { status: 'ok'; rev: string; commit: string; gitPath: string; content: string; encoding: 'utf8' | 'base64' }
  | { status: 'not-in-git'; rev: string; message: string }
  /** The revision names no commit (a repository without commits has no HEAD). */
  | { status: 'no-revision'; rev: string; message: string }
  /** The file is new, untracked or ignored at that revision. */
  | { status: 'not-in-revision'; rev: string; commit: string; gitPath: string; message: string };

/** Full-text search over every open folder: hits grouped by file, then interaction. */
export type SearchRequest = SearchQuery;
export type SearchResult = SearchOutcome<CassetteRef>;

export interface AppInfo {
  name: string;
  version: string;
  shell: 'electron' | 'browser';
  platform: string;
}

export const calls = {
  getAppInfo: call<[], AppInfo>(),
  getWorkspace: call<[], WorkspaceInfo>(),
  /** Opens a folder (or a file's folder, selecting the file). */
  openPath: call<[path: string], WorkspaceInfo>(),
  closeRoot: call<[rootId: string], WorkspaceInfo>(),
  /** Native folder picker in Electron; null in the browser host (the UI asks for a path instead). */
  chooseFolder: call<[], string | null>(),
  getRecentFolders: call<[], string[]>(),
  listCassettes: call<[], CassetteSummary[]>(),
  readCassette: call<[ref: CassetteRef], CassetteFile>(),
  saveCassette: call<[req: SaveRequest], SaveOutcome>(),
  searchCassettes: call<[req: SearchRequest], SearchResult>(),
  /** The cassette at a git revision (`HEAD`, a hash, `main~1`); confined like readCassette. */
  readGitRevision: call<[ref: CassetteRef, rev: string], GitRevisionFile>(),
} as const;

export const events = {
  /** Coalesced index updates: at most one batch per watcher burst. */
  indexChanged: push<IndexBatch>(),
  workspaceChanged: push<WorkspaceInfo>(),
  /** A native menu item or shortcut the UI carries out (Electron only; never sent in the browser). */
  appCommand: push<AppCommand>(),
  /** A tapedeck:// link the desktop shell received and validated (Electron only). */
  openLink: push<DeepLink>(),
} as const;

export type AppCommand = { command: 'save' | 'revert' | 'shortcuts' };

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallArgs<K extends CallName> = (typeof calls)[K] extends Call<infer A, unknown> ? A : never;
export type CallResult<K extends CallName> = (typeof calls)[K] extends Call<never, infer R> ? R : never;
export type EventPayload<K extends EventName> = (typeof events)[K] extends Push<infer P> ? P : never;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

/** What the backend implements. A missing call is a compile error. */
export type Handlers = { [K in CallName]: (...args: CallArgs<K>) => Promise<CallResult<K>> };

/** What the renderer sees, identical in Electron and in the browser. */
export type TapedeckApi = { [K in CallName]: (...args: CallArgs<K>) => Promise<CallResult<K>> } & {
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
};

/** Errors cross the wire as data: Electron's invoke keeps only `message` of a thrown error. */
export interface ApiError {
  code: string;
  message: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const CHANNEL_PREFIX = 'tapedeck:';
export const channelOf = (name: CallName | EventName): string => `${CHANNEL_PREFIX}${name}`;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** Thrown by the backend for expected failures; becomes an ApiError with this code. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
