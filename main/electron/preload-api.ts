/**
 * Builds the object the preload exposes as `window.tapedeck`: one method per contract call
 * and a typed `on` for contract events. There is no generic invoke/send/on passthrough, and
 * listeners never see the IPC event object (it carries `sender`).
 */
import {
  callNames,
  channelOf,
  isEventName,
  type ApiResult,
  type EventName,
  type TapedeckApi,
} from '../../shared/api/contract';

/** The slice of Electron's ipcRenderer the preload uses (injected so tests run without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildPreloadApi(ipc: IpcRendererLike): TapedeckApi {
  const api: Record<string, unknown> = {};
  for (const name of callNames) {
    api[name] = async (...args: unknown[]) => {
      const result = (await ipc.invoke(channelOf(name), ...args)) as ApiResult<unknown>;
      if (result.ok) return result.value;
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    };
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(channelOf(event), wrapped);
    return () => {
      ipc.removeListener(channelOf(event), wrapped);
    };
  };
  return Object.freeze(api) as TapedeckApi;
}
