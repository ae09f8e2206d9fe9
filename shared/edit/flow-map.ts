/**
 * Decodes a flow scalar's source (plain, 'single', "double") into its value together with the
 * source index of every value character, so a change inside a long folded scalar can be spliced
 * into the one source line it touches instead of re-rendering (and reflowing) the whole scalar.
 */

export interface FlowDecoded {
  value: string;
  /** pos[k] = source index where value char k comes from; pos[value.length] = end of content. */
  pos: Int32Array;
  /**
   * Every line break of the source with what it folds to: source [src, srcEnd) (trailing
   * whitespace, breaks, empty lines and the next line's indentation; for a double-quoted `\`
   * continuation from the backslash) produces value [at, atEnd) (a space, newlines, or nothing).
   */
  folds: Fold[];
}

export interface Fold {
  src: number;
  srcEnd: number;
  at: number;
  atEnd: number;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

const isWs = (c: string | undefined) => c === ' ' || c === '\t';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

export function decodeFlow(source: string, type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar'): FlowDecoded | null {
  const quoted = type !== 'scalar';
  const begin = quoted ? 1 : 0;
  const end = quoted ? source.length - 1 : source.length;
  if (quoted && source.length < 2) return null;
  let value = '';
  // A value is never longer than its source (every escape, quote pair and fold shrinks or
  // keeps it), so one typed array holds every position; a growing number[] was most of the cost.
  const pos = new Int32Array(source.length + 1);
  let n = 0;
  const folds: Fold[] = [];
  const emit = (s: string, at: number) => {
    value += s;
    for (let k = 0; k < s.length; k++) pos[n++] = at;
  };
  // Character codes that end a run of ordinary characters: space, tab, LF, CR, and the quote's
  // own escape character.
  const stop = type === 'single-quoted-scalar' ? 39 : type === 'double-quoted-scalar' ? 92 : -1;
  const special = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === stop;
  let i = begin;
  while (i < end) {
    const c = source[i];
    if (isWs(c)) {
      // Whitespace that runs into a line break is trimmed (folding).
      let j = i;
      while (j < end && isWs(source[j])) j++;
      if (j < end && isBreak(source[j])) {
        i = fold(i, j);
        continue;
      }
      emit(source.slice(i, j), i);
      for (let k = i + 1; k < j; k++) pos[n - (j - k)] = k;
      i = j;
      continue;
    }
    if (isBreak(c)) {
      i = fold(i, i);
      continue;
    }
    if (type === 'single-quoted-scalar' && c === "'") {
      if (source[i + 1] !== "'") return null;
      emit("'", i);
      i += 2;
      continue;
    }
    if (type === 'double-quoted-scalar' && c === '\\') {
      const n = source[i + 1];
      if (n === undefined) return null;
      if (isBreak(n)) {
        // Escaped line break: joins lines without a space, drops the next line's indentation.
        let j = i + 1;
        j += source[j] === '\r' && source[j + 1] === '\n' ? 2 : 1;
        while (j < end && isWs(source[j])) j++;
        folds.push({ src: i, srcEnd: j, at: value.length, atEnd: value.length });
        i = j;
        continue;
      }
      const hex = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
      if (hex) {
        const code = parseInt(source.slice(i + 2, i + 2 + hex), 16);
        if (!Number.isFinite(code)) return null;
        emit(String.fromCodePoint(code), i);
        i += 2 + hex;
        continue;
      }
      const e = ESCAPES[n];
      if (e === undefined) return null;
      emit(e, i);
      i += 2;
      continue;
    }
    // A run of ordinary characters maps one to one: copied in one slice, since bodies are
    // mostly such runs and a character-by-character copy made redaction of big files crawl.
    let j = i + 1;
    while (j < end && !special(source.charCodeAt(j))) j++;
    value += source.slice(i, j);
    for (let k = i; k < j; k++) pos[n++] = k;
    i = j;
  }
  pos[n++] = end;
  return { value, pos: pos.subarray(0, n), folds };

  /** Folds the break(s) starting at `j` (trailing whitespace began at `wsStart`). */
  function fold(wsStart: number, j: number): number {
    let breaks = 0;
    let k = j;
    for (;;) {
      if (source[k] === '\r' && source[k + 1] === '\n') k += 2;
      else if (isBreak(source[k])) k++;
      else break;
      breaks++;
      while (k < end && isWs(source[k])) k++;
    }
    const at = value.length;
    emit(breaks === 1 ? ' ' : '\n'.repeat(breaks - 1), wsStart);
    folds.push({ src: wsStart, srcEnd: k, at, atEnd: value.length });
    return k;
  }
}

/** YAML double-quoted (and JSON-compatible) escaping of a value, on one line. */
export function doubleQuote(value: string): string {
  let s = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') s += '\\"';
    else if (ch === '\\') s += '\\\\';
    else if (ch === '\n') s += '\\n';
    else if (ch === '\t') s += '\\t';
    else if (ch === '\r') s += '\\r';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029)
      s += '\\u' + c.toString(16).padStart(4, '0');
    else s += ch;
  }
  return s + '"';
}
