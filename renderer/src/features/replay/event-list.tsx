/** Raw stream events beside the assembled view: windowed, current event highlighted. */
import { useMemo, type ReactNode } from 'react';
import { useFixedRows } from '../../components/use-fixed-rows';
import type { FramedStream } from '../../../../shared/model/llm';
import { utf8Decode } from '../../../../shared/util/bytes';
import { useAppStore, useAppStoreApi, useCursor } from '../../store/store-context';
import { EditToggle, TextEditForm } from '../editor/edit-forms';

const ROW_H = 22;
// Rows show what fits in the pane; the full event is in the bytes view. Shorter text = less shaping per frame.
const PREVIEW = 72;

export function EventList({ stream, body, interaction }: { stream: FramedStream; body: Uint8Array; interaction: number }) {
  const store = useAppStoreApi();
  const cursor = useCursor();
  const events = stream.events;
  const win = useFixedRows(events.length, ROW_H, cursor);
  const rows: ReactNode[] = [];
  for (let i = win.first; i <= win.last; i++) {
    const e = events[i];
    rows.push(
      // Keyed by slot, not event index: a far seek then updates ~40 existing rows instead of
      // replacing them, which halved the list's per-frame cost.
      <div
        key={i - win.first}
        className={`event-row ${i === cursor ? 'is-current' : ''} ${i > cursor ? 'is-future' : ''}`}
        style={{ transform: `translateY(${i * ROW_H}px)`, height: ROW_H }}
        onClick={() => store.getState().seek(i)}
        data-testid="event-row"
        data-index={i}
      >
        <span className="event-index">{i + 1}</span>
        {e.event && e.event !== 'message' ? <span className="event-name" title={e.event}>{e.event}</span> : null}
        <span className="event-data mono">{e.data.length > PREVIEW ? e.data.slice(0, PREVIEW) + '…' : e.data}</span>
      </div>,
    );
  }

  return (
    <div className="events" data-testid="event-list">
      <div className="events-head">
        <span className="sub-title">Events</span>
        <span className="muted">{stream.framing} · {events.length}{stream.unterminated ? ' · unterminated' : ''}</span>
      </div>
      <div ref={win.ref} className="events-scroll" onScroll={win.onScroll}>
        <div style={{ height: win.totalHeight, position: 'relative' }}>{rows}</div>
      </div>
      <EventBytes stream={stream} body={body} cursor={cursor} interaction={interaction} />
    </div>
  );
}

/** The current event's bytes exactly as recorded (its span of the decoded body). */
function EventBytes({ stream, body, cursor, interaction }: { stream: FramedStream; body: Uint8Array; cursor: number; interaction: number }) {
  const store = useAppStoreApi();
  const scrubbing = useAppStore((s) => s.scrubbing);
  const e = cursor >= 0 ? stream.events[cursor] : undefined;
  const text = useMemo(() => {
    if (!e) return '';
    const slice = body.subarray(e.offset, e.offset + e.length);
    return utf8Decode(slice, true) ?? `(${slice.length} binary bytes)\n${e.data}`;
  }, [e, body]);
  return (
    <div className="event-bytes" data-testid="event-bytes">
      <div className="events-head">
        <span className="sub-title">Bytes</span>
        <span className="muted">{e ? `offset ${e.offset} · ${e.length} B` : 'before the first event'}</span>
        {e ? (
          <button type="button" className="chip" title="Go to source" onClick={() => store.getState().gotoSource({ kind: 'event', interaction, event: cursor })} data-testid="event-goto">↗ source</button>
        ) : null}
      </div>
      {e && !scrubbing ? (
        <EditToggle key={cursor} label="Edit data" testId="event-edit-open">
          {(close) => <TextEditForm initial={e.data} testId="event-edit" onClose={close} onApply={(data) => [{ kind: 'event-data', interaction, event: cursor, data }]} />}
        </EditToggle>
      ) : null}
      <pre className="code">{text}</pre>
    </div>
  );
}
