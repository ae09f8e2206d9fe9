/** The current event as recorded (its bytes) or as its JSON envelope with the changed path marked. */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { StepNote } from '../../../../shared/llm/explain-events';
import type { FramedStream } from '../../../../shared/model/llm';
import { utf8Decode } from '../../../../shared/util/bytes';
import { prettyJsonLines } from '../../../../shared/util/pretty-json-lines';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { EditToggle, TextEditForm } from '../editor/edit-forms';

interface Props {
  stream: FramedStream;
  notes: readonly StepNote[];
  body: Uint8Array;
  cursor: number;
  interaction: number;
}

export function EventBytes({ stream, notes, body, cursor, interaction }: Props) {
  const store = useAppStoreApi();
  const scrubbing = useAppStore((s) => s.scrubbing);
  // The choice sticks while scrubbing, so stepping through envelopes is one click, not one per event.
  const [envelope, setEnvelope] = useState(false);
  const e = cursor >= 0 ? stream.events[cursor] : undefined;
  const showEnvelope = envelope && e?.json !== undefined;
  const text = useMemo(() => {
    if (!e || showEnvelope) return '';
    const slice = body.subarray(e.offset, e.offset + e.length);
    return utf8Decode(slice, true) ?? `(${slice.length} binary bytes)\n${e.data}`;
  }, [e, body, showEnvelope]);
  const note = cursor >= 0 ? notes[cursor] : undefined;
  return (
    <div className="event-bytes" data-testid="event-bytes">
      <div className="events-head">
        <span className="sub-title">{showEnvelope ? 'Envelope' : 'Bytes'}</span>
        <span className="muted">{e ? `offset ${e.offset} · ${e.length} B` : 'before the first event'}</span>
        {e?.json !== undefined ? (
          <button type="button" className="chip" aria-pressed={envelope} title="Show the event's JSON pretty-printed, the part this event changed highlighted" onClick={() => setEnvelope(!envelope)} data-testid="event-envelope-toggle">
            {'{ }'} envelope
          </button>
        ) : null}
        {e ? (
          <button type="button" className="chip" title="Go to source" onClick={() => store.getState().gotoSource({ kind: 'event', interaction, event: cursor })} data-testid="event-goto">↗ source</button>
        ) : null}
      </div>
      {e && !scrubbing && !showEnvelope ? (
        <EditToggle key={cursor} label="Edit data" testId="event-edit-open">
          {(close) => <TextEditForm initial={e.data} testId="event-edit" onClose={close} onApply={(data) => [{ kind: 'event-data', interaction, event: cursor, data }]} />}
        </EditToggle>
      ) : null}
      {showEnvelope ? <Envelope json={e.json} path={note?.path ?? null} /> : <pre className="code" tabIndex={0} aria-label="Event bytes">{text}</pre>}
    </div>
  );
}

function Envelope({ json, path }: { json: unknown; path: StepNote['path'] }) {
  const lines = useMemo(() => prettyJsonLines(json, path), [json, path]);
  const ref = useRef<HTMLPreElement | null>(null);
  // Bring the changed part into view inside the pane (scrollIntoView would also move the page).
  useLayoutEffect(() => {
    const pre = ref.current;
    const hit = pre?.querySelector<HTMLElement>('.envelope-hit');
    if (pre && hit) pre.scrollTop = Math.max(0, hit.offsetTop - pre.clientHeight / 3);
  }, [lines]);
  return (
    <pre ref={ref} className="code envelope" tabIndex={0} aria-label="Event envelope" data-testid="event-envelope" title={path ? `changed: ${path.join('.')}` : undefined}>
      {lines.map((l, i) => (
        <div key={i} className={l.hit ? 'envelope-hit' : undefined} data-hit={l.hit || undefined}>{l.text}</div>
      ))}
    </pre>
  );
}
