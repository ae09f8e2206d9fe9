/**
 * A minimal EventSource over fetch for node tests (Node 20 has no EventSource). It connects
 * once and never retries by itself, which is all the bridge needs: the bridge owns retries.
 */
import { createParser } from 'eventsource-parser';
import type { EventSourceLike } from '../../../renderer/bridge/http-bridge';

export function fetchEventSource(url: string): EventSourceLike {
  const abort = new AbortController();
  let done = false;
  const es: EventSourceLike = {
    onopen: null,
    onmessage: null,
    onerror: null,
    close: () => {
      done = true;
      abort.abort();
    },
  };
  // Like EventSource: one `error` when the stream cannot open or ends, none after close().
  const fail = () => {
    if (done) return;
    done = true;
    es.onerror?.();
  };
  void (async () => {
    const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    if (res.status !== 200 || !res.body || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await res.body?.cancel().catch(() => {});
      return fail();
    }
    if (done) return;
    es.onopen?.();
    const parser = createParser({ onEvent: (e) => !done && es.onmessage?.({ data: e.data }) });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    fail();
  })().catch(fail);
  return es;
}
