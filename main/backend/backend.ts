/**
 * The backend both shells share: the workspace service plus app-level calls, as one
 * `Handlers` table typed by the contract, and one event fan-out that the Electron shell
 * forwards to its window and `tapedeck serve` forwards to its SSE clients.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiFailure, type EventName, type EventPayload, type Handlers } from '../../shared/api/contract';
import { isInside, OUTSIDE_WORKSPACE } from '../workspace/confine';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { appVersion } from './app-paths';
import { registerNodeCodecs } from './node-codecs';

export type BackendListener = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

export interface Backend {
  handlers: Handlers;
  workspace: Workspace;
  subscribe(listener: BackendListener): () => void;
  /**
   * From now on openPath opens only the folders open now, and what is inside them. For
   * `tapedeck serve`, whose API is a web page's: the folders given on the command line are the
   * person's choice, a path in a request is not (the browser UI has no Open dialog of its own).
   */
  confineToOpenFolders(): Promise<void>;
  close(): Promise<void>;
}

export interface BackendOptions {
  configDir: string;
  shell: 'electron' | 'browser';
  /** Native folder picker; the browser host has none. */
  chooseFolder?: () => Promise<string | null>;
  workerCount?: number;
}

export function createBackend(opts: BackendOptions): Backend {
  registerNodeCodecs();
  const listeners = new Set<BackendListener>();
  const emit: BackendListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  const workspace = createWorkspace({ configDir: opts.configDir, emit, workerCount: opts.workerCount });
  let openable: string[] | null = null;
  const checkOpenable = async (path: string): Promise<void> => {
    if (!openable || typeof path !== 'string') return; // the workspace validates the argument itself
    const real = await realpath(resolve(path)).catch(() => null);
    if (real === null || !openable.some((root) => isInside(root, real)))
      throw new ApiFailure(OUTSIDE_WORKSPACE, 'Only the folders given on the command line (and what is inside them) can be opened here.');
  };
  const handlers: Handlers = {
    getAppInfo: async () => ({
      name: 'Tapedeck',
      version: appVersion(),
      shell: opts.shell,
      platform: process.platform,
    }),
    chooseFolder: async () => (opts.chooseFolder ? opts.chooseFolder() : null),
    getWorkspace: () => workspace.getWorkspace(),
    openPath: async (path) => {
      await checkOpenable(path);
      return workspace.openPath(path);
    },
    closeRoot: (rootId) => workspace.closeRoot(rootId),
    // Confined, the list would only tell a page about folders it may not open.
    getRecentFolders: async () => (openable ? [] : workspace.getRecentFolders()),
    listCassettes: () => workspace.listCassettes(),
    readCassette: (ref) => workspace.readCassette(ref),
    saveCassette: (req) => workspace.saveCassette(req),
    searchCassettes: (req) => workspace.searchCassettes(req),
    readGitRevision: (ref, rev) => workspace.readGitRevision(ref, rev),
  };
  return {
    handlers,
    workspace,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async confineToOpenFolders() {
      openable = (await workspace.getWorkspace()).roots.map((r) => r.path);
    },
    close: () => workspace.close(),
  };
}
