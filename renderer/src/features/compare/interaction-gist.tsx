/** An interaction only one side has (added or removed): what it asked and what came back, in short. */
import type { InteractionAnalysis } from '../../../../shared/model/analysis';
import { cellText } from './change-row';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function InteractionGist({ a }: { a: InteractionAnalysis | undefined }) {
  if (!a) return null;
  const last = a.request?.messages[a.request.messages.length - 1];
  const m = a.message;
  return (
    <div className="cmp-gist">
      {last ? <div><span className="muted">{last.role}:</span> {cut(last.text, 200)}</div> : null}
      {m?.text ? <div><span className="muted">answer:</span> {cut(m.text, 300)}</div> : null}
      {m?.toolCalls.map((c, k) => (
        <div key={k} className="mono"><span className="muted">call:</span> {c.name}({cellText(c.arguments)})</div>
      ))}
      {m?.finishReason ? <div className="muted">finish: {m.finishReason}</div> : null}
    </div>
  );
}
