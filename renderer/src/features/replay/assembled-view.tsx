/**
 * The response as assembled up to the cursor. Text renders as Markdown block by block, also
 * while the cursor moves (only the block the cursor extends re-renders); an answer too long
 * for Markdown renders as plain text, limited to its tail while the cursor moves.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { AssembledMessage, ToolLink } from '../../../../shared/model/llm';
import { formatInt, formatUsd } from '../../lib/format';
import { renderBlock, splitBlocks } from '../../lib/markdown-blocks';
import { useAppStore, useAppStoreApi, useCursor } from '../../store/store-context';
import { ToolCallCard } from '../tool-calls/tool-call-card';
import { ResponseTextEdit } from '../editor/text-edit';
import { CitationList, ExtraPartsBefore } from './extra-parts';

const SCRUB_TAIL = 2000;
/** Markdown of a very long answer takes seconds in marked; such text is shown raw instead. */
const MARKDOWN_LIMIT = 50_000;

export function AssembledAtCursor({ final, links, interaction }: { final: AssembledMessage | null; links: ToolLink[]; interaction: number }) {
  const cursor = useCursor();
  const replay = useAppStore((s) => s.replay);
  const msg = useMemo(() => (replay ? replay.stateAt(cursor) : final), [replay, cursor, final]);
  if (!msg) return <div className="muted pad" data-testid="assembled-none">Not an LLM response: see the raw body.</div>;
  return <AssembledView msg={msg} links={links} interaction={interaction} />;
}

export function AssembledView({ msg, links, interaction }: { msg: AssembledMessage; links: ToolLink[]; interaction: number }) {
  const store = useAppStoreApi();
  const scrubbing = useAppStore((s) => s.scrubbing);
  const markdownRaw = useAppStore((s) => s.markdownRaw);
  // Stable, so the memoised tool cards skip calls that did not change between two cursors.
  const goto = useCallback((i: number) => store.getState().selectInteraction(i), [store]);
  // Provider-run tools (Anthropic server_tool_use, Responses mcp_call) are tool calls too, but
  // their builtin card above shows input, status and result: one card each, not two.
  const serverSlots = new Set((msg.builtinTools ?? []).flatMap((b) => (b.callSlot !== undefined ? [b.callSlot] : [])));
  const clientCalls = serverSlots.size ? msg.toolCalls.filter((c) => !serverSlots.has(c.slot)) : msg.toolCalls;
  return (
    <div className="assembled" data-testid="assembled">
      <div className="assembled-head">
        <span className="sub-title">Text</span>
        <button type="button" className="chip" aria-pressed={markdownRaw} onClick={() => store.getState().toggleMarkdown()} data-testid="toggle-markdown" title="Markdown / raw (M)">
          {markdownRaw ? 'raw' : 'markdown'}
        </button>
      </div>
      {msg.reasoning ? <ReasoningPane text={msg.reasoning} /> : null}
      <ExtraPartsBefore msg={msg} scrubbing={scrubbing} />
      {/* Hidden, not removed, while the cursor moves: removing it shifted the text on every pause. */}
      <div className={scrubbing ? 'scrub-hidden' : undefined}>
        <ResponseTextEdit interaction={interaction} />
      </div>
      <TextBlock text={msg.text} done={msg.done} mode={markdownRaw ? 'raw' : scrubbing && msg.text.length > MARKDOWN_LIMIT ? 'tail' : 'markdown'} />
      <CitationList citations={msg.citations} />
      {clientCalls.length ? (
        <div className="tool-calls" data-testid="tool-calls">
          {clientCalls.map((c) => (
            <ToolCallCard
              key={c.slot}
              call={c}
              link={links.find((l) => l.fromInteraction === interaction && l.callSlot === c.slot)}
              onGoto={goto}
              scrubbing={scrubbing}
              interaction={interaction}
            />
          ))}
        </div>
      ) : null}
      {msg.errors.length ? (
        <ul className="stream-errors" data-testid="assembled-errors">
          {msg.errors.map((e, i) => <li key={i}>{e}</li>)}
        </ul>
      ) : null}
      <div className="assembled-foot">
        <span>finish <b data-testid="finish-reason">{msg.finishReason ?? '–'}</b></span>
        <span data-testid="usage-so-far" title="Token usage reported so far: input / output / total">
          usage {msg.usage ? `${msg.usage.inputTokens}/${msg.usage.outputTokens}/${msg.usage.totalTokens}` : '–'}
        </span>
        {msg.reportedCostUsd != null ? <span>cost {formatUsd(msg.reportedCostUsd)}</span> : null}
        <span className={msg.done ? 'ok' : 'muted'}>{msg.done ? 'done' : 'streaming…'}</span>
      </div>
    </div>
  );
}

/**
 * The reasoning so far. Open or closed is the store's, so it survives the cursor moving back
 * before the reasoning began (the pane unmounts), another interaction or file. While it
 * grows, the pane follows its end, as a terminal does, unless the reader scrolled up.
 */
function ReasoningPane({ text }: { text: string }) {
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.reasoningOpen);
  const pre = useRef<HTMLPreElement>(null);
  const follow = useRef(true);
  useLayoutEffect(() => {
    const el = pre.current;
    if (el && open && follow.current) el.scrollTop = el.scrollHeight;
  }, [text, open]);
  return (
    <details
      className="reasoning"
      data-testid="assembled-reasoning"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== store.getState().reasoningOpen) store.getState().setReasoningOpen(now);
      }}
    >
      <summary>Reasoning <span className="muted">{formatInt(text.length)} chars</span></summary>
      <pre
        ref={pre}
        className="prose-raw reasoning-text"
        data-testid="reasoning-text"
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
        }}
      >
        {text}
      </pre>
    </details>
  );
}

const TextBlock = memo(function TextBlock({ text, mode, done }: { text: string; mode: 'raw' | 'tail' | 'markdown'; done: boolean }) {
  const tooLong = text.length > MARKDOWN_LIMIT;
  // Markdown while scrubbing too, block by block (lib/markdown-blocks.ts): switching to plain
  // text and back on every pause reflowed the whole answer. Only a huge answer stays raw.
  if (mode === 'markdown' && tooLong) mode = 'raw';
  // "yet" only while more can arrive: a finished tool-call-only answer has no text at all.
  if (!text) return <div className="muted text-empty" data-testid="assembled-text">{done ? '(no text)' : '(no text yet)'}</div>;
  if (mode === 'markdown') return <MarkdownBlocks text={text} />;
  const cut = mode === 'tail' && text.length > SCRUB_TAIL;
  return (
    <pre className="prose-raw" data-testid="assembled-text" title={tooLong ? `Shown as raw text: Markdown rendering is off above ${formatInt(MARKDOWN_LIMIT)} characters` : undefined}>
      {cut ? `… ${formatInt(text.length - SCRUB_TAIL)} earlier characters\n` : ''}
      {cut ? text.slice(-SCRUB_TAIL) : text}
    </pre>
  );
});

function MarkdownBlocks({ text }: { text: string }) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className="prose" data-testid="assembled-text">
      {blocks.map((b, i) => <MarkdownBlock key={i} src={b} />)}
    </div>
  );
}

/** One block; React leaves its DOM alone while its source is unchanged. */
const MarkdownBlock = memo(function MarkdownBlock({ src }: { src: string }) {
  // Safe: renderMarkdown escapes raw HTML and filters link targets (lib/markdown.ts).
  return <div className="md-block" dangerouslySetInnerHTML={{ __html: renderBlock(src) }} />;
});
