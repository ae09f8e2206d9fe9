/**
 * Seeded mutations of cassette text for the fuzz suite: the damage real files suffer (cut
 * short, lines lost or repeated, indentation shifted, bytes flipped) and the YAML/JSON tokens
 * that drive parsers into their rare paths (anchors, aliases, tags, flow brackets, block
 * scalars, BOMs, NULs, huge numbers, broken base64).
 */

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '[', ']', '{', '}', ': ', '- ', '? ', '*a', '&a ', '*undefined', '!!binary ', '!ruby/object ', '!!str ', '|', '>-', '|+', '"', "'", '#', '\t',
  '\u0000', '\uFEFF', '\r', '%YAML 1.1\n', '---\n', '...\n', '<<: *a\n', '999999999999999999999999', '-1', '1e309', 'null', '~', '\\u0000', '\\ud800',
  'data: {"choices":[{"delta":{"content":"x"}}]}\n\n', 'event: message_stop\n', 'H4sIAAAAAAAA', '====', '\u202e', '\uD800',
];

type Mutator = (text: string, r: () => number) => string;
const at = (text: string, r: () => number) => Math.floor(r() * (text.length + 1));
const pick = <T>(xs: T[], r: () => number): T => xs[Math.floor(r() * xs.length)];

const MUTATORS: Record<string, Mutator> = {
  truncate: (t, r) => t.slice(0, at(t, r)),
  insertToken: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(TOKENS, r) + t.slice(i);
  },
  flipChars: (t, r) => {
    const cs = [...t];
    for (let k = 0; k < 1 + Math.floor(r() * 8); k++) cs[Math.floor(r() * cs.length)] = String.fromCharCode(Math.floor(r() * 0x80));
    return cs.join('');
  },
  dropLine: (t, r) => {
    const ls = t.split('\n');
    ls.splice(Math.floor(r() * ls.length), 1 + Math.floor(r() * 3));
    return ls.join('\n');
  },
  repeatLine: (t, r) => {
    const ls = t.split('\n');
    const i = Math.floor(r() * ls.length);
    ls.splice(i, 0, ...Array(1 + Math.floor(r() * 50)).fill(ls[i]));
    return ls.join('\n');
  },
  shiftIndent: (t, r) => {
    const ls = t.split('\n');
    const i = Math.floor(r() * ls.length);
    ls[i] = r() < 0.5 ? ls[i].replace(/^ {1,4}/, '') : '  '.repeat(1 + Math.floor(r() * 4)) + ls[i];
    return ls.join('\n');
  },
  spliceChunk: (t, r) => {
    const a = at(t, r);
    const b = at(t, r);
    const chunk = t.slice(Math.min(a, b), Math.min(Math.max(a, b), Math.min(a, b) + 4096));
    const i = at(t, r);
    return t.slice(0, i) + chunk + t.slice(i);
  },
  swapNumbers: (t, r) => t.replace(/\b\d+\b/g, (m) => (r() < 0.1 ? pick(['-1', '0', '1e309', '99999999999999999999', 'NaN', '.inf'], r) : m)),
  nest: (t, r) => {
    const i = at(t, r);
    const n = 1 + Math.floor(r() * 600);
    return t.slice(0, i) + '['.repeat(n) + t.slice(i);
  },
};
const NAMES = Object.keys(MUTATORS);

/** 1 to 3 mutations of `text`; returns the new text and what was done (for the report). */
export function mutate(text: string, r: () => number): { text: string; ops: string[] } {
  let t = text;
  const ops: string[] = [];
  for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
    const name = pick(NAMES, r);
    t = MUTATORS[name](t, r);
    ops.push(name);
  }
  return { text: t, ops };
}
