import type { Diagnostic } from './diagnostics';
import type {
  AssembledMessage,
  Cost,
  FramedStream,
  LlmRequest,
  Provider,
  ToolLink,
  Usage,
} from './llm';

/** Everything the core derives from one recorded interaction. */
export interface InteractionAnalysis {
  index: number;
  provider: Provider | null;
  /** Finer wire dialect (`bedrock-converse`, `openai-completions`, …) that picks the assembler. */
  dialect?: string | null;
  /** Who served it: the host's provider, Vertex/Azure/Bedrock, OpenRouter's upstream ("OpenRouter → Chutes"). */
  vendor?: string | null;
  model: string | null;
  /** The response was a stream (SSE, NDJSON, JSON array of chunks, eventstream). */
  streaming: boolean;
  request: LlmRequest | null;
  /** Framed events; null when the response is not a stream. */
  stream: FramedStream | null;
  /** Final assembled message; null when not an LLM response. */
  message: AssembledMessage | null;
  usage: Usage | null;
  cost: Cost;
  diagnostics: Diagnostic[];
}

export interface CassetteTotals {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  reportedUsd: number | null;
  estimatedUsd: number | null;
  /**
   * Present only when the sums above include tokenizer estimates (`Usage.estimated`): which
   * interactions, and how many of the summed tokens are estimates. Absent = all reported.
   */
  includesEstimates?: { interactions: number[]; inputTokens: number; outputTokens: number };
  /**
   * LLM interactions whose usage is missing in whole or in part (truncated stream, no usage
   * chunk), so the sums above undercount. Counted without tokenizing; absent when 0.
   */
  usageMissing?: number;
}

export interface CassetteAnalysis {
  interactions: InteractionAnalysis[];
  links: ToolLink[];
  totals: CassetteTotals;
  /** Cassette-level findings (e.g. tool results linked by position because ids differ). */
  diagnostics: Diagnostic[];
}

/**
 * Random access to the assembled state of one stream. `stateAt(k)` is the message as it stood
 * after event k (k = -1 is before the first event). Stepping is O(1); random seeks restore the
 * nearest checkpoint and replay at most `checkpointEvery` events.
 */
export interface Replay {
  readonly length: number;
  stateAt(k: number): AssembledMessage;
}
