/**
 * The one JSON offset scanner. Edits replace one value in a JSON body in place, keeping every
 * other byte (Go escapes `<` as `\u003c`, JSON.stringify does not: re-serializing would change
 * bytes nobody meant to change). Lint fixes want the string tokens, the edit engine the span of
 * every value; both are views of this one scan.
 *
 * Hand-written rather than jsonc-parser: it must reject what JSON.parse rejects (jsonc-parser
 * accepts comments and trailing commas), and ~70 lines do not justify a dependency.
 */

export type JsonPath = (string | number)[];

/** Containers deeper than this make the text "not JSON" here: the scan recurses per level. */
const MAX_DEPTH = 512;
const NUMBER_OR_WORD = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/;

/** Where a scan stopped and what it expected there (for "expected ':' at line 2, column 7"). */
export interface JsonScanError {
  offset: number;
  expected: string;
}

class ScanStop {
  constructor(readonly offset: number, readonly expected: string) {}
}

/**
 * Walks `text` as one JSON value and calls `onValue` for every value, children before their
 * container, with its path and offsets (strings include their quotes; `str` is the decoded
 * string for string values). Null when it is JSON, else where and why the scan stopped.
 */
export function scanJsonAt(text: string, onValue: (path: JsonPath, start: number, end: number, str?: string) => void): JsonScanError | null {
  let i = 0;
  const stop = (at: number, expected: string): never => {
    throw new ScanStop(at, expected);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) stop(start, 'a closing quote for this string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return stop(start, 'a valid string (control characters and bad escapes are not allowed)');
    }
  };
  const value = (path: JsonPath, depth: number): void => {
    if (depth > MAX_DEPTH) stop(i, `at most ${MAX_DEPTH} levels of nesting`);
    ws();
    const start = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) i++;
      else {
        for (let n = 0; ; n++) {
          ws();
          let key: string | number = n;
          if (c === '{') {
            if (text[i] !== '"') stop(i, 'a double-quoted property name');
            key = str();
            ws();
            if (text[i] !== ':') stop(i, "':' after the property name");
            i++;
          }
          value([...path, key], depth + 1);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === close) {
            i++;
            break;
          } else stop(i, `',' or '${close}'`);
        }
      }
    } else if (c === '"') {
      const s = str();
      onValue(path, start, i, s);
      return;
    } else {
      const m = NUMBER_OR_WORD.exec(text.slice(i, i + 64));
      if (!m) stop(i, 'a value');
      i += m![0].length;
    }
    onValue(path, start, i);
  };
  try {
    value([], 0);
    ws();
    return i === text.length ? null : { offset: i, expected: 'the end of the text after the value' };
  } catch (e) {
    if (e instanceof ScanStop) return { offset: e.offset, expected: e.expected };
    throw e;
  }
}

/** As `scanJsonAt`, true when the text is JSON. */
export function scanJson(text: string, onValue: (path: JsonPath, start: number, end: number, str?: string) => void): boolean {
  return scanJsonAt(text, onValue) === null;
}

export interface StringToken {
  /** Offsets of the token including its quotes. */
  start: number;
  end: number;
  value: string;
  path: JsonPath;
}

/** Every string value with its path and offsets; null when the text is not JSON. */
export function stringTokens(text: string): StringToken[] | null {
  const out: StringToken[] = [];
  const ok = scanJson(text, (path, start, end, value) => {
    if (value !== undefined) out.push({ start, end, value, path });
  });
  return ok ? out : null;
}

/** Replaces the given tokens' values (non-overlapping), keeping every other byte. */
export function replaceTokens(text: string, tokens: StringToken[], to: string): string {
  const sorted = [...tokens].sort((a, b) => b.start - a.start);
  let out = text;
  for (const t of sorted) out = out.slice(0, t.start) + JSON.stringify(to) + out.slice(t.end);
  return out;
}

export interface ValueSpan {
  start: number;
  end: number;
}

export const pathKey = (p: JsonPath): string => JSON.stringify(p);

/** Path key → span of every value (objects and arrays too); null when the text is not JSON. */
export function valueSpans(text: string): Map<string, ValueSpan> | null {
  const out = new Map<string, ValueSpan>();
  return scanJson(text, (path, start, end) => void out.set(pathKey(path), { start, end })) ? out : null;
}
