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
  /** Which model id and provider the price table matched. */
  pricedAs?: string;
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
