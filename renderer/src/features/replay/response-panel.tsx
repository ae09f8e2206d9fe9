/** The selected interaction's response: status, usage and cost, then the replay or the body. */
import type { InteractionAnalysis } from '../../../../shared/model/analysis';
import type { Interaction } from '../../../../shared/model/cassette';
import { headerValue } from '../../../../shared/model/cassette';
import type { ToolLink } from '../../../../shared/model/llm';
import { SplitPane } from '../../components/split-pane';
import { formatDuration } from '../../lib/format';
import { statusClass } from '../timeline/lanes';
import { CostLine } from '../usage/cost-line';
import { UsageBar } from '../usage/usage-bar';
import { AssembledAtCursor, AssembledView } from './assembled-view';
import { EventList } from './event-list';
import { HeaderList } from '../request/header-list';
import { BodyView } from '../request/body-view';
import { InteractionActions } from '../editor/interaction-actions';
import { Scrubber } from './scrubber';
import { CopyLink } from '../links/copy-link';
import { laneTiming } from '../timeline/lane-timing';
import { TimingLine } from '../timeline/timing-line';

/** "api.openai.com/v1/chat/completions": the URL without scheme and query, for labels. */
function shortUrl(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[?#].*$/, '');
}

export function ResponsePanel({ it, a, links }: { it: Interaction; a: InteractionAnalysis | null; links: ToolLink[] }) {
  const res = it.response;
  const ctype = headerValue(res.headers, 'content-type');
  return (
    <section className="panel response-panel" data-testid="response-panel" aria-label="Response">
      <h3 className="panel-title">
        Response
        <span className={`status-pill status-${statusClass(res.status)}`} data-testid="response-status">{res.status ?? '–'}</span>
        <span className="muted">{res.statusText ?? ''} {ctype ? `· ${ctype}` : ''} · {formatDuration(it.durationMs)}</span>
        <CopyLink />
        <InteractionActions interaction={it.index} what={`${it.request.method} ${shortUrl(it.request.url)}`} />
      </h3>
      <HeaderList headers={res.headers} interaction={it.index} side="response" />
      <div className="usage-row" data-testid="interaction-usage">
        <UsageBar usage={a?.usage ?? null} testId="interaction-usage-bar" />
        {a ? <CostLine cost={a.cost} testId="interaction-cost" estimateNote={a.usage?.estimated?.note} /> : null}
      </div>
      <TimingLine t={laneTiming(it, a ?? undefined)} />
      {a?.diagnostics.length ? (
        <ul className="diagnostics" data-testid="interaction-diagnostics">
          {a.diagnostics.map((d, i) => <li key={i} className={`diag-${d.severity}`}>{d.message}</li>)}
        </ul>
      ) : null}
      {a?.stream ? (
        <>
          <Scrubber />
          {/* Narrow (small window, wide request pane): text on top, events below, both visible. */}
          <SplitPane id="replay-events" direction="row" initial={360} min={220} stackBelow={560} stackedInitial={200} stackedMin={90}>
            <AssembledAtCursor final={a.message} links={links} interaction={it.index} />
            <EventList stream={a.stream} dialect={a.dialect} body={res.body.bytes} interaction={it.index} />
          </SplitPane>
        </>
      ) : a?.message ? (
        <div className="response-body">
          <AssembledView msg={a.message} links={links} interaction={it.index} />
          <details className="raw-body">
            <summary>Raw body</summary>
            <pre className="code">{res.body.text ?? `(${res.body.bytes.length} bytes of binary data)`}</pre>
          </details>
        </div>
      ) : (
        <BodyView body={res.body} contentType={ctype} testId="response-body" />
      )}
    </section>
  );
}
