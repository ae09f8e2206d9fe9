import { memo, useMemo, useState } from 'react';
import type { ToolCallState, ToolLink } from '../../../../shared/model/llm';
import { formatInt } from '../../lib/format';
import { useAppStoreApi } from '../../store/store-context';
import { EditToggle, ToolCallEditForm } from '../editor/edit-forms';
import { clipText, formatToolArgs } from './format-args';

/**
 * Long arguments are clipped: laying out 20 cards of 10,000-line JSON per frame would stall
 * scrubbing. While the cursor moves the clip is tighter still (layout is most of a frame).
 */
const CLIP = 2000;
const SCRUB_CLIP = 300;

interface Props {
  call: ToolCallState;
  link?: ToolLink;
  onGoto?: (i: number) => void;
  scrubbing?: boolean;
  /** Index of the interaction the call is in: enables "go to source" and editing. */
  interaction?: number;
}

/** A tool call as it stood at the cursor: name, id, arguments (partial / invalid flagged). */
export const ToolCallCard = memo(function ToolCallCard({ call, link, onGoto, scrubbing, interaction }: Props) {
  const store = useAppStoreApi();
  const [expanded, setExpanded] = useState(false);
  const f = useMemo(() => formatToolArgs(call), [call.arguments, call.parse]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = expanded ? { text: f.text, hidden: 0 } : clipText(f.text, scrubbing ? SCRUB_CLIP : CLIP);
  return (
    <div className={`tool-card args-${f.status}`} data-testid="tool-call" data-name={call.name} data-status={f.status}>
      <div className="tool-card-head">
        <span className="tool-name mono" data-testid="tool-call-name">{call.name || '(unnamed)'}</span>
        {call.id ? <span className="muted mono tool-id" data-testid="tool-call-id">{call.id}</span> : null}
        <span className={`args-flag flag-${f.status}`} title={f.error ?? ''} data-testid="tool-call-status">{f.label}</span>
        {interaction !== undefined && !scrubbing ? (
          <button type="button" className="chip" title="Go to source" onClick={() => store.getState().gotoSource({ kind: 'tool-call', interaction, slot: call.slot })} data-testid="tool-call-goto">↗</button>
        ) : null}
      </div>
      {interaction !== undefined && !scrubbing ? (
        <EditToggle label="Edit" field="tool call" testId="tool-call-edit-open">
          {(close) => {
            // Edit the final call (the card may show a partial state mid-stream).
            const d = store.getState().doc;
            const fin = d.status === 'ready' ? d.analysis.interactions[interaction]?.message?.toolCalls.find((c) => c.slot === call.slot) : undefined;
            return <ToolCallEditForm interaction={interaction} slot={call.slot} id={fin?.id ?? call.id} args={fin?.arguments ?? call.arguments} onClose={close} />;
          }}
        </EditToggle>
      ) : null}
      <pre className="code tool-args" data-testid="tool-call-args">{shown.text || ' '}</pre>
      {shown.hidden > 0 && !scrubbing ? (
        <button type="button" className="link-button" onClick={() => setExpanded(true)}>
          show {formatInt(shown.hidden)} more characters
        </button>
      ) : null}
      {link && onGoto ? (
        <div className="tool-card-link">
          answered in{' '}
          <button type="button" className="link-button" onClick={() => onGoto(link.toInteraction)}>
            interaction #{link.toInteraction}
          </button>
        </div>
      ) : null}
    </div>
  );
});
