/**
 * Compact, display-ready summaries of provider-run tools (Anthropic server tools and their
 * `*_tool_result` blocks, OpenAI Responses built-in tool items). The assemblers keep the wire
 * object as an immutable record; the summary is derived per record and cached, so stepping and
 * seeking only summarise records that changed. Large payloads (images, encrypted content) are
 * reduced to sizes: a summary never carries base64.
 */
import type { BuiltinToolState } from '../model/llm';
import { classifyArgs } from './tool-args';
import { isObj } from './usage';

type Obj = Record<string, unknown>;

/** What an assembler keeps for one built-in tool part; replaced, never mutated. */
export interface RawBuiltin {
  readonly slot: number;
  readonly type: string;
  readonly id: string | null;
  readonly name?: string;
  readonly status: string | null;
  readonly input?: string;
  readonly toolUseId?: string;
  readonly callSlot?: number;
  /** The block or item as last seen on the wire. */
  readonly payload: Obj;
  /** OpenAI image generation: partial images seen so far and the size of the last one. */
  readonly partialImages?: number;
  readonly partialBytes?: number;
}

const MAX_DETAILS = 10;
const cache = new WeakMap<RawBuiltin, BuiltinToolState>();

/** Decoded size of base64 text without decoding it. */
export function b64Bytes(s: string): number {
  const clean = s.replace(/\s+/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const clip = (t: string, n = 120): string => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
const quote = (t: string): string => `"${clip(t, 100)}"`;
const lines = (t: string): string[] => t.split('\n').filter((l) => l.trim() !== '').map((l) => clip(l, 200));
const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

export function builtinState(r: RawBuiltin): BuiltinToolState {
  let st = cache.get(r);
  if (!st) {
    const { summary, details = [], error } = summarize(r);
    st = { slot: r.slot, type: r.type, id: r.id, status: r.status, summary };
    if (r.name) st.name = r.name;
    if (r.input !== undefined) st.input = r.input;
    if (details.length) st.details = details.slice(0, MAX_DETAILS);
    if (r.toolUseId) st.toolUseId = r.toolUseId;
    if (r.callSlot !== undefined) st.callSlot = r.callSlot;
    if (error) st.error = error;
    cache.set(r, st);
  }
  return st;
}

interface Summary {
  summary: string;
  details?: string[];
  error?: string;
}

function summarize(r: RawBuiltin): Summary {
  const p = r.payload;
  if (r.type === 'server_tool_use' || r.type === 'mcp_tool_use') return { summary: inputSummary(r.input ?? '') };
  if (r.type.endsWith('_tool_result')) return anthropicResult(p);
  switch (r.type) {
    case 'web_search_call':
      return webSearchCall(p);
    case 'file_search_call': {
      const qs = Array.isArray(p.queries) ? p.queries.filter((q): q is string => typeof q === 'string') : [];
      const res = Array.isArray(p.results) ? p.results.filter(isObj) : null;
      const parts = [qs.length ? qs.map(quote).join(', ') : 'search', res ? plural(res.length, 'result') : ''];
      return { summary: parts.filter(Boolean).join(' · '), details: (res ?? []).map((x) => clip(`${s(x.filename) ?? s(x.file_id) ?? '?'}${typeof x.score === 'number' ? ` (score ${x.score.toFixed(2)})` : ''}`)) };
    }
    case 'code_interpreter_call':
      return codeInterpreter(r);
    case 'image_generation_call':
      return imageGeneration(r);
    case 'mcp_call': {
      const out = s(p.output);
      const err = errText(p.error);
      return { summary: [s(p.server_label), out !== null ? `output ${plural(out.length, 'char')}` : ''].filter(Boolean).join(' · ') || 'MCP call', details: out ? lines(out).slice(0, 3) : [], error: err };
    }
    case 'mcp_list_tools': {
      const tools = Array.isArray(p.tools) ? p.tools.filter(isObj) : [];
      return { summary: `${plural(tools.length, 'tool')}${s(p.server_label) ? ` from ${s(p.server_label)}` : ''}`, details: tools.map((t) => String(t.name ?? '?')), error: errText(p.error) };
    }
    case 'mcp_approval_request':
      return { summary: `approval requested: ${s(p.server_label) ?? ''}.${s(p.name) ?? '?'}` };
    case 'computer_call':
      return computerCall(p);
    default:
      return { summary: isObj(p.action) && s(p.action.type) ? String(p.action.type) : r.type, error: errText(p.error) };
  }
}

/** The query, URL or command of a server tool call, or its input clipped. */
function inputSummary(input: string): string {
  const v = classifyArgs(input).value;
  if (isObj(v)) {
    for (const k of ['query', 'url', 'command', 'code', 'path']) if (s(v[k])) return `${k} ${quote(lines(String(v[k]))[0] ?? '')}`;
  }
  return clip(input.replace(/\s+/g, ' '), 100);
}

function errText(e: unknown): string | undefined {
  if (s(e)) return clip(String(e), 300);
  if (isObj(e)) return clip(String(e.message ?? e.code ?? e.type ?? JSON.stringify(e)), 300);
  return undefined;
}

function anthropicResult(p: Obj): Summary {
  const c = p.content;
  if (Array.isArray(c)) {
    const items = c.filter(isObj);
    if (p.is_error === true) return { summary: 'error', error: clip(items.map((x) => s(x.text) ?? '').join(' '), 300) };
    const urls = items.filter((x) => s(x.url));
    if (urls.length) return { summary: plural(items.length, 'result'), details: urls.map((x) => clip(`${s(x.title) ?? '(untitled)'} — ${x.url}`, 200)) };
    const text = items.map((x) => s(x.text) ?? '').join('\n');
    return { summary: plural(items.length, 'item'), details: lines(text).slice(0, 3) };
  }
  if (!isObj(c)) return { summary: '(no content)' };
  const t = s(c.type) ?? '';
  if (t.endsWith('_error')) return { summary: `error: ${s(c.error_code) ?? t}`, error: s(c.error_code) ?? t };
  if (typeof c.return_code === 'number') {
    const out = s(c.stdout) ?? '';
    const err = s(c.stderr) ?? '';
    return { summary: `exit ${c.return_code} · stdout ${plural(out.length, 'char')}${err ? ` · stderr ${plural(err.length, 'char')}` : ''}`, details: lines(out).slice(0, 5) };
  }
  if (Array.isArray(c.tool_references)) {
    const names = c.tool_references.filter(isObj).map((x) => String(x.tool_name ?? '?'));
    return { summary: `${plural(names.length, 'tool')} found`, details: names };
  }
  if (s(c.url)) {
    const doc = isObj(c.content) ? c.content : {};
    return { summary: `fetched ${clip(String(c.url))}`, details: s(doc.title) ? [String(doc.title)] : [] };
  }
  return { summary: t || 'result' };
}

function webSearchCall(p: Obj): Summary {
  const a = isObj(p.action) ? p.action : {};
  const sources = Array.isArray(a.sources) ? a.sources.filter(isObj).map((x) => clip(String(x.url ?? x.name ?? '?'), 200)) : [];
  if (a.type === 'open_page') return { summary: `open page ${clip(s(a.url) ?? '?')}` };
  if (a.type === 'find') return { summary: `find ${quote(s(a.pattern) ?? '')} in ${clip(s(a.url) ?? '?')}` };
  const qs = Array.isArray(a.queries) ? a.queries.filter((q): q is string => typeof q === 'string') : s(a.query) ? [String(a.query)] : [];
  const head = qs.length ? `search ${qs.map(quote).join(', ')}` : 'search';
  return { summary: sources.length ? `${head} · ${plural(sources.length, 'source')}` : head, details: sources };
}

function codeInterpreter(r: RawBuiltin): Summary {
  const p = r.payload;
  const code = r.input ?? s(p.code) ?? '';
  const outs = Array.isArray(p.outputs) ? p.outputs.filter(isObj) : [];
  const logs = outs.filter((o) => o.type === 'logs').map((o) => s(o.logs) ?? '').join('\n');
  const images = outs.filter((o) => o.type === 'image').length;
  const parts = [code ? plural(code.split('\n').length, 'line') + ' of code' : 'no code yet'];
  if (logs) parts.push(`logs ${plural(logs.length, 'char')}`);
  if (images) parts.push(plural(images, 'image'));
  return { summary: parts.join(' · '), details: lines(logs).slice(0, 5) };
}

function imageGeneration(r: RawBuiltin): Summary {
  const p = r.payload;
  const parts = [s(p.size), s(p.output_format), s(p.quality)].filter((x): x is string => x !== null);
  if (r.partialImages) parts.push(`${plural(r.partialImages, 'partial image')} (last ${formatBytes(r.partialBytes ?? 0)})`);
  if (s(p.result)) parts.push(`image ${formatBytes(b64Bytes(String(p.result)))}`);
  return { summary: parts.join(' · ') || 'image', details: s(p.revised_prompt) ? [clip(String(p.revised_prompt), 200)] : [] };
}

function computerCall(p: Obj): Summary {
  const a = isObj(p.action) ? p.action : {};
  const t = s(a.type) ?? 'action';
  let what = t;
  if (typeof a.x === 'number' && typeof a.y === 'number') what += ` (${a.x}, ${a.y})`;
  if (s(a.text)) what += ` ${quote(String(a.text))}`;
  if (Array.isArray(a.keys)) what += ` [${a.keys.join('+')}]`;
  if (typeof a.scroll_y === 'number' || typeof a.scroll_x === 'number') what += ` by (${a.scroll_x ?? 0}, ${a.scroll_y ?? 0})`;
  if (Array.isArray(a.path)) what += ` along ${plural(a.path.length, 'point')}`;
  const checks = Array.isArray(p.pending_safety_checks) ? p.pending_safety_checks.filter(isObj) : [];
  return { summary: checks.length ? `${what} · ${plural(checks.length, 'safety check')}` : what, details: checks.map((c) => clip(String(c.message ?? c.code ?? '?'), 200)) };
}
