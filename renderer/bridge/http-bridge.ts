/**
 * The browser half of `tapedeck serve`: the same TapedeckApi the Electron preload exposes,
 * derived from the contract's call list, over HTTP POST (calls) and Server-Sent Events
 * (pushes). `baseUrl` is the app's root, `http://127.0.0.1:PORT/<token>`: the per-launch token
 * is the first path segment of every URL, so every request carries it.
 *
 * The server can go away (stopped, restarted). The bridge owns the event stream's retries
 * instead of leaving them to EventSource: a server that is shutting down answers 503, and an
 * EventSource gives up for good on any non-200 answer. After a drop it probes `getAppInfo`
 * with backoff: 401 means a new server with a new token (`ended`), a 200 reopens the stream.
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
import {
  backoffMs,
  DISCONNECTED_MESSAGE,
  ENDED_MESSAGE,
  nextConnectionState,
  type ConnectionApi,
  type ConnectionEvent,
  type ConnectionState,
  type ProbeResult,
} from './connection';

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The part of EventSource the bridge uses, so node tests can inject a client over fetch. */
export interface EventSourceLike {
  onopen: (() => void) | null;
  onmessage: ((message: { data: string }) => void) | null;
  onerror: (() => void) | null;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface HttpBridgeOptions {
  baseUrl: string;
  /** Defaults to the browser's EventSource. */
  eventSource?: EventSourceFactory;
  /** Delay before retry number `attempt`; defaults to backoffMs. */
  backoff?: (attempt: number) => number;
  /** How long a reconnect probe may wait for an answer (default 5 s). */
  probeTimeoutMs?: number;
}

/** The bridge is a TapedeckApi plus a non-enumerable `connection` (not a contract call). */
export type HttpBridge = TapedeckApi & { readonly connection: ConnectionApi };

const PROBE_TIMEOUT_MS = 5_000;

const browserEventSource: EventSourceFactory = (url) => {
  const es = new EventSource(url);
  const like: EventSourceLike = { onopen: null, onmessage: null, onerror: null, close: () => es.close() };
  es.onopen = () => like.onopen?.();
  es.onmessage = (m: MessageEvent) => like.onmessage?.({ data: String(m.data) });
  es.onerror = () => like.onerror?.();
  return like;
};

export function createHttpBridge(opts: HttpBridgeOptions): HttpBridge {
  const openSource = opts.eventSource ?? browserEventSource;
  const backoff = opts.backoff ?? backoffMs;
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const watchers = new Set<(state: ConnectionState, prev: ConnectionState) => void>();
  // Optimistic: the page was just served by this server.
  let state: ConnectionState = 'connected';
  let source: EventSourceLike | null = null;
  let started = false;
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const post = (name: CallName, args: unknown[], signal?: AbortSignal) =>
    fetch(`${opts.baseUrl}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args }),
      signal,
    });

  const stopStream = () => {
    source?.close();
    source = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };

  const dispatch = (event: ConnectionEvent) => {
    const next = nextConnectionState(state, event);
    if (next === state) return;
    const prev = state;
    state = next;
    if (next === 'ended') stopStream();
    for (const w of [...watchers]) w(next, prev);
  };

  const probe = async (): Promise<ProbeResult> => {
    try {
      // A frozen server (suspended, or stuck) must not stall the retries: give up and try again.
      const res = await post('getAppInfo', [], AbortSignal.timeout(opts.probeTimeoutMs ?? PROBE_TIMEOUT_MS));
      await res.text().catch(() => '');
      if (res.status === 401) return 'unauthorized';
      return res.ok ? 'ok' : 'unreachable';
    } catch {
      return 'unreachable';
    }
  };

  const scheduleRetry = () => {
    if (retryTimer || closed || state === 'ended') return;
    retryTimer = setTimeout(() => {
      void (async () => {
        const result = await probe();
        retryTimer = null;
        if (closed) return;
        dispatch({ type: 'probe', result });
        if (state === 'ended') return;
        if (result === 'ok') openStream();
        else scheduleRetry();
      })();
    }, backoff(attempt++));
  };

  const openStream = () => {
    const es = openSource(`${opts.baseUrl}/api/events`);
    source = es;
    es.onopen = () => {
      if (source !== es) return;
      attempt = 0;
      dispatch({ type: 'stream-open' });
    };
    es.onmessage = (m) => {
      if (source !== es) return;
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(m.data) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      if (!isEventName(parsed.event)) return;
      for (const l of listeners.get(parsed.event) ?? []) l(parsed.payload);
    };
    es.onerror = () => {
      if (source !== es) return;
      es.close();
      source = null;
      dispatch({ type: 'stream-error' });
      scheduleRetry();
    };
  };

  const ensureStarted = () => {
    if (started || closed || state === 'ended') return;
    started = true;
    openStream();
  };

  const invoke = async (name: CallName, args: unknown[]): Promise<unknown> => {
    if (state === 'ended') throw new BridgeError('unauthorized', ENDED_MESSAGE);
    let res: Response;
    try {
      res = await post(name, args);
    } catch {
      // fetch's own "Failed to fetch" says nothing to a user; the stream's error drives the state.
      throw new BridgeError('disconnected', DISCONNECTED_MESSAGE);
    }
    if (res.status === 401) {
      dispatch({ type: 'probe', result: 'unauthorized' });
      throw new BridgeError('unauthorized', ENDED_MESSAGE);
    }
    // 503: the server is shutting down. Anything else non-200 is not an API answer either.
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      if (res.status === 503) throw new BridgeError('disconnected', DISCONNECTED_MESSAGE);
      throw new BridgeError(`http-${res.status}`, `tapedeck serve answered ${res.status}: ${text.trim() || res.statusText}`);
    }
    let result: ApiResult<unknown>;
    try {
      result = (await res.json()) as ApiResult<unknown>;
    } catch {
      throw new BridgeError('disconnected', DISCONNECTED_MESSAGE);
    }
    if (!result.ok) throw new BridgeError(result.error.code, result.error.message);
    return result.value;
  };

  const connection: ConnectionApi = {
    get: () => state,
    subscribe(fn) {
      ensureStarted();
      watchers.add(fn);
      return () => watchers.delete(fn);
    },
    close() {
      closed = true;
      stopStream();
      watchers.clear();
    },
  };

  const api: Record<string, unknown> = {};
  for (const name of callNames) api[name] = (...args: unknown[]) => invoke(name, args);
  api.on = <K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    ensureStarted();
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (p: unknown) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (p: unknown) => void);
  };
  // Non-enumerable: the bridge's own keys stay exactly the contract's calls plus `on`.
  Object.defineProperty(api, 'connection', { value: connection, enumerable: false });
  return api as HttpBridge;
}
