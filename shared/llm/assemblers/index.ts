/** One streaming assembler and one non-streamed reader per dialect. */
import type { AssembledMessage } from '../../model/llm';
import type { Dialect } from '../detect';
import { AnthropicAssembler, anthropicFromJson } from './anthropic';
import type { Assembler } from './base';
import { BedrockConverseAssembler, bedrockConverseFromJson, BedrockInvokeAssembler, bedrockInvokeFromJson } from './bedrock';
import { CohereAssembler, cohereFromJson } from './cohere';
import { GeminiAssembler, geminiFromJson } from './gemini';
import { OllamaAssembler, ollamaFromJson } from './ollama';
import { OpenAiChatAssembler, openAiChatFromJson } from './openai-chat';
import { OpenAiResponsesAssembler, openAiResponsesFromJson } from './openai-responses';

export type { Assembler } from './base';

export interface DialectImpl {
  create(): Assembler;
  fromJson(body: unknown): AssembledMessage;
}

const IMPLS: Record<Dialect, DialectImpl> = {
  'openai-chat': { create: () => new OpenAiChatAssembler(), fromJson: openAiChatFromJson },
  'openai-completions': { create: () => new OpenAiChatAssembler(), fromJson: openAiChatFromJson },
  'openai-responses': { create: () => new OpenAiResponsesAssembler(), fromJson: openAiResponsesFromJson },
  anthropic: { create: () => new AnthropicAssembler(), fromJson: anthropicFromJson },
  gemini: { create: () => new GeminiAssembler(), fromJson: geminiFromJson },
  ollama: { create: () => new OllamaAssembler(), fromJson: ollamaFromJson },
  'bedrock-converse': { create: () => new BedrockConverseAssembler(), fromJson: bedrockConverseFromJson },
  'bedrock-invoke': { create: () => new BedrockInvokeAssembler(), fromJson: bedrockInvokeFromJson },
  cohere: { create: () => new CohereAssembler(), fromJson: cohereFromJson },
};

export function dialectImpl(d: Dialect): DialectImpl {
  return IMPLS[d];
}

export function createAssembler(d: Dialect): Assembler {
  return IMPLS[d].create();
}
