/**
 * Index fast path, first try: a line scanner for recorder YAML (go-vcr via yaml.v3, vcrpy via
 * PyYAML, Ruby VCR via Psych). It finds the structure by indentation and skips quoted and
 * block bodies with indexOf, instead of running yaml's character-level lexer over every byte
 * of multi-megabyte bodies. It builds the same nodes cst-tree.ts builds (Scalar / YAMLMap /
 * YAMLSeq with the same scalar types and tags), so the readers cannot tell the paths apart.
 *
 * Accepted: one document (optional `---`), block mappings and sequences (also sequences at
 * their key's indentation), single-line keys, plain / single- / double-quoted scalars (also
 * folded over several lines: yaml's own resolver folds them), `|` `|-` `|+` literal blocks,
 * empty `[]` / `{}`, `!!binary` / `!binary`, a closing `...`. Anything else (comments, anchors,
 * aliases, other tags, other flow collections, folded `>` blocks, tabs, CR line ends, duplicate
 * keys, odd indentation, any indicator in a place we did not plan for) declines with null,
 * and the caller falls back to the CST path and then the full parser, which reports the
 * errors. Declining is always safe; accepting something yaml rejects is the one bug this must
 * never have.
 */
import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';
import { DECLINE, decline, doubleQuoteEnd, isDash, lineEnd, NL, singleQuoteEnd, SP } from './scan-scalar';
import { fastMap, fastPair, fastScalar, fastSeq } from './fast-nodes';
import { literalValue, plainValue, quotedValue } from './scan-values';
import { Base64Text } from '../yaml/load';
import type { LiteralText } from '../yaml/lazy-literal';

export interface ScanOptions {
  /**
   * Leave big literal blocks under `body` / `string` keys unresolved (LiteralText values, see
   * shared/yaml/lazy-literal.ts), from `lazyMin` characters on. Only the folder index asks for this.
   */
  lazyBodies?: boolean;
  lazyMin?: number;
  /** The file's bytes when the text is ASCII (same offsets): lazy bodies hash them directly. */
  asciiBytes?: Uint8Array;
}

/** The root node of `text`, or null when the scanner does not decide for this file. */
export function scanRoot(text: string, opts: ScanOptions = {}): Node | null {
  // Tabs and CRs change indentation and folding rules in ways not worth modelling here.
  if (text.includes('\t') || text.includes('\r')) return null;
  try {
    return new LineScanner(text, opts).root();
  } catch (e) {
    if (e === DECLINE) return null;
    throw e;
  }
}

/** Characters that cannot start a plain scalar or key here (YAML indicators, or reserved). */
const INDICATOR = new Set(Array.from('-?:,[]{}#&*!|>\'"%@`', (c) => c.charCodeAt(0)));

function scalar(value: string | Base64Text | LiteralText, type: Scalar.Type, tag: string | null = null): Scalar {
  const s = fastScalar(value, type);
  if (tag) s.tag = tag === '!binary' ? '!binary' : 'tag:yaml.org,2002:binary';
  return s as Scalar;
}

class LineScanner {
  /** Start of the next unread line. */
  private p = 0;
  /** After skipBlank: indentation and first content position of the line at `p`. */
  private ind = 0;
  private q = 0;
  /** The value being read belongs to a `body` / `string` key (consumed by literal()). */
  private bodyValue = false;

  constructor(
    private readonly s: string,
    private readonly opts: ScanOptions,
  ) {}

  root(): Node {
    const { s } = this;
    this.skipBlank();
    if (this.q === this.p && s.startsWith('---', this.q)) {
      const c = s.charCodeAt(this.q + 3);
      if (c !== NL) decline(); // `--- value`, or a bare `---` at the end of the file
      this.p = this.q + 4;
      this.skipBlank();
    }
    if (this.p >= s.length || this.ind !== 0) decline();
    const map = this.map(0, this.q);
    this.skipBlank();
    // PyYAML and Psych may close the document with `...`; nothing may follow it.
    if (this.docEnd(this.q)) {
      this.p = this.q + 3;
      this.skipBlank();
    }
    if (this.p < s.length) decline();
    return map;
  }

  /** Moves `p` past lines of spaces; a comment line declines. Sets `ind` and `q`. */
  private skipBlank(): void {
    const { s } = this;
    for (;;) {
      let q = this.p;
      while (s.charCodeAt(q) === SP) q++;
      const c = s.charCodeAt(q);
      if (c === NL) {
        this.p = q + 1;
        continue;
      }
      if (q >= s.length) {
        this.p = s.length;
        this.ind = 0;
        this.q = q;
        return;
      }
      if (c === 35) decline(); // '#'
      this.ind = q - this.p;
      this.q = q;
      return;
    }
  }

  private docEnd(q: number): boolean {
    const c = this.s.charCodeAt(q + 3);
    return q === this.p && this.s.startsWith('...', q) && (c === NL || q + 3 >= this.s.length);
  }

  private lineEnd(i: number): number {
    return lineEnd(this.s, i);
  }

  /** After a value ending at `i`: only spaces may follow on its line; moves `p` to the next line. */
  private endLine(i: number): void {
    const { s } = this;
    while (s.charCodeAt(i) === SP) i++;
    if (i < s.length && s.charCodeAt(i) !== NL) decline();
    this.p = Math.min(i + 1, s.length);
  }

  private isDash(q: number): boolean {
    return isDash(this.s, q);
  }

  /** A block mapping at column `n`; its first key starts at `k` (line start or after `- `). */
  private map(n: number, k: number): YAMLMap {
    const { s } = this;
    const map = fastMap();
    // A Set, not a scan of map.items: a mapping of 300,000 keys made that quadratic.
    const keys = new Set<unknown>();
    for (;;) {
      // Document markers at column 0 would end the document.
      if (n === 0 && (s.startsWith('---', k) || s.startsWith('...', k))) decline();
      const key = this.key(k);
      if (keys.has(key.value)) decline(); // duplicate key
      keys.add(key.value);
      this.bodyValue = key.value === 'body' || key.value === 'string';
      map.items.push(fastPair(key, this.mapValue(n)));
      this.bodyValue = false;
      this.skipBlank();
      if (this.p >= s.length || this.ind < n || (n === 0 && this.docEnd(this.q))) return map;
      if (this.ind > n) decline();
      k = this.q;
    }
  }

  /** A single-line key at `k`; leaves `q` just after its `:`. */
  private key(k: number): Scalar {
    const { s } = this;
    const c = s.charCodeAt(k);
    let key: Scalar;
    let colon: number;
    if (c === 39 || c === 34) {
      const j = c === 39 ? singleQuoteEnd(s, k) : doubleQuoteEnd(s, k);
      if (s.lastIndexOf('\n', j) > k) decline(); // multi-line key
      key = this.quoted(k, j, c);
      colon = j + 1;
      const after = s.charCodeAt(colon + 1);
      if (s.charCodeAt(colon) !== 58 || !(after === SP || after === NL || colon + 1 >= s.length)) decline();
    } else {
      if (INDICATOR.has(c)) decline();
      const e = this.lineEnd(k);
      colon = s.indexOf(':', k);
      while (colon >= 0 && colon < e && !(colon + 1 === e || s.charCodeAt(colon + 1) === SP)) colon = s.indexOf(':', colon + 1);
      if (colon < 0 || colon >= e) decline();
      const text = s.slice(k, colon);
      if (text.endsWith(' ') || text.includes(' #')) decline();
      key = scalar(text, 'PLAIN');
    }
    // yaml limits implicit keys to 1024 characters.
    if (colon - k > 1000) decline();
    this.q = colon + 1;
    return key;
  }

  /** The value after a key's `:` (at `q`), in a mapping at column `n`. */
  private mapValue(n: number): Node {
    const { s } = this;
    let i = this.q;
    while (s.charCodeAt(i) === SP) i++;
    if (i >= s.length || s.charCodeAt(i) === NL) {
      this.p = Math.min(i + 1, s.length);
      return this.nested(n, true);
    }
    return this.inline(i, n, false);
  }

  /** A value on the lines below its key or `-`: a collection, or empty. */
  private nested(n: number, indentlessSeq: boolean): Node {
    this.bodyValue = false; // only a block right after `body:` is a body
    this.skipBlank();
    const { ind, q } = this;
    if (this.p >= this.s.length || ind < n || (ind === n && !(indentlessSeq && this.isDash(q)))) return scalar('', 'PLAIN');
    if (this.isDash(q)) return this.seq(ind, ind === n);
    return this.map(ind, q);
  }

  /** A block sequence whose `-` sit at column `n` (`p` at the first item's line). */
  private seq(n: number, indentless: boolean): YAMLSeq {
    const { s } = this;
    const seq = fastSeq();
    for (;;) {
      let i = this.q + 1;
      while (s.charCodeAt(i) === SP) i++;
      if (i >= s.length || s.charCodeAt(i) === NL) {
        this.p = Math.min(i + 1, s.length);
        seq.items.push(this.nested(n, false));
      } else seq.items.push(this.inline(i, n, true));
      this.skipBlank();
      if (this.p >= s.length || this.ind < n) return seq;
      if (this.ind > n || !this.isDash(this.q)) {
        // At column n but no `-`: the next key of the mapping an indentless sequence sits in.
        if (this.ind === n && indentless) return seq;
        decline();
      }
    }
  }

  /** A node starting at `i` on the line of its key or `-` (`inSeq`); `n`: the parent's column. */
  private inline(i: number, n: number, inSeq: boolean): Node {
    const { s } = this;
    const c = s.charCodeAt(i);
    if (c === 124) return this.literal(i, n, null); // '|'
    if (c === 33) return this.tagged(i, n); // '!'
    // Empty flow collections (go-vcr writes `form: {}`, `transfer_encoding: []`); no others.
    if ((c === 91 && s.charCodeAt(i + 1) === 93) || (c === 123 && s.charCodeAt(i + 1) === 125)) {
      this.endLine(i + 2);
      const empty = c === 91 ? fastSeq() : fastMap();
      empty.flow = true;
      return empty;
    }
    if (c === 39 || c === 34) {
      const j = c === 39 ? singleQuoteEnd(s, i) : doubleQuoteEnd(s, i);
      // `- 'key': value`: a compact mapping whose first key is quoted.
      if (inSeq && s.charCodeAt(j + 1) === 58) return this.map(i - this.lineStart(i), i);
      const v = this.quoted(i, j, c, n);
      this.endLine(j + 1);
      return v;
    }
    if (INDICATOR.has(c) && !(c === 45 && !this.isDash(i))) decline(); // `-1` is plain, `- x` is not
    if (inSeq && this.hasKey(i)) return this.map(i - this.lineStart(i), i);
    return this.plain(i, n, null);
  }

  private lineStart(i: number): number {
    return this.s.lastIndexOf('\n', i - 1) + 1;
  }

  /** Whether the line from `i` holds a mapping indicator (`: ` or a final `:`). */
  private hasKey(i: number): boolean {
    const { s } = this;
    const e = this.lineEnd(i);
    for (let c = s.indexOf(':', i); c >= 0 && c < e; c = s.indexOf(':', c + 1)) if (c + 1 === e || s.charCodeAt(c + 1) === SP) return true;
    return false;
  }

  /** `!!binary` / `!binary` then a scalar on the same line: base64 text, decoded lazily. */
  private tagged(i: number, n: number): Node {
    const { s } = this;
    const tag = s.startsWith('!!binary ', i) ? '!!binary' : s.startsWith('!binary ', i) ? '!binary' : decline();
    i += tag.length;
    while (s.charCodeAt(i) === SP) i++;
    const c = s.charCodeAt(i);
    if (c === 124) return this.literal(i, n, tag);
    if (c === 39 || c === 34) {
      const j = c === 39 ? singleQuoteEnd(s, i) : doubleQuoteEnd(s, i);
      const v = this.quoted(i, j, c, n, tag);
      this.endLine(j + 1);
      return v;
    }
    if (i >= s.length || c === NL || INDICATOR.has(c)) decline();
    return this.plain(i, n, tag);
  }

  private value(v: string, type: Scalar.Type, tag: string | null): Scalar {
    return scalar(tag ? new Base64Text(v) : v, type, tag);
  }

  /** A quoted scalar from `i` to its closing quote `j`, in a collection at column `n` (-1: a key). */
  private quoted(i: number, j: number, quote: number, n = -1, tag: string | null = null): Scalar {
    return this.value(quotedValue(this.s, i, j, quote, n), quote === 39 ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE', tag);
  }

  private plain(i: number, n: number, tag: string | null): Scalar {
    const r = plainValue(this.s, i, n);
    this.p = r.next;
    return this.value(r.value, 'PLAIN', tag);
  }

  private literal(i: number, n: number, tag: string | null): Scalar {
    const { lazyBodies, lazyMin, asciiBytes } = this.opts;
    const lazy = this.bodyValue && !tag && lazyBodies === true ? { min: lazyMin, bytes: asciiBytes } : null;
    this.bodyValue = false;
    const r = literalValue(this.s, i, n, lazy);
    this.p = r.next;
    if (typeof r.value !== 'string') return scalar(r.value, 'BLOCK_LITERAL');
    return this.value(r.value, 'BLOCK_LITERAL', tag);
  }
}
