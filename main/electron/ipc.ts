/**
 * Registers one ipcMain handler per contract call. Each checks that the message comes from
 * our own top-level frame on our own app:// origin (Electron checklist #17; only the
 * renderer's built files are served there, see app-protocol.ts), then runs the
 * call through the same invoker the HTTP host uses.
 */
import { callNames, channelOf, type ApiResult, type Handlers } from '../../shared/api/contract';
import { invokeHandler } from '../backend/invoke';

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}
export interface IpcMainLike {
  handle(channel: string, handler: (event: { senderFrame: SenderFrameLike | null }, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function isTrustedSender(frame: SenderFrameLike | null, rendererIndexUrl: string): boolean {
  if (!frame || frame.parent) return false;
  try {
    const u = new URL(frame.url);
    const expected = new URL(rendererIndexUrl);
    // Custom schemes have an opaque URL.origin in Node, so compare scheme and host.
    return u.protocol === expected.protocol && u.host === expected.host;
  } catch {
    return false;
  }
}

export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, rendererIndexUrl: string): () => void {
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), async (event, ...args): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame, rendererIndexUrl)) {
        return { ok: false, error: { code: 'ipc.untrusted-sender', message: 'Refused: the request did not come from the Tapedeck window.' } };
      }
      return invokeHandler(handlers, name, args);
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(channelOf(name));
  };
}
