/**
 * Reads an LLM request body into roles, text, tool calls and tool results. Tool results become
 * their own `tool` messages in every dialect (Anthropic tool_result blocks, Gemini
 * functionResponse parts, Converse toolResult blocks) so linking works the same way everywhere.
 */
import type { LlmRequest, RequestMessage, ToolDeclaration } from '../model/llm';
import type { Detected } from './detect';
import { argsText, nonEmpty } from './assemblers/base';
import { isObj } from './usage';

type Obj = Record<string, unknown>;

const MESSAGE_KEYS = ['model', 'stream', 'messages', 'tools', 'input', 'instructions', 'system', 'contents', 'systemInstruction', 'toolConfig', 'prompt', 'chat_history', 'message'];

export function parseRequest(d: Detected, body: unknown): LlmRequest | null {
  if (!isObj(body)) return null;
  const params: Obj = {};
  for (const [k, v] of Object.entries(body)) if (!MESSAGE_KEYS.includes(k)) params[k] = v;
  const req: LlmRequest = {
    model: typeof body.model === 'string' ? body.model : d.urlModel,
    // Gemini and Bedrock say it in the URL; Ollama streams unless told not to.
    stream: d.urlStream ?? (d.dialect === 'ollama' ? body.stream !== false : body.stream === true),
    messages: [],
    tools: [],
    params,
  };
  switch (d.dialect) {
    case 'openai-chat':
    case 'openai-completions':
    case 'ollama':
    case 'cohere':
      req.messages = chatMessages(body);
      req.tools = chatTools(body.tools);
      break;
    case 'openai-responses':
      req.messages = responsesMessages(body);
      req.tools = chatTools(body.tools);
      break;
    case 'anthropic':
    case 'bedrock-invoke':
      req.messages = anthropicMessages(body);
      req.tools = chatTools(body.tools);
      break;
    case 'gemini':
      req.messages = geminiMessages(body);
      req.tools = geminiTools(body.tools);
      break;
    case 'bedrock-converse':
      req.messages = converseMessages(body);
      req.tools = isObj(body.toolConfig) ? chatTools(body.toolConfig.tools) : [];
      break;
  }
  return req;
}

/** Text of a content value: a string, or an array of parts with `text`. */
function textOf(c: unknown): string {
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((p) => (typeof p === 'string' ? p : isObj(p) && typeof p.text === 'string' ? p.text : '')).join('');
  if (isObj(c) && typeof c.text === 'string') return c.text;
  return '';
}

function chatMessages(body: Obj): RequestMessage[] {
  const out: RequestMessage[] = [];
  if (typeof body.prompt === 'string') out.push({ role: 'user', text: body.prompt });
  if (Array.isArray(body.chat_history)) {
    for (const m of body.chat_history) if (isObj(m)) out.push({ role: String(m.role ?? 'user').toLowerCase(), text: textOf(m.message ?? m.content) });
  }
  if (typeof body.message === 'string') out.push({ role: 'user', text: body.message });
  for (const m of Array.isArray(body.messages) ? body.messages : []) {
    if (!isObj(m)) continue;
    const msg: RequestMessage = { role: String(m.role ?? ''), text: textOf(m.content) };
    if (Array.isArray(m.tool_calls)) {
      msg.toolCalls = m.tool_calls.filter(isObj).map((tc) => {
        const fn = isObj(tc.function) ? tc.function : {};
        return { id: nonEmpty(tc.id) ? String(tc.id) : null, name: String(fn.name ?? ''), arguments: argsText(fn.arguments) };
      });
    }
    if (nonEmpty(m.tool_call_id)) msg.toolCallId = String(m.tool_call_id);
    if (typeof m.name === 'string') msg.name = m.name;
    out.push(msg);
  }
  return out;
}

function responsesMessages(body: Obj): RequestMessage[] {
  const out: RequestMessage[] = [];
  if (typeof body.instructions === 'string') out.push({ role: 'system', text: body.instructions });
  if (typeof body.input === 'string') return [...out, { role: 'user', text: body.input }];
  for (const it of Array.isArray(body.input) ? body.input : []) {
    if (!isObj(it)) continue;
    if (it.type === 'function_call' || it.type === 'custom_tool_call') {
      const call = { id: nonEmpty(it.call_id) ? String(it.call_id) : null, name: String(it.name ?? ''), arguments: argsText(it.arguments ?? it.input) };
      // Consecutive calls belong to one assistant turn.
      const last = out[out.length - 1];
      if (last && last.role === 'assistant' && last.toolCalls) last.toolCalls.push(call);
      else out.push({ role: 'assistant', text: '', toolCalls: [call] });
    } else if (it.type === 'function_call_output' || it.type === 'custom_tool_call_output') {
      out.push({ role: 'tool', text: textOf(it.output), toolCallId: String(it.call_id ?? '') });
    } else if (it.role !== undefined) {
      out.push({ role: String(it.role), text: textOf(it.content) });
    }
  }
  return out;
}

function anthropicMessages(body: Obj): RequestMessage[] {
  const out: RequestMessage[] = [];
  if (body.system !== undefined) out.push({ role: 'system', text: textOf(body.system) });
  for (const m of Array.isArray(body.messages) ? body.messages : []) {
    if (!isObj(m)) continue;
    const role = String(m.role ?? '');
    if (!Array.isArray(m.content)) {
      out.push({ role, text: textOf(m.content) });
      continue;
    }
    const msg: RequestMessage = { role, text: '' };
    const results: RequestMessage[] = [];
    for (const b of m.content) {
      if (!isObj(b)) continue;
      if (b.type === 'text' && typeof b.text === 'string') msg.text += b.text;
      else if (b.type === 'tool_use') (msg.toolCalls ??= []).push({ id: nonEmpty(b.id) ? String(b.id) : null, name: String(b.name ?? ''), arguments: argsText(b.input ?? {}) });
      else if (b.type === 'tool_result') results.push({ role: 'tool', text: textOf(b.content), toolCallId: String(b.tool_use_id ?? '') });
    }
    if (msg.text !== '' || msg.toolCalls || results.length === 0) out.push(msg);
    out.push(...results);
  }
  return out;
}

function geminiMessages(body: Obj): RequestMessage[] {
  const out: RequestMessage[] = [];
  if (isObj(body.systemInstruction)) out.push({ role: 'system', text: textOf(body.systemInstruction.parts) });
  for (const c of Array.isArray(body.contents) ? body.contents : []) {
    if (!isObj(c)) continue;
    const role = c.role === 'model' ? 'assistant' : String(c.role ?? 'user');
    const msg: RequestMessage = { role, text: '' };
    const results: RequestMessage[] = [];
    for (const p of Array.isArray(c.parts) ? c.parts : []) {
      if (!isObj(p)) continue;
      if (typeof p.text === 'string' && p.thought !== true) msg.text += p.text;
      // Python SDKs (google-genai) serialise parts in snake_case; the REST API uses camelCase.
      const call = p.functionCall ?? p.function_call;
      const response = p.functionResponse ?? p.function_response;
      if (isObj(call)) {
        const fc = call;
        (msg.toolCalls ??= []).push({ id: nonEmpty(fc.id) ? String(fc.id) : null, name: String(fc.name ?? ''), arguments: argsText(fc.args ?? {}) });
      }
      if (isObj(response)) {
        const fr = response;
        const r: RequestMessage = { role: 'tool', text: argsText(fr.response), name: String(fr.name ?? '') };
        if (nonEmpty(fr.id)) r.toolCallId = String(fr.id);
        results.push(r);
      }
    }
    if (msg.text !== '' || msg.toolCalls || results.length === 0) out.push(msg);
    out.push(...results);
  }
  return out;
}

function converseMessages(body: Obj): RequestMessage[] {
  const out: RequestMessage[] = [];
  if (Array.isArray(body.system)) out.push({ role: 'system', text: textOf(body.system) });
  for (const m of Array.isArray(body.messages) ? body.messages : []) {
    if (!isObj(m)) continue;
    const msg: RequestMessage = { role: String(m.role ?? ''), text: '' };
    const results: RequestMessage[] = [];
    for (const b of Array.isArray(m.content) ? m.content : []) {
      if (!isObj(b)) continue;
      if (typeof b.text === 'string') msg.text += b.text;
      if (isObj(b.toolUse)) (msg.toolCalls ??= []).push({ id: nonEmpty(b.toolUse.toolUseId) ? String(b.toolUse.toolUseId) : null, name: String(b.toolUse.name ?? ''), arguments: argsText(b.toolUse.input ?? {}) });
      if (isObj(b.toolResult)) {
        const c = b.toolResult.content;
        const text = Array.isArray(c) ? c.map((x) => (isObj(x) ? (typeof x.text === 'string' ? x.text : argsText(x.json)) : '')).join('') : '';
        results.push({ role: 'tool', text, toolCallId: String(b.toolResult.toolUseId ?? '') });
      }
    }
    if (msg.text !== '' || msg.toolCalls || results.length === 0) out.push(msg);
    out.push(...results);
  }
  return out;
}

/** OpenAI `{type:function, function:{…}}`, Responses/Anthropic/Cohere flat tools, Converse toolSpec. */
function chatTools(tools: unknown): ToolDeclaration[] {
  const out: ToolDeclaration[] = [];
  for (const t of Array.isArray(tools) ? tools : []) {
    if (!isObj(t)) continue;
    const f: Obj = isObj(t.function) ? t.function : isObj(t.toolSpec) ? t.toolSpec : t;
    if (typeof f.name !== 'string') continue;
    const decl: ToolDeclaration = { name: f.name };
    if (typeof f.description === 'string') decl.description = f.description;
    const schema = f.parameters ?? f.input_schema ?? (isObj(f.inputSchema) ? f.inputSchema.json : undefined) ?? f.parameter_definitions;
    if (schema !== undefined) decl.schema = schema;
    out.push(decl);
  }
  return out;
}

function geminiTools(tools: unknown): ToolDeclaration[] {
  const out: ToolDeclaration[] = [];
  for (const t of Array.isArray(tools) ? tools : []) {
    if (!isObj(t)) continue;
    const decls = t.functionDeclarations ?? t.function_declarations;
    for (const f of Array.isArray(decls) ? decls : []) {
      if (!isObj(f) || typeof f.name !== 'string') continue;
      const decl: ToolDeclaration = { name: f.name };
      if (typeof f.description === 'string') decl.description = f.description;
      const schema = f.parametersJsonSchema ?? f.parameters;
      if (schema !== undefined) decl.schema = schema;
      out.push(decl);
    }
  }
  return out;
}
