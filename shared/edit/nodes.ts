/**
 * Reading the composed Document node by node. Scalar values are resolved from the CST token
 * (CST.resolveAsScalar), not from the schema, so `!!binary` and Ruby `!binary` stay base64 text.
 */
import { CST, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

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

export function keyString(p: Pair<unknown, unknown>): string | null {
  const k = p.key;
  if (isScalar(k)) return k.value == null ? null : String(k.value);
  return null;
}

/** Value of `key` in a map node (exact key match). */
export function get(n: unknown, key: string): N {
  const m = asMap(n);
  if (!m) return undefined;
  for (const p of m.items) if (keyString(p) === key) return p.value as N;
  return undefined;
}

/** All pairs of a map whose key equals `key` case-insensitively, in source order. */
export function pairsCaseInsensitive(n: unknown, key: string): Pair<unknown, unknown>[] {
  const m = asMap(n);
  if (!m) return [];
  const lower = key.toLowerCase();
  return m.items.filter((p) => keyString(p)?.toLowerCase() === lower);
}

export function items(n: unknown): N[] {
  const s = asSeq(n);
  return s ? (s.items as N[]) : [];
}

/** The scalar's string value as written (tags ignored), or null for non-scalars. */
export function scalarText(n: unknown): string | null {
  const s = asScalar(n);
  if (!s) return null;
  const tok = s.srcToken;
  if (tok && CST.isScalar(tok)) {
    const r = CST.resolveAsScalar(tok, false, () => {});
    if (r) return r.value;
  }
  return s.value == null ? null : String(s.value);
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
