/** The selected interaction's request: model, parameters, the chat transcript, declared tools. */
import type { ToolLink } from '../../../../shared/model/llm';
import type { InteractionAnalysis } from '../../../../shared/model/analysis';
import type { Interaction } from '../../../../shared/model/cassette';
import { useAppStoreApi } from '../../store/store-context';
import { headerValue } from '../../../../shared/model/cassette';
import { BodyView } from './body-view';
import { HeaderList } from './header-list';
import { Transcript } from './transcript';

function paramText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function RequestPanel({ it, a, links }: { it: Interaction; a: InteractionAnalysis | null; links: ToolLink[] }) {
  const store = useAppStoreApi();
  const req = a?.request ?? null;
  return (
    <section className="panel request-panel" data-testid="request-panel" aria-label="Request">
      <h3 className="panel-title">Request</h3>
      <div className="kv">
        <div><span className="k">URL</span><span className="v mono" title={it.request.url}>{it.request.method} {it.request.url}</span></div>
        <div><span className="k">Model</span><span className="v" data-testid="request-model">{req?.model ?? a?.model ?? '–'}</span></div>
        {a?.provider ? <div><span className="k">Dialect</span><span className="v">{a.provider}</span></div> : null}
        {a?.vendor ? <div><span className="k">Provider</span><span className="v" data-testid="request-vendor">{a.vendor}</span></div> : null}
        {req ? Object.entries(req.params).map(([k, v]) => (
          <div key={k}><span className="k">{k}</span><span className="v mono">{paramText(v)}</span></div>
        )) : null}
      </div>
      <HeaderList headers={it.request.headers} interaction={it.index} side="request" />
      {req ? (
        <>
          <h4 className="sub-title">Messages <span className="muted">{req.messages.length}</span></h4>
          <Transcript
            messages={req.messages}
            interaction={it.index}
            links={links}
            onGoto={(i) => store.getState().selectInteraction(i)}
          />
          {req.tools.length ? (
            <>
              <h4 className="sub-title">Tools <span className="muted">{req.tools.length}</span></h4>
              <div className="tools" data-testid="declared-tools">
                {req.tools.map((t) => (
                  <details key={t.name} className="tool-decl">
                    <summary><span className="mono">{t.name}</span> {t.description ? <span className="muted">— {t.description}</span> : null}</summary>
                    <pre className="code">{JSON.stringify(t.schema ?? {}, null, 2)}</pre>
                  </details>
                ))}
              </div>
            </>
          ) : null}
        </>
      ) : (
        <details className="raw-body" open>
          <summary>Body</summary>
          <BodyView body={it.request.body} contentType={headerValue(it.request.headers, 'content-type')} testId="request-body" />
        </details>
      )}
    </section>
  );
}
