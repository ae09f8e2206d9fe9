/**
 * String value tokens of a JSON text with their paths and offsets, so one occurrence of a value
 * can be replaced without re-serializing the JSON (Go escapes `<` as `\u003c`, JSON.stringify
 * does not: re-serializing would change bytes nobody meant to change).
 */

export type JsonPath = (string | number)[];

export interface StringToken {
  /** Offsets of the token including its quotes. */
  start: number;
  end: number;
  value: string;
  path: JsonPath;
}

/** Scans a JSON text; returns null when it is not JSON. */
export function stringTokens(text: string): StringToken[] | null {
  const out: StringToken[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: JsonPath): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Error('key');
        const key = str();
        ws();
        if (text[i++] !== ':') throw new Error(':');
        value([...path, key]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i++] === '}') return;
        else throw new Error('}');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value([...path, n]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i++] === ']') return;
        else throw new Error(']');
      }
    } else if (c === '"') {
      const start = i;
      const v = str();
      out.push({ start, end: i, value: v, path });
    } else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) throw new Error('value');
      i += m[0].length;
    }
  };
  try {
    value([]);
    ws();
    return i === text.length ? out : null;
  } catch {
    return null;
  }
}

/** Replaces the given tokens' values (non-overlapping), keeping every other byte. */
export function replaceTokens(text: string, tokens: StringToken[], to: string): string {
  const sorted = [...tokens].sort((a, b) => b.start - a.start);
  let out = text;
  for (const t of sorted) out = out.slice(0, t.start) + JSON.stringify(to) + out.slice(t.end);
  return out;
}
