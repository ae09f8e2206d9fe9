/**
 * Loading cassette text into a `yaml` Document and reading it node by node. Readers walk nodes
 * instead of calling `toJS()` on the whole document: it is cheaper, and nodes carry the source
 * offsets that the views need to jump into the YAML.
 */
import { Composer, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Parser, visit, YAMLParseError } from 'yaml';
import type { Alias, Node, ScalarTag, YAMLMap } from 'yaml';
import { CassetteLimitError, cstDepth, MAX_EXPANDED_NODES, MAX_NESTING, posOf, tooDeep, valueDepth } from './limits';
import type { SourcePos, SourceRange } from '../model/diagnostics';
import { LiteralText } from './lazy-literal';
import { duplicateKeyErrors } from './unique-keys';
import { unresolvedAliasErrors } from './unresolved-aliases';

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
  // parseDocument, in its steps: the CST parser is iterative, so the nesting depth is checked
  // on its tokens before the (recursive) composer sees them.
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const { depth, offset } = cstDepth(tokens);
  if (depth > MAX_NESTING) throw tooDeep(depth, posOf(text, offset));
  // uniqueKeys off: yaml's check is quadratic in a mapping's size; ours below is linear.
  const composer = new Composer({ schema: 'failsafe', customTags: CASSETTE_TAGS, keepSourceTokens: false, uniqueKeys: false });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0] as Document.Parsed;
  if (doc.contents) doc.errors.push(...duplicateKeyErrors(doc), ...unresolvedAliasErrors(doc));
  if (docs.length > 1) doc.errors.push(new YAMLParseError(docs[1].range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
  for (const e of [...doc.errors, ...doc.warnings]) e.linePos = [lines.linePos(e.pos[0]), lines.linePos(e.pos[1])];
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
  const depth = valueDepth(value);
  if (depth > MAX_NESTING) throw tooDeep(depth);
  return new Document(value, { customTags: CASSETTE_TAGS });
}

export type N = Node | null | undefined;

/** Read-only helpers over one document; `range` turns node offsets into 1-based positions. */
export class Tree {
  constructor(
    readonly doc: Document,
    readonly lines: LineCounter | null,
  ) {}

  private aliases: Map<Alias, N> | null = null;

  /**
   * An alias's target. yaml's `Alias.resolve` walks the whole document on every call, which
   * made a file with thousands of `*id001` references (PyYAML writes them) take minutes; one
   * walk in document order resolves every alias to the last anchor before it.
   */
  deref(n: unknown): N {
    if (!isAlias(n)) return n as N;
    if (!this.aliases) {
      const aliases = new Map<Alias, N>();
      const anchors = new Map<string, Node>();
      visit(this.doc, {
        Alias: (_k, a) => void aliases.set(a, anchors.get(a.source)),
        Node: (_k, node) => void (node.anchor && anchors.set(node.anchor, node)),
      });
      this.aliases = aliases;
    }
    return this.aliases.get(n);
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
    if (v instanceof LiteralText) return v.text();
    if (v === null || v === undefined || typeof v === 'object') return null;
    return String(v);
  }

  num(n: N): number | null {
    const v = this.scalar(n);
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return null;
  }

  /**
   * Plain JS for a subtree (pydantic-ai parsed_body): core-schema scalars, `!!binary` as its
   * base64 text. Aliases are expanded, so the output is budgeted against alias bombs.
   */
  toJS(n: N, budget = { left: MAX_EXPANDED_NODES }): unknown {
    if (--budget.left < 0) throw new CassetteLimitError('yaml.alias-expansion', `A value expands to more than ${MAX_EXPANDED_NODES.toLocaleString('en')} items through YAML aliases (an alias bomb?); it is not read`);
    const d = this.deref(n);
    if (d == null) return d === null ? null : undefined;
    if (isMap(d)) {
      const o: Record<string, unknown> = {};
      for (const p of d.items) o[String(this.scalar(p.key as N) ?? this.toJS(p.key as N, budget))] = this.toJS(p.value as N, budget);
      return o;
    }
    if (isSeq(d)) return d.items.map((i) => this.toJS(i as N, budget));
    const v = this.scalar(d);
    return v instanceof Base64Text ? v.text : v instanceof LiteralText ? v.text() : v;
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
