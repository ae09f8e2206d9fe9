/**
 * The dialect registry: one entry per wire dialect, holding what belongs to it (the provider it
 * reports as, its streaming assembler, its non-streamed reader). Code asks here instead of
 * switching on dialect strings; a new dialect is one entry, and TypeScript finds every table
 * keyed by `Dialect` that lacks it (request readers, edit finders in shared/edit).
 */
import type { AssembledMessage, Provider } from '../model/llm';
import { AnthropicAssembler, anthropicFromJson } from './assemblers/anthropic';
import type { Assembler } from './assemblers/base';
import { BedrockConverseAssembler, bedrockConverseFromJson, BedrockInvokeAssembler, bedrockInvokeFromJson } from './assemblers/bedrock';
import { CohereAssembler, cohereFromJson } from './assemblers/cohere';
import { GeminiAssembler, geminiFromJson } from './assemblers/gemini';
import { OllamaAssembler, ollamaFromJson } from './assemblers/ollama';
import { OpenAiChatAssembler, openAiChatFromJson } from './assemblers/openai-chat';
import { OpenAiResponsesAssembler, openAiResponsesFromJson } from './assemblers/openai-responses';

export type { Assembler } from './assemblers/base';

export type Dialect =
  | 'openai-chat'
  | 'openai-completions'
  | 'openai-responses'
  | 'anthropic'
  | 'gemini'
  | 'ollama'
  | 'bedrock-converse'
  | 'bedrock-invoke'
  | 'cohere';

export interface DialectEntry {
  /** What usage, cost and the sidebar call it (two dialects can share one provider). */
  provider: Provider;
  /** A fresh streaming assembler. */
  create(): Assembler;
  /** The assembled message of a non-streamed response body. */
  fromJson(body: unknown): AssembledMessage;
}

const DIALECTS: Record<Dialect, DialectEntry> = {
  'openai-chat': { provider: 'openai-chat', create: () => new OpenAiChatAssembler(), fromJson: openAiChatFromJson },
  'openai-completions': { provider: 'openai-chat', create: () => new OpenAiChatAssembler(), fromJson: openAiChatFromJson },
  'openai-responses': { provider: 'openai-responses', create: () => new OpenAiResponsesAssembler(), fromJson: openAiResponsesFromJson },
  anthropic: { provider: 'anthropic', create: () => new AnthropicAssembler(), fromJson: anthropicFromJson },
  gemini: { provider: 'gemini', create: () => new GeminiAssembler(), fromJson: geminiFromJson },
  ollama: { provider: 'ollama', create: () => new OllamaAssembler(), fromJson: ollamaFromJson },
  'bedrock-converse': { provider: 'bedrock', create: () => new BedrockConverseAssembler(), fromJson: bedrockConverseFromJson },
  'bedrock-invoke': { provider: 'bedrock', create: () => new BedrockInvokeAssembler(), fromJson: bedrockInvokeFromJson },
  cohere: { provider: 'cohere', create: () => new CohereAssembler(), fromJson: cohereFromJson },
};

export function dialectEntry(d: Dialect): DialectEntry {
  return DIALECTS[d];
}

export function createAssembler(d: Dialect): Assembler {
  return DIALECTS[d].create();
}
