/**
 * tryJson for the events of one stream read in order, cheaper when they repeat a template.
 * Token streams send the same envelope event after event with one string changed (the text
 * delta): `{"id":"c1",…,"delta":{"content":"the "},…}`. Once two consecutive events show
 * that, later events that are the same head and tail around a plain string reuse the last
 * tree with that one value swapped (two native string compares and a few shallow copies)
 * instead of a JSON.parse, which was most of what the search index added on big streams.
 *
 * The result is always what tryJson gives (unit and corpus tests compare them on every
 * event). Why the template is sound: `head` ends inside a string literal (it holds an odd
 * number of unescaped quotes) and `tail` starts with the quote that closes it, so any middle
 * without quote, backslash or control character is exactly that literal's value and leaves
 * the tokens around it unchanged; the parsed trees of the two events that made the template
 * differ in one leaf only, so that leaf is the literal's (a changed key or anything else fails).
 * Trees share their unchanged parts, so callers must not mutate them (assemblers only read).
 */
import { tryJson } from './json-event';

type Path = (string | number)[];
interface Template {
  head: string;
  tail: string;
  path: Path;
  tree: unknown;
}

/** A middle that is not a bare JSON string body (needs escapes, or ends the string). */
// eslint-disable-next-line no-control-regex -- raw control characters are what JSON strings forbid
const UNSAFE = /["\\\u0000-\u001f]/;

export interface JsonMemo {
  (text: string): unknown;
  /** How many texts took the template path (for tests and profiles). */
  readonly hits: number;
}

export function jsonMemo(): JsonMemo {
  let tpl: Template | null = null;
  let prevText = '';
  let prevJson: unknown;
  let failed = 0;
  let hits = 0;
  const memo = (text: string): unknown => {
    // Slices compared with ===, not startsWith/endsWith: ~8x faster in V8 on sliced strings.
    const h = tpl ? tpl.head.length : 0;
    const t = tpl ? text.length - tpl.tail.length : 0;
    if (tpl && t >= h && text.slice(0, h) === tpl.head && text.slice(t) === tpl.tail) {
      const x = text.slice(h, t);
      if (!UNSAFE.test(x)) {
        hits++;
        return withValue(tpl.tree, tpl.path, 0, x);
      }
    }
    const json = tryJson(text);
    // A stream whose events never share a template stops trying after a few (each try scans).
    if (json !== null && typeof json === 'object' && prevJson !== undefined && failed <= 8 + hits) {
      const next = templateOf(prevText, prevJson, text, json);
      if (next) tpl = next;
      else failed++;
    }
    prevText = text;
    prevJson = json;
    return json;
  };
  return Object.defineProperty(memo, 'hits', { get: () => hits }) as JsonMemo;
}

function templateOf(a: string, ja: unknown, b: string, jb: unknown): Template | null {
  const min = Math.min(a.length, b.length);
  let p = 0;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p === 0 || p === min) return null;
  let q = 0;
  while (q < min - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  const s = a.lastIndexOf('"', p - 1) + 1;
  const e = a.indexOf('"', p);
  // The closing quote must lie in the common tail, so neither middle holds a quote.
  if (s === 0 || e < 0 || e < a.length - q) return null;
  const head = a.slice(0, s);
  const tail = a.slice(e);
  const xa = a.slice(s, e);
  const xb = b.slice(s, b.length - tail.length);
  if (UNSAFE.test(xa) || UNSAFE.test(xb) || !opensString(head)) return null;
  const path: Path = [];
  if (onlyStringDiff(ja, jb, path) !== 1 || valueAt(ja, path) !== xa || valueAt(jb, path) !== xb) return null;
  if (path.includes('__proto__')) return null; // withValue assigns, which would set a prototype
  return { head, tail, path, tree: jb };
}

/** Whether `head` ends inside a string literal: an odd number of unescaped quotes. */
function opensString(head: string): boolean {
  let open = false;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 92) i++; // backslash (only inside strings in valid JSON): skip the escaped char
    else if (c === 34) open = !open;
  }
  return open;
}

/**
 * How many leaves differ (counting stops past 1): 1 only when both trees have the same shape
 * and keys and differ in one string value, whose path is left in `path`. A change of shape,
 * of keys or of a non-string value counts as 2.
 */
function onlyStringDiff(a: unknown, b: unknown, path: Path): number {
  if (a === b) return 0;
  if (typeof a === 'string' && typeof b === 'string') return 1;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return 2;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return 2;
  let diffs = 0;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return 2;
    const key = Array.isArray(a) ? i : ka[i];
    path.push(key);
    const d = onlyStringDiff((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[ka[i]], path);
    if (d === 0) path.pop();
    diffs += d;
    if (diffs > 1) return 2;
  }
  return diffs;
}

function valueAt(tree: unknown, path: Path): unknown {
  let v = tree;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

/** `tree` with the value at `path` replaced by `x`: copies of the containers on the path only. */
function withValue(tree: unknown, path: Path, i: number, x: string): unknown {
  if (i === path.length) return x;
  const k = path[i];
  const copy = (Array.isArray(tree) ? tree.slice() : cloneAt(i, tree as object)) as Record<string | number, unknown>;
  copy[k] = withValue(copy[k], path, i + 1, x);
  return copy;
}

/**
 * A shallow copy, with one spread per depth: V8's object-clone cache at one spread sees the
 * shapes of every container at every depth of every stream (megamorphic, ~4x slower here);
 * a spread per depth sees only that depth's few shapes.
 */
function cloneAt(depth: number, o: object): object {
  switch (depth) {
    case 0:
      return { ...o };
    case 1:
      return { ...o };
    case 2:
      return { ...o };
    case 3:
      return { ...o };
    default:
      return { ...o };
  }
}
