import { describe, expect, it } from 'vitest';
import { callNames, channelOf, eventNames, type Handlers } from '../../../shared/api/contract';
import { argCounts, invokeHandler } from '../../../main/backend/invoke';
import { buildPreloadApi, type IpcRendererLike } from '../../../main/electron/preload-api';
import { registerIpc, type IpcMainLike } from '../../../main/electron/ipc';
import { createHttpBridge } from '../../../renderer/bridge/http-bridge';

/** Records what the preload and main registration do with Electron's IPC objects. */
function recordingIpcRenderer() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, ((e: unknown, ...a: unknown[]) => void)[]>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return { ok: true, value: `${channel}:${args.length}` };
    },
    on: (channel, l) => listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
    removeListener: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== l)),
  };
  return { ipc, invoked, listeners };
}

describe('the contract is the single source of calls', () => {
  it('preload exposes exactly one method per call, plus on', async () => {
    const { ipc, invoked } = recordingIpcRenderer();
    const api = buildPreloadApi(ipc) as unknown as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...callNames, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const name of callNames) await (api[name] as (...a: unknown[]) => Promise<unknown>)('x');
    expect(invoked.map((i) => i.channel)).toEqual(callNames.map(channelOf));
  });

  it('preload listeners never receive the IPC event object and can unsubscribe', () => {
    const { ipc, listeners } = recordingIpcRenderer();
    const api = buildPreloadApi(ipc);
    const got: unknown[][] = [];
    const off = api.on('indexChanged', (...args: unknown[]) => got.push(args));
    const fakeEvent = { sender: 'secret' };
    for (const l of listeners.get(channelOf('indexChanged'))!) l(fakeEvent, { upserted: [] });
    expect(got).toEqual([[{ upserted: [] }]]);
    off();
    expect(listeners.get(channelOf('indexChanged'))).toHaveLength(0);
    expect(() => api.on('nope' as 'indexChanged', () => {})).toThrow(/Unknown event/);
  });

  it('main registers exactly the contract channels', () => {
    const channels: string[] = [];
    const ipcMain: IpcMainLike = { handle: (c) => channels.push(c), removeHandler: () => {} };
    registerIpc(ipcMain, {} as Handlers, 'file:///app/dist/renderer/index.html');
    expect(channels).toEqual(callNames.map(channelOf));
  });

  it('the HTTP bridge and the invoker cover the same calls', () => {
    const bridge = createHttpBridge({ baseUrl: 'http://127.0.0.1:1/t' }) as unknown as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...callNames, 'on'].sort());
    expect(Object.keys(argCounts).sort()).toEqual([...callNames].sort());
    expect(eventNames.length).toBeGreaterThan(0);
  });

  it('the invoker refuses unknown calls and wrong arity, and turns throws into data', async () => {
    const handlers = { getAppInfo: async () => { throw new Error('boom'); } } as unknown as Handlers;
    expect(await invokeHandler(handlers, 'rmRf', [])).toMatchObject({ ok: false, error: { code: 'call.unknown' } });
    expect(await invokeHandler(handlers, 'getAppInfo', [1])).toMatchObject({ ok: false, error: { code: 'call.bad-arguments' } });
    expect(await invokeHandler(handlers, 'getAppInfo', [])).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(await invokeHandler(handlers, '__proto__', [])).toMatchObject({ ok: false, error: { code: 'call.unknown' } });
  });
});
