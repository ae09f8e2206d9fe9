/**
 * The backend both shells share: the workspace service plus app-level calls, as one
 * `Handlers` table typed by the contract, and one event fan-out that the Electron shell
 * forwards to its window and `tapedeck serve` forwards to its SSE clients.
 */
import type { EventName, EventPayload, Handlers } from '../../shared/api/contract';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { appVersion } from './app-paths';
import { registerNodeCodecs } from './node-codecs';

export type BackendListener = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

export interface Backend {
  handlers: Handlers;
  workspace: Workspace;
  subscribe(listener: BackendListener): () => void;
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
  const handlers: Handlers = {
    getAppInfo: async () => ({
      name: 'Tapedeck',
      version: appVersion(),
      shell: opts.shell,
      platform: process.platform,
    }),
    chooseFolder: async () => (opts.chooseFolder ? opts.chooseFolder() : null),
    getWorkspace: () => workspace.getWorkspace(),
    openPath: (path) => workspace.openPath(path),
    closeRoot: (rootId) => workspace.closeRoot(rootId),
    getRecentFolders: () => workspace.getRecentFolders(),
    listCassettes: () => workspace.listCassettes(),
    readCassette: (ref) => workspace.readCassette(ref),
    saveCassette: (req) => workspace.saveCassette(req),
  };
  return {
    handlers,
    workspace,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => workspace.close(),
  };
}
