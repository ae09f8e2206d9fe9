/**
 * Which LLM wire dialect an interaction speaks (docs/stream-formats.md §1.3): the request URL decides, the
 * payload shape is the fallback (proxies, placeholder URLs such as `<OLLAMA_API_BASE>/chat/completions`).
 */
import type { Provider } from '../model/llm';
import { dialectEntry, type Dialect } from './dialects';
import { isObj } from './usage';

export interface Detected {
  provider: Provider;
  dialect: Dialect;
  /** From the URL (Gemini, Bedrock, Vertex) when the payload does not name it. */
  urlModel: string | null;
  /** Streaming as the URL says (Gemini :streamGenerateContent, Bedrock *-stream); null when the URL does not say. */
  urlStream: boolean | null;
}

function result(dialect: Dialect, urlModel: string | null = null, urlStream: boolean | null = null): Detected {
  return { provider: dialectEntry(dialect).provider, dialect, urlModel, urlStream };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function detectDialect(url: string, requestJson: unknown, responseJson?: unknown): Detected | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';

  let m = /\/model\/([^/]+)\/(converse-stream|converse|invoke-with-response-stream|invoke)$/.exec(path);
  if (m) {
    const stream = m[2].endsWith('stream');
    return result(m[2].startsWith('converse') ? 'bedrock-converse' : 'bedrock-invoke', decode(m[1]), stream);
  }
  m = /\/models\/([^/:]+):(streamGenerateContent|generateContent)$/.exec(path);
  if (m) {
    // Vertex publishes other vendors' models through the same path shape.
    return result('gemini', decode(m[1]), m[2] === 'streamGenerateContent' || /alt=sse/.test(query));
  }
  m = /\/publishers\/anthropic\/models\/([^/:]+):(streamRawPredict|rawPredict)$/.exec(path);
  if (m) return result('anthropic', decode(m[1]), m[2] === 'streamRawPredict');
  if (/\/chat\/completions$/.test(path)) return result('openai-chat');
  if (/\/v1\/messages$/.test(path) || /\/anthropic\/v1\/messages$/.test(path)) return result('anthropic');
  if (/\/responses$/.test(path) && !/\/input_items$/.test(path)) return result('openai-responses');
  if (/\/api\/(chat|generate)$/.test(path)) return result('ollama');
  if (/\/v[12]\/chat$/.test(path) && /cohere/.test(url)) return result('cohere');
  if (/\/(v1\/)?completions$/.test(path) && !/\/chat\//.test(path)) {
    // Azure AI Foundry `models/chat/completions` ends like chat; plain /completions is legacy text.
    return result('openai-completions');
  }
  return detectByShape(requestJson, responseJson);
}

/** Payload-shape fallback for URLs we do not recognise. */
function detectByShape(req: unknown, res: unknown): Detected | null {
  if (isObj(res)) {
    if (res.object === 'chat.completion.chunk' || res.object === 'chat.completion') return result('openai-chat');
    if (res.type === 'message_start' || (res.type === 'message' && Array.isArray(res.content))) return result('anthropic');
    if (typeof res.type === 'string' && res.type.startsWith('response.')) return result('openai-responses');
    if (res.object === 'response') return result('openai-responses');
    if (Array.isArray(res.candidates)) return result('gemini');
    if (isObj(res.message) && typeof res.done === 'boolean') return result('ollama');
  }
  if (isObj(req)) {
    if (Array.isArray(req.contents)) return result('gemini');
    if (Array.isArray(req.messages) && typeof req.anthropic_version === 'string') return result('anthropic');
  }
  return null;
}
