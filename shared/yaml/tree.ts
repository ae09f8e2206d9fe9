/**
 * Tree: the cassette readers' view of one document. It builds on the primitives in nodes.ts and
 * adds only what readers of recorder files need: alias dereferencing (PyYAML writes `*id001`),
 * the core-schema value of plain scalars (core-schema.ts; load.ts composes with the failsafe
 * schema), and 1-based source positions.
 */
import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Alias, Document, LineCounter, Node } from 'yaml';
import type { SourcePos, SourceRange } from '../model/diagnostics';
import { corePlain } from './core-schema';
import { LiteralText } from './lazy-literal';
import { CassetteLimitError, MAX_EXPANDED_NODES } from './limits';
import { Base64Text } from './load';
import { asMap, items, keyString, pairOf, scalarText } from './nodes';
import type { N } from './nodes';

export type { N } from './nodes';

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
    return this.deref(pairOf(this.deref(map), key)?.value);
  }

  has(map: N, key: string): boolean {
    return pairOf(this.deref(map), key) !== undefined;
  }

  isMap(n: N): boolean {
    return isMap(this.deref(n));
  }

  isSeq(n: N): boolean {
    return isSeq(this.deref(n));
  }

  list(n: N): Node[] {
    return items(this.deref(n))
      .map((i) => this.deref(i))
      .filter((i): i is Node => i != null);
  }

  entries(n: N): [string, N][] {
    const m = asMap(this.deref(n));
    if (!m) return [];
    // A null or collection key reads as yaml prints it ("null", "[ a ]").
    return m.items.map((p) => [keyString(p) ?? String(p.key), this.deref(p.value)]);
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
    const s = this.deref(n);
    if (!isScalar(s) || this.text(s) === null) return null;
    return scalarText(s);
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
