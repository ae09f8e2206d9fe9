/**
 * The primitive readers over composed yaml nodes, for both documents Tapedeck builds: the
 * viewer's (load.ts: failsafe schema, no source tokens) and the editor's (shared/edit/document.ts:
 * core schema, source tokens kept). They do not follow aliases; Tree (tree.ts) adds that, the
 * core-schema reading of plain scalars and source positions on top of these.
 */
import { CST, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { corePlain } from './core-schema';
import { LiteralText } from './lazy-literal';

export type N = Node | null | undefined;

export function asMap(n: unknown): YAMLMap<unknown, unknown> | null {
  return isMap(n) ? n : null;
}

export function asSeq(n: unknown): YAMLSeq<unknown> | null {
  return isSeq(n) ? n : null;
}

export function asScalar(n: unknown): Scalar | null {
  return isScalar(n) ? n : null;
}

/** A pair's key as a string; null for a null or non-scalar key. */
export function keyString(p: Pair<unknown, unknown>): string | null {
  const k = p.key;
  if (isScalar(k)) return k.value == null ? null : String(k.value);
  return null;
}

/** The first pair of a map node whose key is `key` (exact match). */
export function pairOf(n: unknown, key: string): Pair<unknown, unknown> | undefined {
  const m = asMap(n);
  if (!m) return undefined;
  for (const p of m.items) if (keyString(p) === key) return p;
  return undefined;
}

/** Value of `key` in a map node (exact key match). */
export function get(n: unknown, key: string): N {
  return pairOf(n, key)?.value as N;
}

/** All pairs of a map whose key equals `key` case-insensitively, in source order. */
export function pairsCaseInsensitive(n: unknown, key: string): Pair<unknown, unknown>[] {
  const m = asMap(n);
  if (!m) return [];
  const lower = key.toLowerCase();
  return m.items.filter((p) => keyString(p)?.toLowerCase() === lower);
}

/** A sequence's items; empty for anything else. */
export function items(n: unknown): N[] {
  const s = asSeq(n);
  return s ? (s.items as N[]) : [];
}

/**
 * A scalar's text as written, or null for non-scalars. With source tokens (the editor's
 * document) it is read from the CST token (CST.resolveAsScalar), not from the schema, so
 * `1e3` stays "1e3" and `!!binary` / Ruby `!binary` stay base64 text. Without them (the viewer's
 * failsafe document) plain scalars are already their text; a lazy literal block is built here,
 * and other objects (base64 text, bytes) are no text.
 */
export function scalarText(n: unknown): string | null {
  const s = asScalar(n);
  if (!s) return null;
  const tok = s.srcToken;
  if (tok && CST.isScalar(tok)) {
    const r = CST.resolveAsScalar(tok, false, () => {});
    if (r) return r.value;
  }
  const v = s.value;
  if (v instanceof LiteralText) return v.text();
  return v == null || typeof v === 'object' ? null : String(v);
}

/** Tag of a node: `tag:yaml.org,2002:binary` for `!!binary`, `!binary` for Ruby's. */
export function tagOf(n: unknown): string | undefined {
  const s = asScalar(n);
  return s?.tag;
}

export function isBinaryTag(n: unknown): boolean {
  const t = tagOf(n);
  return t === 'tag:yaml.org,2002:binary' || t === '!binary';
}

/** Every scalar under a node (depth-first), e.g. the leaves of a pydantic-ai `parsed_body`. */
export function scalarsUnder(n: unknown, out: Scalar[] = []): Scalar[] {
  if (isScalar(n)) out.push(n);
  else if (isMap(n)) for (const p of n.items) scalarsUnder(p.value, out);
  else if (isSeq(n)) for (const it of n.items) scalarsUnder(it, out);
  return out;
}

/**
 * A scalar as the cassette readers take it: a plain, untagged scalar by the YAML 1.2 core
 * schema (`true`, `True`, `12`, `null`), any other its text as written. For flags such as
 * go-vcr's `uncompressed`, so the editor reads them as the viewer does (a quoted "true" is text).
 */
export function coreScalar(n: unknown): unknown {
  const s = asScalar(n);
  const text = s ? scalarText(s) : null;
  return s && text !== null && s.type === 'PLAIN' && !s.tag ? corePlain(text) : text;
}
