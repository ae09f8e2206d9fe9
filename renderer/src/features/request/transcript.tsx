import type { RequestMessage, ToolLink } from '../../../../shared/model/llm';
import { useAppStore } from '../../store/store-context';
import { EditToggle, TextEditForm } from '../editor/edit-forms';

interface Props {
  messages: RequestMessage[];
  interaction: number;
  links: ToolLink[];
  onGoto(interaction: number): void;
}

/** Chat transcript with role labels; tool results point at the call they answer. */
export function Transcript({ messages, interaction, links, onGoto }: Props) {
  return (
    <ol className="transcript" data-testid="transcript">
      {messages.map((m, idx) => {
        const link = links.find((l) => l.toInteraction === interaction && l.messageIndex === idx);
        return (
          <li key={idx} className={`msg role-${m.role}`} data-testid="transcript-message" data-role={m.role}>
            <div className="msg-role">{m.role}{m.name ? <span className="muted"> · {m.name}</span> : null}</div>
            {m.text ? <div className="msg-text">{m.text}</div> : null}
            {m.text ? (
              <EditToggle label="Edit" field={`${m.role} message`} testId="message-edit-open">
                {(close) => (
                  <TextEditForm initial={m.text} mono={false} testId="message-edit" onClose={close}
                    onApply={(text) => [{ kind: 'text', interaction, side: 'request', old: m.text, text }]} />
                )}
              </EditToggle>
            ) : null}
            {m.toolCalls?.map((c, i) => (
              <div key={i} className="msg-call mono">→ {c.name}({c.arguments}) {c.id ? <span className="muted">{c.id}</span> : null}</div>
            ))}
            {m.toolCallId || link ? (
              <div className="msg-link" data-testid="tool-result-link">
                ↩ result for {m.toolCallId ? <span className="mono">{m.toolCallId}</span> : 'a call'}
                {link ? (
                  <>
                    {' '}from{' '}
                    <button type="button" className="link-button" onClick={() => onGoto(link.fromInteraction)}>
                      <CallRef link={link} />
                    </button>
                    {link.by === 'position' ? <span className="muted"> (matched by position)</span> : null}
                  </>
                ) : <span className="muted"> (no matching call found)</span>}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * "add (call 1 of 2) in interaction #0". Interactions keep the file's 0-based `#N` (as on the
 * timeline); calls are counted from 1 with their total, like "event 3 / 46", so "#0, call 1"
 * no longer reads as two different numbering schemes.
 */
function CallRef({ link }: { link: ToolLink }) {
  const calls = useAppStore((s) => (s.doc.status === 'ready' ? s.doc.analysis.interactions[link.fromInteraction]?.message?.toolCalls : undefined));
  const pos = calls ? calls.findIndex((c) => c.slot === link.callSlot) : -1;
  const name = pos >= 0 ? calls![pos].name : '';
  const count = calls && pos >= 0 ? ` (call ${pos + 1} of ${calls.length})` : ` (call ${link.callSlot + 1})`;
  return (
    <span data-testid="tool-result-call">
      {name ? <span className="mono">{name}</span> : 'call'}{count} in interaction #{link.fromInteraction}
    </span>
  );
}
