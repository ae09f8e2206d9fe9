/** Header and raw-body differences, for what no dialect assembles (and headers of every call). */
import type { Body, Header } from '../model/cassette';
import { jsonDiff, parseJsonOrText } from './json-diff';
import type { Change } from './types';
import { isVolatileHeader, VOLATILE_JSON_KEYS } from './volatile';
import { wordDiff } from './word-diff';

function headerMap(hs: Header[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const h of hs) {
    const n = h.name.toLowerCase();
    m.set(n, m.has(n) ? `${m.get(n)}, ${h.value}` : h.value);
  }
  return m;
}

/** Header changes, split into semantic ones and volatile ones (shown only on request). */
export function diffHeaders(side: string, a: Header[], b: Header[], provider: string | null): { changes: Change[]; volatile: Change[] } {
  const ma = headerMap(a);
  const mb = headerMap(b);
  const out = { changes: [] as Change[], volatile: [] as Change[] };
  for (const name of new Set([...ma.keys(), ...mb.keys()])) {
    const before = ma.get(name);
    const after = mb.get(name);
    if (before === after) continue;
    const field = `${side}.header ${name}`;
    const change: Change =
      before === undefined ? { field, kind: 'added', after } : after === undefined ? { field, kind: 'removed', before } : { field, kind: 'value', before, after };
    (isVolatileHeader(name, provider) ? out.volatile : out.changes).push(change);
  }
  return out;
}

/** A body compared as JSON (volatile keys apart) when both sides are JSON, else word by word. */
export function diffBody(field: string, a: Body, b: Body, showVolatile: boolean): { changes: Change[]; volatile: Change[] } {
  const ta = bodyText(a);
  const tb = bodyText(b);
  if (ta === tb) return { changes: [], volatile: [] };
  const ja = parseJsonOrText(ta);
  const jb = parseJsonOrText(tb);
  if (typeof ja === 'object' && ja !== null && typeof jb === 'object' && jb !== null) {
    const entries = jsonDiff(ja, jb, VOLATILE_JSON_KEYS);
    const all = showVolatile ? jsonDiff(ja, jb) : [];
    const volatile = all.filter((e) => !entries.some((k) => k.path === e.path));
    return {
      changes: entries.length ? [{ field, kind: 'json', entries }] : [],
      volatile: volatile.length ? [{ field, kind: 'json', entries: volatile }] : [],
    };
  }
  return { changes: [{ field, kind: 'text', words: wordDiff(ta, tb) }], volatile: [] };
}

function bodyText(b: Body): string {
  if (b.text !== null) return b.text;
  let s = '';
  for (const x of b.bytes) s += x.toString(16).padStart(2, '0');
  return `<${b.bytes.length} bytes ${s.slice(0, 64)}>`;
}
