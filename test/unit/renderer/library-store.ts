/**
 * A real app store (createAppStore) over a fake contract API for the library slice's tests:
 * the API answers from memory, `emit` delivers an event as the bridge would, and animation
 * frames run only when the test says so.
 */
import type { TapedeckApi, WorkspaceInfo } from '../../../shared/api/contract';
import type { CassetteSummary } from '../../../shared/model/summary';
import { createAppStore } from '../../../renderer/src/store/create-app-store';

export function fakeApi(initial: CassetteSummary[], workspace: Partial<WorkspaceInfo> = {}) {
  const listeners = new Map<string, (p: unknown) => void>();
  const reads: string[] = [];
  const api = {
    getWorkspace: async () => ({ roots: [{ id: 'r1', path: '/tmp/x', name: 'x' }], initialSelection: null, indexing: false, ...workspace }),
    listCassettes: async () => initial,
    readCassette: async (ref: { rootId: string; relPath: string }) => {
      reads.push(ref.relPath);
      return { ...ref, content: 'version: 2\ninteractions: []\n', encoding: 'utf8', revision: String(reads.length), size: 1, mtimeMs: 1 };
    },
    on: (event: string, l: (p: unknown) => void) => {
      listeners.set(event, l);
      return () => listeners.delete(event);
    },
  } as unknown as TapedeckApi;
  return { api, emit: (e: string, p: unknown) => listeners.get(e)!(p), reads };
}

/** `immediateFrames`: run each animation frame at once instead of when the test says. */
export function makeStore(api: TapedeckApi, { immediateFrames = false } = {}) {
  const frames: (() => void)[] = [];
  const store = createAppStore({
    api,
    analyzer: {
      analyze: async (path) => ({
        cassette: { path, format: 'go-vcr', formatVersion: 2, interactions: [], diagnostics: [], recordedWith: null },
        analysis: { interactions: [], links: [], diagnostics: [], totals: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reportedUsd: null, estimatedUsd: null } },
      }),
    },
    makeReplay: () => null,
    frame: (cb) => (immediateFrames ? cb() : frames.push(cb)),
    now: () => 0,
  });
  const runFrame = () => frames.splice(0).forEach((f) => f());
  return { store, runFrame, frames };
}

