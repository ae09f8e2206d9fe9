/**
 * Citations from the two dialects that send them, mapped to one `Citation` shape, and grouped
 * into a numbered source list for display (a source cited five times is listed once).
 */
import type { Citation } from '../model/llm';
import { isObj } from './usage';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function range(word: string, a: unknown, b: unknown): string | undefined {
  if (!num(a)) return undefined;
  // Anthropic end indexes are exclusive.
  return num(b) && b - 1 > a ? `${word}s ${a}–${b - 1}` : `${word} ${a}`;
}

/** An Anthropic citation (web search result, char/page/content-block location, search result). */
export function anthropicCitation(c: unknown): Citation | null {
  if (!isObj(c)) return null;
  const out: Citation = {
    type: str(c.type) ?? 'citation',
    url: str(c.url) ?? (str(c.source)?.match(/^https?:\/\//) ? String(c.source) : null),
    title: str(c.title) ?? str(c.document_title),
  };
  if (str(c.cited_text)) out.citedText = String(c.cited_text);
  const where =
    c.type === 'page_location' ? range('page', c.start_page_number, c.end_page_number)
    : c.type === 'char_location' ? range('char', c.start_char_index, c.end_char_index)
    : c.type === 'content_block_location' || c.type === 'search_result_location' ? range('block', c.start_block_index, c.end_block_index)
    : undefined;
  const doc = num(c.document_index) ? `document ${c.document_index}` : num(c.search_result_index) ? `search result ${c.search_result_index}` : null;
  const loc = [doc, str(c.file_id) ? `file ${c.file_id}` : null, where ?? null].filter((x): x is string => x !== null).join(', ');
  if (loc) out.location = loc;
  if (!out.url && !out.title && str(c.source)) out.title = String(c.source);
  return out;
}

/**
 * An OpenAI Responses annotation. `text` is the annotated output text as far as it is known; the
 * indexes count code points (the API is Python-side), so the span is cut by code points.
 */
export function openAiAnnotation(a: unknown, text: string): Citation | null {
  if (!isObj(a)) return null;
  const out: Citation = { type: str(a.type) ?? 'annotation', url: str(a.url), title: str(a.title) ?? str(a.filename) };
  if (num(a.start_index) && num(a.end_index) && a.end_index > a.start_index) {
    const cut = sliceCodePoints(text, a.start_index, a.end_index);
    if (cut) out.citedText = cut;
  }
  const loc = [str(a.file_id) ? `file ${a.file_id}` : null, str(a.container_id) ? `container ${a.container_id}` : null].filter((x): x is string => x !== null).join(', ');
  if (loc) out.location = loc;
  return out;
}

function sliceCodePoints(text: string, start: number, end: number): string {
  // Fast path: no surrogate pairs before `end`, so UTF-16 indexes equal code point indexes.
  const head = text.slice(0, end);
  if (!/[\uD800-\uDBFF]/.test(head)) return head.slice(start);
  return Array.from(text).slice(start, end).join('');
}

export interface CitedSource {
  /** 1-based, in order of first citation. */
  n: number;
  url: string | null;
  title: string | null;
  /** Distinct places cited in a document source ("document 0, page 4" …). */
  locations: string[];
  /** How many citations name this source, and their distinct passages. */
  count: number;
  passages: string[];
}

/** Groups citations by URL, else by document title, into a numbered source list. */
export function citationSources(list: readonly Citation[]): CitedSource[] {
  const byKey = new Map<string, CitedSource>();
  for (const c of list) {
    const key = c.url ?? (c.title !== null ? `title:${c.title}` : `loc:${c.location ?? c.type}`);
    let src = byKey.get(key);
    if (!src) {
      src = { n: byKey.size + 1, url: c.url, title: c.title, locations: [], count: 0, passages: [] };
      byKey.set(key, src);
    }
    src.count++;
    if (!src.title && c.title) src.title = c.title;
    if (c.location && !src.locations.includes(c.location)) src.locations.push(c.location);
    if (c.citedText && !src.passages.includes(c.citedText)) src.passages.push(c.citedText);
  }
  return [...byKey.values()];
}
