/**
 * Usage normalisation (docs/stream-formats.md §9): inputTokens includes cache reads and writes, outputTokens
 * includes reasoning. Each provider reports a cumulative snapshot; callers overwrite, never add.
 */
import type { Usage } from '../model/llm';

type Obj = Record<string, unknown>;

export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

function make(input: number, output: number, cacheRead: number, cacheWrite: number, reasoning: number, total?: unknown): Usage {
  // Cache reads and writes are part of the input. A host reporting more cache than input
  // counted its input without them (hyper.charm.land, Azure AI Foundry grok): add them back.
  // Added once, never again: a negative input (a broken file) would otherwise recurse forever.
  if (cacheRead + cacheWrite > input) return { ...usageOf(input + cacheRead + cacheWrite, output, cacheRead, cacheWrite, reasoning, total), cacheExcludedFromInput: true };
  return usageOf(input, output, cacheRead, cacheWrite, reasoning, total);
}

function usageOf(input: number, output: number, cacheRead: number, cacheWrite: number, reasoning: number, total?: unknown): Usage {
  return {
    inputTokens: input,
    outputTokens: output,
    totalTokens: typeof total === 'number' && total > 0 ? total : input + output,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: reasoning,
  };
}

/** OpenAI Chat and compatible hosts (OpenRouter, DeepSeek, Groq, xAI …). */
export function openaiChatUsage(u: Obj): Usage {
  const pd = obj(u.prompt_tokens_details);
  const cd = obj(u.completion_tokens_details);
  const input = num(u.prompt_tokens);
  const completion = num(u.completion_tokens);
  const reasoning = num(cd.reasoning_tokens);
  const cacheRead = num(pd.cached_tokens) || num(u.prompt_cache_hit_tokens);
  // xAI's completion_tokens exclude reasoning; its total is prompt + completion + reasoning.
  const total = num(u.total_tokens);
  const excludesReasoning = reasoning > 0 && total === input + completion + reasoning && total !== input + completion;
  const output = excludesReasoning ? completion + reasoning : completion;
  // Some hosts count prompt_tokens without the cached ones; their total then adds them back.
  const excludesCache = cacheRead > 0 && total === input + completion + cacheRead && total !== input + completion;
  const usage = excludesCache
    ? { ...make(input + cacheRead, output, cacheRead, num(pd.cache_write_tokens), reasoning, total), cacheExcludedFromInput: true as const }
    : make(input, output, cacheRead, num(pd.cache_write_tokens), reasoning, total || undefined);
  return withFees(usage, u);
}

/**
 * Per-search and per-request fee units: Anthropic/OpenRouter `server_tool_use.web_search_requests`,
 * Perplexity `num_search_queries` and `search_context_size`. Only when present.
 */
function withFees(usage: Usage, u: Obj): Usage {
  const searches = num(obj(u.server_tool_use).web_search_requests) || num(u.num_search_queries);
  if (searches > 0) usage.webSearches = searches;
  if (typeof u.search_context_size === 'string' && u.search_context_size !== '') usage.searchContextSize = u.search_context_size;
  return usage;
}

export function openaiResponsesUsage(u: Obj): Usage {
  const id = obj(u.input_tokens_details);
  const od = obj(u.output_tokens_details);
  return make(num(u.input_tokens), num(u.output_tokens), num(id.cached_tokens), num(id.cache_write_tokens), num(od.reasoning_tokens), u.total_tokens);
}

/** Anthropic input_tokens exclude the cache, so add both cache counts back. */
export function anthropicUsage(u: Obj): Usage {
  const read = num(u.cache_read_input_tokens);
  const write = num(u.cache_creation_input_tokens);
  const od = obj(u.output_tokens_details);
  return withFees(make(num(u.input_tokens) + read + write, num(u.output_tokens), read, write, num(od.thinking_tokens)), u);
}

/** Gemini candidatesTokenCount excludes thoughts, so add them. */
export function geminiUsage(u: Obj): Usage {
  const thoughts = num(u.thoughtsTokenCount);
  const input = num(u.promptTokenCount) + num(u.toolUsePromptTokenCount);
  return make(input, num(u.candidatesTokenCount) + thoughts, num(u.cachedContentTokenCount), 0, thoughts, u.totalTokenCount);
}

/** Bedrock Converse: inputTokens exclude the cache. */
export function bedrockConverseUsage(u: Obj): Usage {
  const read = num(u.cacheReadInputTokens);
  const write = num(u.cacheWriteInputTokens);
  return make(num(u.inputTokens) + read + write, num(u.outputTokens), read, write, 0);
}

/** Bedrock `amazon-bedrock-invocationMetrics` (InvokeModel streams). */
export function bedrockInvocationUsage(u: Obj): Usage {
  const read = num(u.cacheReadInputTokenCount);
  const write = num(u.cacheWriteInputTokenCount);
  return make(num(u.inputTokenCount) + read + write, num(u.outputTokenCount), read, write, 0);
}

export function ollamaUsage(u: Obj): Usage {
  return make(num(u.prompt_eval_count), num(u.eval_count), 0, 0, 0);
}

/** Cohere: `billed_units` is what was charged; `tokens` (incl. the tool template) is the fallback. */
export function cohereUsage(u: Obj): Usage {
  const b = isObj(u.billed_units) ? u.billed_units : isObj(u.tokens) ? u.tokens : u;
  return make(num(b.input_tokens), num(b.output_tokens), num(u.cached_tokens), 0, 0);
}

/**
 * The cost the provider reports in a usage object, in USD: OpenRouter `cost` (a number), xAI
 * `cost_in_usd_ticks` (1 tick = 1e-10 USD), Perplexity `cost.total_cost`, `cost.usd`.
 */
export function reportedCost(u: Obj): number | null {
  if (typeof u.cost === 'number' && Number.isFinite(u.cost)) return u.cost;
  if (isObj(u.cost)) {
    for (const k of ['total_cost', 'usd', 'total']) {
      const v = u.cost[k];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
    }
  }
  if (typeof u.cost_in_usd_ticks === 'number' && Number.isFinite(u.cost_in_usd_ticks)) return u.cost_in_usd_ticks * 1e-10;
  return null;
}
