/**
 * Spans of every JSON value (objects and arrays too, unlike shared/lint/json-tokens' string
 * tokens) keyed by path, so one value can be replaced in place and every other byte kept.
 */
import type { JsonPath } from '../lint/json-tokens';

export interface ValueSpan {
  start: number;
  end: number;
}

export const pathKey = (p: JsonPath): string => JSON.stringify(p);

/** Path key → span of the value; null when the text is not JSON. */
export function valueSpans(text: string): Map<string, ValueSpan> | null {
  const out = new Map<string, ValueSpan>();
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) throw new Error('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Iterative over containers would be safer for deep input; event payloads are shallow.
  const value = (path: JsonPath, depth: number): void => {
    if (depth > 200) throw new Error('too deep');
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
            if (text[i] !== '"') throw new Error('key');
            key = str();
            ws();
            if (text[i++] !== ':') throw new Error(':');
          }
          value([...path, key], depth + 1);
          ws();
          if (text[i] === ',') i++;
          else if (text[i++] === close) break;
          else throw new Error(close);
        }
      }
    } else if (c === '"') str();
    else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) throw new Error('value');
      i += m[0].length;
    }
    out.set(pathKey(path), { start, end: i });
  };
  try {
    value([], 0);
    ws();
    return i === text.length ? out : null;
  } catch {
    return null;
  }
}
