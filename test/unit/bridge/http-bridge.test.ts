/**
 * The HTTP bridge's connection state machine against a real local HTTP server: drops, a
 * restart with the same token (reconnect), a restart with a new token (ended for good), and a
 * server that is shutting down (503: not ended).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { callNames, type IndexBatch } from '../../../shared/api/contract';
import { connectionOf, DISCONNECTED_MESSAGE, ENDED_MESSAGE, type ConnectionState } from '../../../renderer/bridge/connection';
import { createHttpBridge, type HttpBridge } from '../../../renderer/bridge/http-bridge';
import { fetchEventSource } from './fetch-event-source';
import { startTestServer, until, type TestServer } from './sse-test-server';

const TOKEN = 'test-token-aaaaaaaaaaaaaaaa';
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function serve(opts: { token?: string; port?: number } = {}): Promise<TestServer> {
  const s = await startTestServer({ token: opts.token ?? TOKEN, port: opts.port, handlers: { getWorkspace: () => ({ roots: [], initialSelection: null, indexing: false }) } });
  let stopped = false;
  const stop = s.stop;
  s.stop = async () => {
    if (stopped) return;
    stopped = true;
    await stop();
  };
  cleanup.push(() => s.stop());
  return s;
}

function bridgeFor(server: TestServer) {
  const bridge = createHttpBridge({ baseUrl: server.baseUrl, eventSource: fetchEventSource, backoff: () => 20 });
  cleanup.push(() => bridge.connection.close());
  const states: ConnectionState[] = [];
  bridge.connection.subscribe((s) => states.push(s));
  const batches: IndexBatch[] = [];
  bridge.on('indexChanged', (b) => batches.push(b));
  return { bridge, states, batches };
}

const batch = (n: number): IndexBatch => ({ upserted: [], removed: [], changed: [], progress: { done: n, total: n } });
const stateOf = (b: HttpBridge) => b.connection.get();

describe('http bridge connection', () => {
  it('keeps the contract shape: connection is there but not enumerable', async () => {
    const server = await serve();
    const { bridge } = bridgeFor(server);
    expect(Object.keys(bridge).sort()).toEqual([...callNames, 'on'].sort());
    expect(connectionOf(bridge)).toBe(bridge.connection);
    expect(connectionOf({ on: () => () => {} } as never)).toBeNull();
  });

  it('delivers pushed events and answers calls while connected', async () => {
    const server = await serve();
    const { bridge, states, batches } = bridgeFor(server);
    await until(() => server.openStreams() === 1, 'the event stream');
    server.push('indexChanged', batch(1));
    server.push('nope', {}); // unknown events are dropped, not thrown
    await until(() => batches.length === 1, 'the pushed batch');
    expect(batches[0].progress).toEqual({ done: 1, total: 1 });
    expect((await bridge.getAppInfo()).name).toBe('test');
    await expect(bridge.listCassettes()).rejects.toMatchObject({ code: 'call.unknown' });
    expect(stateOf(bridge)).toBe('connected');
    expect(states).toEqual([]);
  });

  it('server stops: reconnecting and clear call errors; back with the same token: connected again', async () => {
    const first = await serve();
    const { bridge, states, batches } = bridgeFor(first);
    await until(() => first.openStreams() === 1, 'the event stream');
    await first.stop();
    await until(() => stateOf(bridge) === 'reconnecting', 'reconnecting');
    await expect(bridge.getWorkspace()).rejects.toMatchObject({ code: 'disconnected', message: DISCONNECTED_MESSAGE });
    // Retries keep going (with backoff) while nothing listens on the port.
    await new Promise((r) => setTimeout(r, 100));
    expect(stateOf(bridge)).toBe('reconnecting');

    const second = await serve({ port: first.port });
    await until(() => stateOf(bridge) === 'connected', 'connected');
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(second.requests).toContain('call:getAppInfo'); // the probe before reopening the stream
    expect(second.openStreams()).toBe(1);
    expect(await bridge.getWorkspace()).toMatchObject({ indexing: false });
    second.push('indexChanged', batch(7));
    await until(() => batches.length === 1, 'a batch after the reconnect');
    expect(batches[0].progress.done).toBe(7);
  });

  it('a new server with a new token ends the session for good and stops retrying', async () => {
    const first = await serve();
    const { bridge, states } = bridgeFor(first);
    await until(() => first.openStreams() === 1, 'the event stream');
    await first.stop();
    const second = await serve({ port: first.port, token: 'another-token-bbbbbbbbbbbbb' });
    await until(() => stateOf(bridge) === 'ended', 'ended');
    expect(states).toEqual(['reconnecting', 'ended']);
    const seen = second.requests.length;
    expect(second.requests.every((r) => r === '401')).toBe(true);
    await expect(bridge.getAppInfo()).rejects.toMatchObject({ code: 'unauthorized', message: ENDED_MESSAGE });
    await new Promise((r) => setTimeout(r, 150));
    expect(second.requests.length).toBe(seen); // no retries, and calls fail without a request
  });

  it('a call answered 401 ends the session too', async () => {
    const first = await serve();
    const { bridge } = bridgeFor(first);
    await until(() => first.openStreams() === 1, 'the event stream');
    const other = await serve({ token: 'another-token-ccccccccccccc' });
    const stale = createHttpBridge({ baseUrl: `http://127.0.0.1:${other.port}/${TOKEN}`, eventSource: fetchEventSource, backoff: () => 20 });
    cleanup.push(() => stale.connection.close());
    await expect(stale.getAppInfo()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(stale.connection.get()).toBe('ended');
    expect(stateOf(bridge)).toBe('connected');
  });

  it('a server shutting down (503) is not a new session: it stays reconnecting until it serves again', async () => {
    const server = await serve();
    const { bridge, states } = bridgeFor(server);
    await until(() => server.openStreams() === 1, 'the event stream');
    server.shuttingDown = true;
    server.dropStreams();
    await until(() => server.requests.filter((r) => r === '503').length >= 2, 'probes answered 503');
    expect(stateOf(bridge)).toBe('reconnecting');
    await expect(bridge.getAppInfo()).rejects.toMatchObject({ code: 'disconnected' });
    server.shuttingDown = false;
    await until(() => stateOf(bridge) === 'connected', 'connected');
    expect(states).toEqual(['reconnecting', 'connected']);
  });

  it('a frozen server (calls never answered) does not stall the retries', async () => {
    const server = await serve();
    const bridge = createHttpBridge({ baseUrl: server.baseUrl, eventSource: fetchEventSource, backoff: () => 20, probeTimeoutMs: 100 });
    cleanup.push(() => bridge.connection.close());
    bridge.on('indexChanged', () => {}); // the event stream opens with the first listener
    await until(() => server.openStreams() === 1, 'the event stream');
    server.frozen = true;
    server.dropStreams();
    // Each probe times out and the next one follows.
    await until(() => server.requests.filter((r) => r === 'call:getAppInfo').length >= 3, 'repeated probes');
    expect(stateOf(bridge)).toBe('reconnecting');
    server.frozen = false;
    await until(() => stateOf(bridge) === 'connected', 'connected');
  });

  it('a dropped stream on a live server reopens (one stream, not two)', async () => {
    const server = await serve();
    const { bridge, states } = bridgeFor(server);
    await until(() => server.openStreams() === 1, 'the event stream');
    server.dropStreams();
    await until(() => states.length === 2, 'reconnected');
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(stateOf(bridge)).toBe('connected');
    expect(server.openStreams()).toBe(1);
    expect(server.requests.filter((r) => r === 'events').length).toBe(2);
  });
});
