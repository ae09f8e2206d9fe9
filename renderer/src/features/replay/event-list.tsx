/**
 * Stream events beside the assembled view: each row says what the event added (from the
 * assembler's own step), filterable by kind; windowed, current event highlighted.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { EVENT_GROUPS, GROUP_LABEL, filterEvents, noteGroups, type EventGroup } from '../../../../shared/llm/explain-events';
import type { FramedStream } from '../../../../shared/model/llm';
import { useFixedRows } from '../../components/use-fixed-rows';
import { useAppStoreApi, useCursor } from '../../store/store-context';
import { EventBytes } from './event-bytes';
import { notesFor, shownPosition } from './event-notes';

const ROW_H = 22;
// The raw data in a row's tooltip; the full event is in the bytes view.
const PREVIEW = 300;
const ALL = new Set<EventGroup>(EVENT_GROUPS);

interface Props {
  stream: FramedStream;
  dialect: string | null | undefined;
  body: Uint8Array;
  interaction: number;
}

export function EventList({ stream, dialect, body, interaction }: Props) {
  const store = useAppStoreApi();
  const cursor = useCursor();
  const events = stream.events;
  const notes = notesFor(events, dialect);
  const [groups, setGroups] = useState<ReadonlySet<EventGroup>>(ALL);
  const filtered = groups.size < EVENT_GROUPS.length;
  const shown = useMemo(() => (filtered ? filterEvents(notes, groups) : null), [filtered, notes, groups]);
  const count = shown ? shown.length : events.length;
  const win = useFixedRows(count, ROW_H, shown ? shownPosition(shown, cursor) : cursor);
  // With nothing filtered a chip means "only these"; more chips add kinds; none left shows all.
  const toggle = (g: EventGroup) => {
    const next = new Set(filtered ? groups : []);
    if (next.has(g)) next.delete(g);
    else next.add(g);
    setGroups(next.size === 0 ? ALL : next);
  };

  const rows: ReactNode[] = [];
  for (let p = win.first; p <= win.last; p++) {
    const i = shown ? shown[p] : p;
    const e = events[i];
    const note = notes[i];
    rows.push(
      // Keyed by slot, not event index: a far seek then updates ~40 existing rows instead of
      // replacing them, which halved the list's per-frame cost.
      <div
        key={p - win.first}
        className={`event-row ${i === cursor ? 'is-current' : ''} ${i > cursor ? 'is-future' : ''}`}
        style={{ transform: `translateY(${p * ROW_H}px)`, height: ROW_H }}
        onClick={() => store.getState().seek(i)}
        title={e.data.length > PREVIEW ? e.data.slice(0, PREVIEW) + '…' : e.data}
        data-testid="event-row"
        data-index={i}
      >
        <span className="event-index">{i + 1}</span>
        <span className={`event-kind kind-${noteGroups(note)[0]}`} aria-hidden="true" />
        <span className="event-note mono" data-testid="event-note">{note.label}</span>
      </div>,
    );
  }

  return (
    <div className="events" data-testid="event-list">
      <div className="events-head">
        <span className="sub-title">Events</span>
        <span className="muted">{stream.framing} · {shown ? `${shown.length} of ` : ''}{events.length}{stream.unterminated ? ' · unterminated' : ''}</span>
      </div>
      <div className="event-filters" role="group" aria-label="Show events of kind">
        {EVENT_GROUPS.map((g) => (
          <button key={g} type="button" className={`chip kind-chip kind-${g}`} aria-pressed={filtered && groups.has(g)} onClick={() => toggle(g)} data-testid={`event-filter-${g}`}>
            {GROUP_LABEL[g]}
          </button>
        ))}
      </div>
      {/* Focusable so the list scrolls by keyboard too; the scrubber is what moves through it. */}
      <div ref={win.ref} className="events-scroll" onScroll={win.onScroll} tabIndex={0} role="region" aria-label="Stream events">
        <div style={{ height: win.totalHeight, position: 'relative' }}>{rows}</div>
      </div>
      <EventBytes stream={stream} notes={notes} body={body} cursor={cursor} interaction={interaction} />
    </div>
  );
}
