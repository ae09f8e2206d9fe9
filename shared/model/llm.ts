import type { Diagnostic } from './diagnostics';

export type Framing = 'sse' | 'ndjson' | 'json-array' | 'eventstream' | 'json' | 'none';

/** One framed stream event, with its byte span in the decoded body. */
export interface StreamEvent {
  index: number;
  /** Byte offset and length of the event in `Body.bytes`. */
  offset: number;
  length: number;
  /** SSE event name (`message` when none was given), eventstream `:event-type`. */
  event?: string;
  /** The event's data as text: SSE data (multi-line joined with \n), the NDJSON line, the eventstream payload. */
  data: string;
  /** The data parsed as JSON, when it is JSON. Undefined otherwise (e.g. `[DONE]`). */
  json?: unknown;
  /** Eventstream headers (`:message-type`, `:event-type`, …). */
  headers?: Record<string, string | number | boolean>;
  /** SSE `id:` field of this event, when it had one. */
  id?: string;
}

export interface FramedStream {
  framing: Framing;
  events: StreamEvent[];
  /** SSE: the body did not end with a blank line, so the last event was dispatched by us. */
  unterminated: boolean;
  diagnostics: Diagnostic[];
}

/** LLM wire dialects. Null provider = not an LLM call. */
export type Provider =
  | 'openai-chat'
  | 'openai-responses'
  | 'anthropic'
  | 'gemini'
  | 'ollama'
  | 'bedrock'
  | 'cohere'
  | (string & {});

export interface Usage {
  inputTokens: number; //       all input, including cache reads and writes
  outputTokens: number; //      all output, including reasoning
  totalTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /**
   * Present only when some fields were counted with a tokenizer because the response lost or
   * never sent them (truncated stream, no usage chunk). The other fields are as reported.
   */
  estimated?: UsageEstimate;
  /** The host counted its input without the cached tokens; inputTokens has them added back. */
  cacheExcludedFromInput?: true;
  /** Searches billed per search (Anthropic server web search, OpenAI/OpenRouter web search, Perplexity). */
  webSearches?: number;
  /** Perplexity's `search_context_size`: its per-request fee depends on it. */
  searchContextSize?: string;
}

export type UsageField = 'inputTokens' | 'outputTokens' | 'totalTokens' | 'cacheReadTokens' | 'cacheWriteTokens' | 'reasoningTokens';

export type TokenizerEncoding = 'o200k_base' | 'cl100k_base';

export interface UsageEstimate {
  /** The fields that are estimates; every other field is what the provider reported. */
  fields: UsageField[];
  tokenizer: TokenizerEncoding;
  /** Why and how it was estimated, for a tooltip (names the approximation for non-OpenAI models). */
  note: string;
}

export interface Cost {
  /** What the provider reported as billed (OpenRouter `usage.cost`, xAI ticks). */
  reportedUsd: number | null;
  /** From the offline price table. */
  estimatedUsd: number | null;
  /** Human-readable formula of the estimate, e.g. "154 in × $0.60/M + 56 out × $2.50/M". */
  formula?: string;
  /** Date of the price used (the recording date when known). */
  priceDate?: string;
  /** The cassette has no recording date: `priceDate` is today, not when it was recorded. */
  todayPrices?: true;
  /** The estimate, part by part (input, cache, output, request and search fees), for the tooltip. */
  parts?: CostPart[];
  /** Fees the usage shows but the price table cannot price: the estimate covers tokens only. */
  unpriced?: string[];
  /** Which model id and provider the price table matched. */
  pricedAs?: string;
  /** `estimatedUsd` was priced from token counts that are partly estimated (see `Usage.estimated`). */
  fromEstimatedUsage?: boolean;
  /**
   * The same usage at the price table's current prices: what the call would cost if recorded
   * again today with the same token counts (equal to `estimatedUsd` when that was priced today).
   */
  todayUsd?: number;
}

export interface CostPart {
  /** input, cache read, cache write, output, request fee, web searches. */
  label: string;
  /** How it was priced, e.g. "154 × $0.6/M". */
  detail: string;
  usd: number;
}

export type ArgsParse = 'complete' | 'partial' | 'invalid' | 'empty';

export interface ToolCallState {
  /** Position of the call in the response (0-based), stable across the stream. */
  slot: number;
  id: string | null;
  name: string;
  /** Raw argument text as streamed so far (objects from Gemini/Ollama are JSON-stringified). */
  arguments: string;
  parse: ArgsParse;
  /** Best-effort parsed value (partial-json for partial text). */
  value?: unknown;
}

/** The assembled message as it stood after some event (or at the end, or for a non-streamed body). */
export interface AssembledMessage {
  id: string | null;
  model: string | null;
  text: string;
  reasoning: string;
  toolCalls: ToolCallState[];
  finishReason: string | null;
  usage: Usage | null;
  /** Cost reported in the body so far (e.g. OpenRouter usage.cost). */
  reportedCostUsd: number | null;
  /** Mid-stream errors, refusals the provider reported, unparseable data lines. */
  errors: string[];
  /** True once the dialect's terminal event was seen ([DONE], message_stop, response.completed …). */
  done: boolean;
  // The optional fields below are present only when the response has such content.
  /** Sources the text cites (Anthropic `citations`, OpenAI Responses `annotations`), in wire order. */
  citations?: Citation[];
  /** Anthropic `redacted_thinking` blocks: encrypted reasoning the provider withholds. */
  redactedThinking?: RedactedThinking[];
  /** Provider-run tools (Anthropic server tools and their results, OpenAI Responses built-in tools). */
  builtinTools?: BuiltinToolState[];
  /** Signature of the thinking (Anthropic `signature_delta`), opaque. */
  reasoningSignature?: string;
  /** Who served the call behind a router (OpenRouter's top-level `provider`, e.g. "Chutes"). */
  upstreamProvider?: string;
}

/** One citation as the provider sent it; several may name the same source. */
export interface Citation {
  /** Wire type: web_search_result_location, char_location, page_location, url_citation, file_citation … */
  type: string;
  url: string | null;
  title: string | null;
  /** The cited passage (Anthropic `cited_text`, or the annotated span of an OpenAI answer). */
  citedText?: string;
  /** Where in a document, when not a URL: "pages 3–4", "chars 12–80", "file file-abc" … */
  location?: string;
}

export interface RedactedThinking {
  /** Decoded size of the opaque base64 `data`, in bytes. */
  bytes: number;
}

/** A tool the provider ran itself, as it stood at some event (status changes as the stream goes). */
export interface BuiltinToolState {
  /** Position among the built-in tool parts (0-based), stable across the stream. */
  slot: number;
  /** Wire type: server_tool_use, web_search_tool_result, web_search_call, code_interpreter_call … */
  type: string;
  id: string | null;
  /** Tool name when the wire gives one (server_tool_use name, `server.tool` for MCP). */
  name?: string;
  /** in_progress, searching, interpreting, generating, called, completed, failed …; null when unknown. */
  status: string | null;
  /** One line: the query, "10 results", "exit 0", "1024x1024 png, 2 partial images" … */
  summary: string;
  /** Input as streamed so far: server tool input JSON, interpreter code, MCP arguments. */
  input?: string;
  /** A few short lines: result titles and URLs, file names, log lines (capped). */
  details?: string[];
  /** Result blocks: id of the server_tool_use they answer. */
  toolUseId?: string;
  /** The same call's slot in `toolCalls` (Anthropic server_tool_use and OpenAI mcp_call are listed there too). */
  callSlot?: number;
  error?: string;
}

export interface RequestMessage {
  role: string;
  text: string;
  toolCalls?: { id: string | null; name: string; arguments: string }[];
  toolCallId?: string;
  /** Name for tool results that carry one (Gemini functionResponse). */
  name?: string;
}

export interface ToolDeclaration {
  name: string;
  description?: string;
  schema?: unknown;
}

export interface LlmRequest {
  model: string | null;
  stream: boolean;
  messages: RequestMessage[];
  tools: ToolDeclaration[];
  /** Other parameters (temperature, max_tokens, stream_options, …), as sent. */
  params: Record<string, unknown>;
}

/** A tool result in request `toInteraction` answering a call in response `fromInteraction`. */
export interface ToolLink {
  fromInteraction: number;
  callSlot: number;
  callId: string | null;
  toInteraction: number;
  messageIndex: number;
  resultId: string | null;
  by: 'id' | 'position';
}
