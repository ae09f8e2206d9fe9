/**
 * Token usage a response lost or never sent, estimated with a tokenizer (docs/stream-formats.md §10.3): only the
 * missing parts are counted, they are marked in `Usage.estimated`, and reported numbers are
 * never replaced. The tokenizer is injected (`registerTokenizer`) because its rank tables are
 * 1–3 MB of JS: the viewer's analysis worker registers one (./tokenizer-tiktoken), the
 * workspace index does not, and without one nothing is estimated.
 */
import type { InteractionAnalysis } from '../model/analysis';
import type { AssembledMessage, LlmRequest, TokenizerEncoding, Usage, UsageField } from '../model/llm';

export interface TokenCounter {
  count(text: string): number;
}

export type TokenizerFactory = (encoding: TokenizerEncoding) => TokenCounter;

let factory: TokenizerFactory | null = null;
const counters = new Map<TokenizerEncoding, TokenCounter>();
/** Memoized counts: agent cassettes resend the whole history with every request. */
const memo = new Map<string, number>();
const MEMO_MAX = 20_000;

/** Registers (or, with null, removes) the tokenizer used for estimates. */
export function registerTokenizer(f: TokenizerFactory | null): void {
  factory = f;
  counters.clear();
  memo.clear();
}

export function hasTokenizer(): boolean {
  return factory !== null;
}

function counter(enc: TokenizerEncoding): TokenCounter | null {
  if (!factory) return null;
  let c = counters.get(enc);
  if (!c) {
    c = factory(enc);
    counters.set(enc, c);
  }
  return c;
}

function countWith(c: TokenCounter, enc: TokenizerEncoding, text: string): number {
  if (text === '') return 0;
  const key = `${enc}\u0000${text}`;
  let n = memo.get(key);
  if (n === undefined) {
    n = c.count(text);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, n);
  }
  return n;
}

/** GPT-4 / GPT-3.5 era models (and ada/3 embeddings) use cl100k_base; everything newer o200k_base. */
export function encodingForModel(model: string | null): TokenizerEncoding {
  const m = (model ?? '').toLowerCase();
  return /(^|[/:.])(gpt-4(?![o.\d])|gpt-3\.5|gpt-35|text-embedding-(ada|3))/.test(m) ? 'cl100k_base' : 'o200k_base';
}

function isOpenAiModel(model: string | null): boolean {
  return /(^|[/:])(gpt-|o\d|chatgpt|text-embedding|davinci|babbage|codex)/i.test(model ?? '');
}

export type EstimateInput = Pick<InteractionAnalysis, 'dialect' | 'model' | 'streaming' | 'request' | 'message'>;

export interface MissingUsage {
  input: boolean;
  output: boolean;
  reason: 'truncated' | 'not-sent';
}

const isTruncated = (m: AssembledMessage) => !m.done && m.finishReason === null;

/**
 * Which parts of the reported usage (`message.usage`) are missing. Cheap (no tokenizing), so the
 * workspace index can flag rows. Anthropic sends input usage in message_start and the output
 * count only in the final message_delta (with the stop reason): a stream cut off before that
 * still has message_start's placeholder output count (0 or 1), which is not a report.
 */
export function missingUsage(a: EstimateInput): MissingUsage | null {
  const m = a.message;
  if (!m) return null;
  if (!m.usage) return { input: true, output: true, reason: a.streaming && isTruncated(m) ? 'truncated' : 'not-sent' };
  const anthropicFamily = a.dialect === 'anthropic' || a.dialect === 'bedrock-invoke';
  if (anthropicFamily && a.streaming && isTruncated(m)) return { input: false, output: true, reason: 'truncated' };
  return null;
}

// OpenAI cookbook, "How to count tokens with tiktoken": every message costs 3 tokens of framing
// (<|start|>role…<|message|>…<|end|>), a `name` 1 more, and the reply is primed with 3.
const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMING = 3;
// Same cookbook, tools (gpt-4o values, simplified): 7 per function and 12 once; we count the
// name, description and JSON schema text instead of its per-property walk.
const PER_TOOL = 7;
const TOOLS_END = 12;

/** Input tokens of a parsed request: messages (incl. system), tool calls and results, tool declarations. */
export function countRequestTokens(req: LlmRequest, count: (s: string) => number): number {
  let n = REPLY_PRIMING;
  for (const m of req.messages) {
    n += PER_MESSAGE + count(m.role) + count(m.text);
    if (m.name) n += PER_NAME + count(m.name);
    for (const c of m.toolCalls ?? []) n += count(c.name) + count(c.arguments);
  }
  if (req.tools.length) n += TOOLS_END;
  for (const t of req.tools) {
    n += PER_TOOL + count(t.name) + count(t.description ?? '');
    if (t.schema !== undefined) n += count(JSON.stringify(t.schema) ?? '');
  }
  return n;
}

/** Output tokens of an assembled message: text, reasoning, tool-call names and arguments (no framing). */
export function countOutputTokens(m: AssembledMessage, count: (s: string) => number): { output: number; reasoning: number } {
  const reasoning = count(m.reasoning);
  let output = count(m.text) + reasoning;
  for (const c of m.toolCalls) output += count(c.name) + count(c.arguments);
  return { output, reasoning };
}

function note(miss: MissingUsage, inputKnown: boolean, enc: TokenizerEncoding, model: string | null): string {
  const why =
    miss.reason === 'not-sent'
      ? 'The provider sent no token usage.'
      : miss.input
        ? 'The stream was cut off before the provider sent its token usage.'
        : 'The stream was cut off before its final usage: input is as reported at the start, output is estimated.';
  const what = [
    'Output counted from the text, reasoning and tool-call arguments received.',
    miss.input
      ? inputKnown
        ? 'Input counted from the request (messages, system, tools; ~3 tokens per message as in OpenAI’s cookbook); cache reads are unknown.'
        : 'Input is unknown (the request could not be read).'
      : null,
  ];
  const how = isOpenAiModel(model)
    ? `Counted with ${enc}.`
    : `Counted with OpenAI’s ${enc} tokenizer: for non-OpenAI models (Claude, Gemini, …) this is only an approximation.`;
  return [why, ...what, how, 'Reasoning the provider did not stream is not counted.'].filter(Boolean).join(' ');
}

/**
 * The usage to show for an interaction: the reported usage untouched when nothing is missing or
 * no tokenizer is registered (null stays null), else the reported fields plus estimates for the
 * missing ones, marked in `estimated`.
 */
export function estimateUsage(a: EstimateInput): Usage | null {
  const reported = a.message?.usage ?? null;
  const miss = missingUsage(a);
  if (!miss || !a.message) return reported;
  const enc = encodingForModel(a.model);
  const c = counter(enc);
  if (!c) return reported;
  const count = (s: string) => countWith(c, enc, s);
  const out = countOutputTokens(a.message, count);
  const fields: UsageField[] = ['outputTokens', 'reasoningTokens', 'totalTokens'];
  const base: Usage = reported ?? { inputTokens: 0, outputTokens: 0, totalTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
  let input = base.inputTokens;
  const inputKnown = a.request !== null;
  if (miss.input && a.request) {
    input = countRequestTokens(a.request, count);
    fields.unshift('inputTokens');
  }
  return {
    ...base,
    inputTokens: input,
    outputTokens: out.output,
    reasoningTokens: out.reasoning,
    totalTokens: input + out.output,
    estimated: { fields, tokenizer: enc, note: note(miss, inputKnown, enc, a.model) },
  };
}
