/**
 * Whether the browser tab can still reach `tapedeck serve`. A transport property, not a backend
 * call: it lives beside the HTTP bridge and never in the contract. Electron's IPC does not
 * disconnect, so its API has no `connection` and the UI treats that as always connected.
 */
import type { TapedeckApi } from '../../shared/api/contract';

/**
 * `connected`: the event stream is open. `reconnecting`: it dropped and we retry with backoff.
 * `ended`: the server refused our token (401): a new `tapedeck serve` has a new per-launch
 * token, so this tab can never reconnect; terminal.
 */
export type ConnectionState = 'connected' | 'reconnecting' | 'ended';

export interface ConnectionApi {
  get(): ConnectionState;
  /** Called on every change with the new and the previous state; returns an unsubscribe. */
  subscribe(fn: (state: ConnectionState, prev: ConnectionState) => void): () => void;
  /** Stops the stream and any retry (tests; a page never needs it). */
  close(): void;
}

/** What happened on the wire; `probe` is the answer to a cheap call made after a drop. */
export type ConnectionEvent =
  | { type: 'stream-open' }
  | { type: 'stream-error' }
  | { type: 'probe'; result: ProbeResult };

export type ProbeResult = 'ok' | 'unauthorized' | 'unreachable';

/** The whole state machine. `ended` never leaves: retrying a dead token only spams the server. */
export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (state === 'ended') return 'ended';
  switch (event.type) {
    case 'stream-open':
      return 'connected';
    case 'stream-error':
      return 'reconnecting';
    case 'probe':
      // A reachable server does not mean the stream is back: only its `open` says that.
      return event.result === 'unauthorized' ? 'ended' : state;
  }
}

/** Delay before retry number `attempt` (0-based): 250 ms doubling, capped so a restart is seen within seconds. */
export function backoffMs(attempt: number, baseMs = 250, maxMs = 4_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}

export const DISCONNECTED_MESSAGE = 'Not connected to tapedeck serve (it stopped or is restarting).';
export const ENDED_MESSAGE = "This tab's session ended (tapedeck serve was restarted). Open the URL it printed.";

/** The bridge's connection API, or null for hosts without one (Electron, test fakes). */
export function connectionOf(api: TapedeckApi): ConnectionApi | null {
  const c = (api as TapedeckApi & { connection?: ConnectionApi }).connection;
  return c && typeof c.get === 'function' && typeof c.subscribe === 'function' ? c : null;
}
