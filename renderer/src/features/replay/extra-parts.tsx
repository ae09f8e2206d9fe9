/**
 * Parts of an assembled message beyond text, reasoning and function calls: redacted thinking,
 * provider-run (built-in / server) tools and the sources the text cites. URLs are shown as plain
 * selectable text, never as links: a recorded response is untrusted, and nothing here should
 * open a page or load a resource.
 */
import { memo, useMemo } from 'react';
import { citationSources } from '../../../../shared/llm/citations';
import type { AssembledMessage, BuiltinToolState, Citation, RedactedThinking } from '../../../../shared/model/llm';
import { formatInt } from '../../lib/format';

/** Long interpreter code or tool input is clipped; tighter while scrubbing, like tool-call cards. */
const INPUT_CLIP = 1200;
const SCRUB_CLIP = 200;

const LABELS: Record<string, string> = {
  server_tool_use: 'server tool',
  mcp_tool_use: 'MCP tool',
  web_search_call: 'web search',
  file_search_call: 'file search',
  code_interpreter_call: 'code interpreter',
  image_generation_call: 'image generation',
  mcp_call: 'MCP call',
  mcp_list_tools: 'MCP tools',
  mcp_approval_request: 'MCP approval',
  computer_call: 'computer use',
};

function label(type: string): string {
  return LABELS[type] ?? type.replace(/_tool_result$/, ' result').replace(/_call$/, '').replace(/_/g, ' ');
}

/** Redacted thinking and built-in tool cards; shown above the text, where they happened. */
export function ExtraPartsBefore({ msg, scrubbing }: { msg: AssembledMessage; scrubbing: boolean }) {
  if (!msg.redactedThinking && !msg.builtinTools) return null;
  return (
    <>
      {msg.redactedThinking ? <RedactedList parts={msg.redactedThinking} /> : null}
      {msg.builtinTools ? (
        <div className="builtin-tools" data-testid="builtin-tools">
          {msg.builtinTools.map((b) => <BuiltinCard key={b.slot} tool={b} scrubbing={scrubbing} />)}
        </div>
      ) : null}
    </>
  );
}

const RedactedList = memo(function RedactedList({ parts }: { parts: RedactedThinking[] }) {
  return (
    <>
      {parts.map((p, i) => (
        <div key={i} className="redacted-thinking" data-testid="redacted-thinking" title="The provider encrypted this reasoning; it is sent back as-is and cannot be read">
          Redacted thinking ({formatInt(p.bytes)} bytes, encrypted)
        </div>
      ))}
    </>
  );
});

const BuiltinCard = memo(function BuiltinCard({ tool, scrubbing }: { tool: BuiltinToolState; scrubbing: boolean }) {
  const clip = scrubbing ? SCRUB_CLIP : INPUT_CLIP;
  const input = tool.input && tool.input.length > clip ? `${tool.input.slice(0, clip)}… (${formatInt(tool.input.length - clip)} more characters)` : tool.input;
  const status = tool.status ?? 'unknown';
  return (
    <div className={`builtin-card builtin-${status}`} data-testid="builtin-tool" data-type={tool.type} data-status={status}>
      <div className="builtin-head">
        <span className="builtin-kind">{label(tool.type)}</span>
        {tool.name ? <span className="mono builtin-name">{tool.name}</span> : null}
        {tool.toolUseId ? <span className="muted mono builtin-id" title="Result of this server tool call">↳ {tool.toolUseId}</span> : tool.id ? <span className="muted mono builtin-id">{tool.id}</span> : null}
        <span className={`builtin-status status-${status}`} data-testid="builtin-tool-status">{status.replace(/_/g, ' ')}</span>
      </div>
      <div className="builtin-summary" data-testid="builtin-tool-summary">{tool.summary}</div>
      {tool.error && !tool.summary.includes(tool.error) ? <div className="builtin-error">{tool.error}</div> : null}
      {input && tool.type !== 'server_tool_use' && tool.type !== 'mcp_tool_use' ? <pre className="code builtin-input">{input}</pre> : null}
      {tool.details && !scrubbing ? (
        <ul className="builtin-details">
          {tool.details.map((d, i) => <li key={i}>{d}</li>)}
        </ul>
      ) : null}
    </div>
  );
});

/** A numbered source list under the text; each source once, with how often it was cited. */
export const CitationList = memo(function CitationList({ citations }: { citations: Citation[] | undefined }) {
  const sources = useMemo(() => citationSources(citations ?? []), [citations]);
  if (!sources.length) return null;
  return (
    <div className="citations" data-testid="citations">
      <span className="sub-title">Sources</span>
      <ol className="citation-list">
        {sources.map((s) => (
          <li key={s.n} className="citation" data-testid="citation">
            <span className="citation-title">{s.title ?? s.url ?? '(untitled source)'}</span>
            {s.count > 1 ? <span className="muted"> ×{s.count}</span> : null}
            {s.url && s.title ? <div className="citation-url mono">{s.url}</div> : null}
            {s.locations.length ? <div className="muted citation-loc">{s.locations.join('; ')}</div> : null}
            {s.passages.slice(0, 3).map((p, i) => <blockquote key={i} className="citation-passage">{p.length > 300 ? `${p.slice(0, 299)}…` : p}</blockquote>)}
          </li>
        ))}
      </ol>
    </div>
  );
});
