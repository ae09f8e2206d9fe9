/**
 * JSON pretty-printed two spaces deep, line by line, each line knowing the path it prints, so a
 * view can highlight the lines under one path (the part of an event envelope a step changed).
 * Same text as JSON.stringify(value, null, 2).
 */
export type JsonPath = readonly (string | number)[];

export interface JsonLine {
  text: string;
  /** True when the line prints the value at `highlight` or something inside it. */
  hit: boolean;
}

export function prettyJsonLines(value: unknown, highlight: JsonPath | null = null): JsonLine[] {
  const out: JsonLine[] = [];
  const under = (path: JsonPath) => highlight !== null && highlight.length <= path.length && highlight.every((k, i) => path[i] === k);
  function walk(v: unknown, path: (string | number)[], indent: string, prefix: string, suffix: string): void {
    const hit = under(path);
    if (v !== null && typeof v === 'object') {
      const arr = Array.isArray(v);
      const entries: [string | number, unknown][] = arr ? v.map((x, i) => [i, x]) : Object.entries(v);
      const [open, close] = arr ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) {
        out.push({ text: `${indent}${prefix}${open}${close}${suffix}`, hit });
        return;
      }
      out.push({ text: `${indent}${prefix}${open}`, hit });
      entries.forEach(([k, x], i) => {
        const key = arr ? '' : `${JSON.stringify(k)}: `;
        walk(x, [...path, k], indent + '  ', key, i < entries.length - 1 ? ',' : '');
      });
      out.push({ text: `${indent}${close}${suffix}`, hit });
      return;
    }
    out.push({ text: `${indent}${prefix}${JSON.stringify(v) ?? 'null'}${suffix}`, hit });
  }
  walk(value, [], '', '', '');
  return out;
}
