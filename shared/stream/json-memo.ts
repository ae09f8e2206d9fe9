/**
 * tryJson for the events of one stream read in order, cheaper when they repeat a template.
 * Token streams send the same envelope event after event with a string or two changed (the
 * text delta; OpenAI also pads every chunk with a random `obfuscation` string):
 * `{"id":"c1",…,"delta":{"content":"the "},…,"obfuscation":"k3"}`. Once two consecutive events
 * show that, later events that are the same fixed parts around plain strings reuse the last
 * tree with those values swapped (native string compares and a few shallow copies) instead of
 * a JSON.parse, which was most of what the search index added on big streams.
 *
 * The result is always what tryJson gives (unit and corpus tests compare them on every
 * event). Why the template is sound: each slot starts inside a string literal (the text before
 * it holds an odd number of unescaped quotes) and the fixed part after it starts with the quote
 * that closes it, so a slot without quote, backslash or control character is exactly that
 * literal's value and leaves every other token unchanged; the parsed trees of the two events
 * that made the template differ in exactly those string leaves, each matched by its values in
 * both events (a changed key, number or anything else gives no template).
 * Trees share their unchanged parts, so callers must not mutate them (assemblers only read).
 */
import { tryJson } from './json-event';

type Path = (string | number)[];
/**
 * `parts[0]` x₁ `parts[1]` … xₙ `parts[n]`: each x a string literal's body. OpenAI's chunks
 * change two strings each (the delta and the `obfuscation` padding), so up to MAX_SLOTS.
 */
interface Template {
  parts: string[];
  paths: Path[];
  tree: unknown;
}

const MAX_SLOTS = 2;
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
    const xs = tpl ? slotsOf(text, tpl.parts) : null;
    if (xs) {
      hits++;
      let tree = tpl!.tree;
      for (let i = 0; i < xs.length; i++) tree = withValue(tree, tpl!.paths[i], 0, xs[i]);
      return tree;
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

/**
 * The slot values of `text` when it is the template's parts around plain string bodies, else
 * null. A slot ends at the first quote after it (a body holds none); the part after it must
 * follow exactly. Slices compared with ===, not startsWith: ~8x faster in V8 on sliced strings.
 */
function slotsOf(text: string, parts: string[]): string[] | null {
  const head = parts[0];
  if (text.slice(0, head.length) !== head) return null;
  const xs: string[] = [];
  let at = head.length;
  for (let i = 1; i < parts.length; i++) {
    const q = text.indexOf('"', at);
    if (q < 0) return null;
    const x = text.slice(at, q);
    if (UNSAFE.test(x)) return null;
    const part = parts[i];
    if (i === parts.length - 1 ? text.length - q !== part.length || text.slice(q) !== part : text.slice(q, q + part.length) !== part) return null;
    xs.push(x);
    at = q + part.length;
  }
  return xs;
}

/**
 * A template from two consecutive events: walk both texts, each stretch where they differ
 * must be the body of one string literal in each (no quote, backslash or control character),
 * and the trees must differ in exactly those string leaves, each matched to one path by its
 * values in both events. Anything else (a changed key, number or shape) gives no template.
 */
function templateOf(a: string, ja: unknown, b: string, jb: unknown): Template | null {
  const parts: string[] = [];
  const xa: string[] = [];
  const xb: string[] = [];
  let i = 0; // where the current fixed part starts, in a
  let j = 0; // the same place in b
  for (;;) {
    let p = 0;
    while (i + p < a.length && j + p < b.length && a.charCodeAt(i + p) === b.charCodeAt(j + p)) p++;
    if (i + p === a.length && j + p === b.length) break;
    if (xa.length === MAX_SLOTS) return null;
    const s = a.lastIndexOf('"', i + p - 1) + 1;
    // The literal must open inside this fixed part (after the quote that closed the last one).
    if (s <= i || s > i + p) return null;
    const ea = a.indexOf('"', s);
    const eb = b.indexOf('"', j + (s - i));
    if (ea < 0 || eb < 0) return null;
    parts.push(a.slice(i, s));
    xa.push(a.slice(s, ea));
    xb.push(b.slice(j + (s - i), eb));
    i = ea;
    j = eb;
  }
  parts.push(a.slice(i));
  if (xa.length === 0 || xa.some((x) => UNSAFE.test(x)) || xb.some((x) => UNSAFE.test(x))) return null;
  // Each slot opens a string: the fixed text before it holds an odd number of quotes so far.
  let before = '';
  for (let k = 0; k < xa.length; k++) {
    before += parts[k];
    if (!opensString(before)) return null;
    before += xa[k];
  }
  const diffs: Path[] = [];
  if (!stringDiffs(ja, jb, [], diffs) || diffs.length !== xa.length) return null;
  const paths: Path[] = [];
  for (let k = 0; k < xa.length; k++) {
    const match = diffs.filter((d) => valueAt(ja, d) === xa[k] && valueAt(jb, d) === xb[k]);
    // Two slots with the same values in both events could be either leaf: no template.
    if (match.length !== 1 || paths.includes(match[0])) return null;
    paths.push(match[0]);
  }
  if (paths.some((path) => path.includes('__proto__'))) return null; // withValue assigns, which would set a prototype
  return { parts, paths, tree: jb };
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
 * Collects the paths of the string leaves where `a` and `b` differ; false when they differ in
 * anything else (shape, keys, a non-string value) or in more than MAX_SLOTS leaves.
 */
function stringDiffs(a: unknown, b: unknown, path: Path, out: Path[]): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') {
    out.push(path.slice());
    return out.length <= MAX_SLOTS;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    path.push(Array.isArray(a) ? i : ka[i]);
    const ok = stringDiffs((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[ka[i]], path, out);
    path.pop();
    if (!ok) return false;
  }
  return true;
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
