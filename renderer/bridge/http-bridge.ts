/**
 * The browser half of `tapedeck serve`: the same TapedeckApi the Electron preload exposes,
 * derived from the contract's call list, over HTTP POST (calls) and Server-Sent Events
 * (pushes). `baseUrl` is the app's root, `http://127.0.0.1:PORT/<token>`: the per-launch token
 * is the first path segment of every URL, so every request carries it.
 */
import {
  callNames,
  isEventName,
  type ApiResult,
  type CallName,
  type EventName,
  type EventPayload,
  type TapedeckApi,
} from '../../shared/api/contract';

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createHttpBridge(opts: { baseUrl: string }): TapedeckApi {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`${opts.baseUrl}/api/events`);
    source.onmessage = (m) => {
      const { event, payload } = JSON.parse(m.data) as { event: string; payload: unknown };
      if (!isEventName(event)) return;
      for (const l of listeners.get(event) ?? []) l(payload);
    };
  };

  const invoke = async (name: CallName, args: unknown[]): Promise<unknown> => {
    const res = await fetch(`${opts.baseUrl}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args }),
    });
    if (res.status === 401) throw new BridgeError('unauthorized', 'The server refused the session token.');
    const result = (await res.json()) as ApiResult<unknown>;
    if (!result.ok) throw new BridgeError(result.error.code, result.error.message);
    return result.value;
  };

  const api: Record<string, unknown> = {};
  for (const name of callNames) api[name] = (...args: unknown[]) => invoke(name, args);
  api.on = <K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    ensureSource();
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (p: unknown) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (p: unknown) => void);
  };
  return api as TapedeckApi;
}
