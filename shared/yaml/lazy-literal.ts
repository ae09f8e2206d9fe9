/**
 * A big literal block body (`body: |` holding a multi-megabyte SSE stream), kept as a
 * reference into the source instead of a de-indented copy. The folder index never needs the
 * whole text of such a body: its row reads the first and last events (trim-streams.ts) and
 * its fingerprint hashes the text line by line, straight from the source (textParts). Building the text costs a
 * split/join over every line, ~14% of indexing time on the stream-heavy bench folder, so it
 * is built only if somebody asks (text()), and then once.
 *
 * Only the index line scanner makes these, only for `body` / `string` values, and only the
 * body reader (read-util.ts) and Body (body.ts) see them. The viewer's parser never does.
 */
import type { Body } from '../model/cassette';
import { deindent, literalText } from './block-literal';

/** Blocks shorter than this are resolved at once: laziness only pays on big bodies. */
export const LAZY_LITERAL_MIN = 64 * 1024;

export class LiteralText {
  private cached: string | null = null;

  /**
   * `start`: first character of the first content line (its indentation included); `stop`:
   * start of the first line after the block; `end`: just after the last content character;
   * `k`: the indentation; `eofBreak`: yaml adds one line break at a file end without one.
   */
  constructor(
    readonly s: string,
    readonly start: number,
    readonly stop: number,
    readonly end: number,
    readonly k: number,
    readonly chomp: '' | '-' | '+',
    readonly eofBreak: boolean,
    /** The file's bytes when they are `s` byte for byte (ASCII): hashed without encoding `s`. */
    private readonly bytes?: Uint8Array,
  ) {}

  /** Whether text() has been built (the index never should for a stream body). */
  get resolved(): boolean {
    return this.cached !== null;
  }

  text(): string {
    if (this.cached === null) {
      const { s, start, stop, end, k, chomp } = this;
      this.cached = literalText(s.slice(start, stop), k, end - start, chomp) + (this.eofBreak ? '\n' : '');
    }
    return this.cached;
  }

  /**
   * The text, in pieces whose concatenation is text() (de-indented lines), so a fingerprint is
   * the same whether the viewer's parser (which resolves the text) or the index's ran. From an
   * ASCII file's bytes it is one de-indented byte copy: a digest call per line cost twice that.
   */
  *textParts(): Generator<string | Uint8Array> {
    const { s, k, bytes } = this;
    const cut = this.cut();
    if (this.cached !== null) yield this.cached;
    else if (bytes) yield deindentBytes(bytes, this.start + k, cut, k);
    else {
      const sep = '\n' + ' '.repeat(k);
      for (let pos = this.start + k; pos < cut; ) {
        const nl = s.indexOf(sep, pos);
        // As deindent() on the text up to `cut`: an indentation that runs past it is kept.
        const to = nl < 0 || nl + sep.length > cut ? cut : nl + 1;
        yield s.slice(pos, to);
        pos = to === cut ? cut : to + k;
      }
    }
    if (this.cached === null && this.eofBreak) yield '\n';
  }

  /**
   * The lines of text() (each without its line break; `terminated`: whether it had one), read
   * from the source without building the text: the search index steps through a stream body
   * once, and the de-indented copy of a 20 MB body was a seventh of its time.
   */
  forEachLine(take: (line: string, terminated: boolean) => void): void {
    if (this.cached !== null) return eachLine(this.cached, take);
    const { s, k } = this;
    const cut = this.cut();
    let pos = this.start + k;
    // As deindent(): a line break followed by k spaces (inside the text) loses them.
    while (pos < cut) {
      const nl = s.indexOf('\n', pos);
      if (nl < 0 || nl >= cut) {
        take(s.slice(pos, cut), this.eofBreak);
        return;
      }
      take(s.slice(pos, nl), true);
      pos = nl + 1;
      if (pos + k <= cut && spaces(s, pos, k)) pos += k;
    }
    // The text ended with its line break; yaml's end-of-file break adds an empty line.
    if (this.eofBreak) take('', true);
  }

  /** Where the text ends in the source (after chomping), exclusive. */
  private cut(): number {
    return this.chomp === '-' ? this.end : this.chomp === '' ? this.end + 1 : this.stop;
  }

  /**
   * A prefix of the text with at least `n` characters that ends at a line end (or the whole
   * text), plus the source position it ends at.
   */
  head(n: number): { text: string; srcEnd: number } {
    const from = this.start + this.k;
    const cut = this.cut();
    for (let extra = Math.max(n + (n >> 2), 256); ; extra *= 2) {
      const q = this.s.indexOf('\n', from + extra);
      if (q < 0 || q >= cut - 1) return { text: this.text(), srcEnd: this.stop };
      const text = deindent(this.s.slice(from, q), this.k);
      if (text.length >= n) return { text, srcEnd: q };
    }
  }

  /**
   * A suffix of the text with at least `n` characters that starts with a line break (or the
   * whole text), plus the source position it starts at.
   */
  tail(n: number): { text: string; srcStart: number } {
    const cut = this.cut();
    const eof = this.eofBreak ? '\n' : '';
    for (let extra = Math.max(n + (n >> 2), 256); ; extra *= 2) {
      const a = this.s.lastIndexOf('\n', cut - 1 - extra);
      if (a < this.start + this.k || cut - 1 - extra <= this.start) return { text: this.text(), srcStart: this.start };
      const text = deindent(this.s.slice(a, cut), this.k) + eof;
      if (text.length >= n) return { text, srcStart: a };
    }
  }
}

function spaces(s: string, at: number, k: number): boolean {
  for (let i = 0; i < k; i++) if (s.charCodeAt(at + i) !== 32) return false;
  return true;
}

/** The lines of `text` as LiteralText.forEachLine gives them. */
function eachLine(text: string, take: (line: string, terminated: boolean) => void): void {
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return take(text.slice(pos), false);
    take(text.slice(pos, nl), true);
    pos = nl + 1;
  }
}

/** deindent() over bytes: every line break in [from, cut) followed by k spaces loses them. */
function deindentBytes(b: Uint8Array, from: number, cut: number, k: number): Uint8Array {
  const out = new Uint8Array(cut - from);
  let n = 0;
  for (let i = from; i < cut; ) {
    const nl = b.indexOf(10, i);
    const to = nl < 0 || nl >= cut ? cut : nl + 1;
    // A byte loop: a subarray per line (for set()) cost more than copying its ~80 bytes.
    while (i < to) out[n++] = b[i++];
    if (to === cut || to + k > cut) continue;
    let sp = 0;
    while (sp < k && b[to + sp] === 32) sp++;
    if (sp === k) i += k;
  }
  return out.subarray(0, n);
}

const literalBodies = new WeakMap<Body, LiteralText>();

export function attachLiteral(body: Body, lit: LiteralText): void {
  literalBodies.set(body, lit);
}

/** The unresolved literal behind a body, if its text has not been built from the source. */
export function literalOf(body: Body): LiteralText | undefined {
  return literalBodies.get(body);
}
