/**
 * Split a shell command line into words the way bash would for a pasted curl command: single
 * quotes, double quotes (backslash escapes only $ ` " \ and newline), ANSI-C `$'...'` (what
 * browsers' "Copy as cURL" emits), backslash escapes and backslash-newline continuations.
 */
export type Words = { words: string[] } | { error: string; column: number };

const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

export function shellWords(line: string): Words {
  const words: string[] = [];
  let cur: string | null = null;
  let i = 0;
  const add = (s: string) => (cur = (cur ?? '') + s);
  while (i < line.length) {
    const c = line[i];
    if (c === '\\' && (line[i + 1] === '\n' || (line[i + 1] === '\r' && line[i + 2] === '\n'))) {
      i += line[i + 1] === '\n' ? 2 : 3;
    } else if (/\s/.test(c)) {
      if (cur !== null) words.push(cur);
      cur = null;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: 'unterminated single quote', column: i + 1 };
      add(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '$' && line[i + 1] === "'") {
      let j = i + 2;
      let s = '';
      for (; j < line.length && line[j] !== "'"; j++) {
        if (line[j] !== '\\') { s += line[j]; continue; }
        const e = line[++j];
        const hex = e === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(line.slice(j + 1)) : e === 'u' ? /^[0-9a-fA-F]{1,4}/.exec(line.slice(j + 1)) : null;
        if (hex) { s += String.fromCodePoint(parseInt(hex[0], 16)); j += hex[0].length; }
        else s += ANSI[e] ?? '\\' + e;
      }
      if (j >= line.length) return { error: "unterminated $'...' quote", column: i + 1 };
      add(s);
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && '$`"\\\n'.includes(line[j + 1] ?? '')) {
          if (line[j + 1] !== '\n') s += line[j + 1];
          j++;
        } else s += line[j];
      }
      if (j >= line.length) return { error: 'unterminated double quote', column: i + 1 };
      add(s);
      i = j + 1;
    } else if (c === '\\') {
      add(line[i + 1] ?? '');
      i += 2;
    } else {
      add(c);
      i++;
    }
  }
  if (cur !== null) words.push(cur);
  return { words };
}
