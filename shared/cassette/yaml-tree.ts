/**
 * Loading cassette text into a `yaml` Document and reading it node by node. Readers walk nodes
 * instead of calling `toJS()` on the whole document: it is cheaper, and nodes carry the source
 * offsets that the views need to jump into the YAML.
 */
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node, ScalarTag, YAMLMap } from 'yaml';
import type { SourcePos, SourceRange } from '../model/diagnostics';

/** Base64 text of a `!!binary` / Ruby `!binary` scalar, decoded only when a body is read. */
export class Base64Text {
  constructor(readonly text: string) {}
}

/** `!!binary` kept lazy: decoding every body while indexing a folder is wasted work. */
export const lazyBinaryTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:binary',
  identify: (v) => v instanceof Base64Text,
  default: false,
  resolve: (src) => new Base64Text(src),
};

/** Ruby Psych writes ASCII-8BIT strings as `!binary` (a local tag with one `!`): also base64. */
export const rubyBinaryTag: ScalarTag = {
  tag: '!binary',
  identify: (v) => v instanceof Base64Text,
  default: false,
  resolve: (src) => new Base64Text(src),
};

export const CASSETTE_TAGS: ScalarTag[] = [lazyBinaryTag, rubyBinaryTag];

/**
 * The failsafe schema leaves plain scalars as strings: resolving every one of them against the
 * core schema's regexes costs ~8% of a parse, and readers look at a few fields only.
 * `Tree.scalar` applies the core schema to the scalars that are actually read.
 */
export function loadYaml(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'failsafe', customTags: CASSETTE_TAGS, keepSourceTokens: false });
  return { doc, lines };
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** YAML 1.2 core-schema value of a plain (unquoted, untagged) scalar. */
export function corePlain(s: string): unknown {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
      return Infinity;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return -Infinity;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return NaN;
  }
  const c = s.charCodeAt(0);
  // Cheap reject before the regexes: numbers start with a digit, sign, dot or 0x/0o.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (INT.test(s)) return parseInt(s, 10);
  if (FLOAT.test(s)) return parseFloat(s);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  return s;
}

/** A document built from an already-parsed JSON value: same walking API, no positions. */
export function docFromValue(value: unknown): Document {
  return new Document(value, { customTags: CASSETTE_TAGS });
}

export type N = Node | null | undefined;

/** Read-only helpers over one document; `range` turns node offsets into 1-based positions. */
export class Tree {
  constructor(
    readonly doc: Document,
    readonly lines: LineCounter | null,
  ) {}

  deref(n: unknown): N {
    if (isAlias(n)) return n.resolve(this.doc) as N;
    return n as N;
  }

  get(map: N, key: string): N {
    const m = this.deref(map);
    if (!isMap(m)) return undefined;
    for (const pair of (m as YAMLMap<unknown, unknown>).items) {
      const k = pair.key;
      if ((isScalar(k) ? k.value : k) === key) return this.deref(pair.value);
    }
    return undefined;
  }

  has(map: N, key: string): boolean {
    const m = this.deref(map);
    if (!isMap(m)) return false;
    return m.items.some((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  }

  isMap(n: N): boolean {
    return isMap(this.deref(n));
  }

  isSeq(n: N): boolean {
    return isSeq(this.deref(n));
  }

  list(n: N): Node[] {
    const s = this.deref(n);
    if (!isSeq(s)) return [];
    return s.items.map((i) => this.deref(i)).filter((i): i is Node => i != null);
  }

  entries(n: N): [string, N][] {
    const m = this.deref(n);
    if (!isMap(m)) return [];
    return m.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), this.deref(p.value)]);
  }

  /** A scalar's JS value (string, number, boolean, null, Base64Text, Uint8Array), else undefined. */
  scalar(n: N): unknown {
    const s = this.deref(n);
    if (!isScalar(s)) return undefined;
    const v = s.value;
    return typeof v === 'string' && s.type === 'PLAIN' && !s.tag ? corePlain(v) : v;
  }

  /**
   * A scalar as written, for bodies: `body: 1e3` is the text "1e3", not 1000. Plain null
   * spellings (`null`, `~`, empty) still give null.
   */
  text(n: N): unknown {
    const s = this.deref(n);
    if (!isScalar(s)) return undefined;
    const v = s.value;
    if (typeof v === 'string' && s.type === 'PLAIN' && !s.tag && corePlain(v) === null) return null;
    return v;
  }

  /** A scalar's text as written (header `- 0123` stays "0123"), null for null/absent/collections. */
  str(n: N): string | null {
    const v = this.text(n);
    if (v === null || v === undefined || typeof v === 'object') return null;
    return String(v);
  }

  num(n: N): number | null {
    const v = this.scalar(n);
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return null;
  }

  /** Plain JS for a subtree (pydantic-ai parsed_body): core-schema scalars, `!!binary` as its base64 text. */
  toJS(n: N): unknown {
    const d = this.deref(n);
    if (d == null) return d === null ? null : undefined;
    if (isMap(d)) {
      const o: Record<string, unknown> = {};
      for (const p of d.items) o[String(this.scalar(p.key as N) ?? this.toJS(p.key as N))] = this.toJS(p.value as N);
      return o;
    }
    if (isSeq(d)) return d.items.map((i) => this.toJS(i as N));
    const v = this.scalar(d);
    return v instanceof Base64Text ? v.text : v;
  }

  pos(offset: number): SourcePos {
    const lc = this.lines!;
    const { line, col } = lc.linePos(offset);
    return { line, column: col, offset };
  }

  range(n: N): SourceRange | undefined {
    const d = this.deref(n);
    if (!d || !this.lines || !d.range) return undefined;
    return { start: this.pos(d.range[0]), end: this.pos(d.range[1]) };
  }
}
