/**
 * Random recorder-like YAML documents for the line scanner's property tests: every scalar
 * style (multi-line plain, single- and double-quoted folding, escapes, literal blocks),
 * sequences, compact mappings, odd indentation and indicator characters, and sometimes one
 * random edit, so decline paths are exercised as much as accepting ones.
 */
const WORDS = ['a', 'bc', 'x1', '-1', '0x1F', 'null', '~', "it's", 'say "hi"', 'a:b', 'a: b', 'x #y', 'x#y', '#x', '[a]', '{b}',
  'a,b', 'é', '\\', '- x', '? x', '!x', '&x', '*x', '|', '>', '%', '@x', '...', '---', 'k:', 'http://h/p?q=1'];
const ESCAPES = ['\\n', '\\t', '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\ ', '\\/', '\\q', '\\x4'];
/** Words without indicators, so multi-line plain scalars are accepted often enough to test their folding. */
const TAME = ['a', 'bc', 'x1', "it's", 'say "hi"', 'a:b', 'x#y', 'é', '\\', 'http://h/p?q=1', 'a,b', 'x-y', 'x.'];
const KEYS = ['a', 'b', 'c', 'k1', '"q"', "'s'", 'a b', 'x:y', '-k', 'k#', 'Content-Type', '"e\\u00e9"'];

/** Renders one random document from `seed` (a PRNG drives every choice, so cases shrink to a seed). */
export interface DocOptions {
  /** Chance of a line break between two words of a flow scalar. */
  multiLine: number;
  /** Indicator-free words and keys, flow scalars only, no random edit: for the folding test. */
  tame?: boolean;
}

export function randomDoc(seed: number, opts: DocOptions = { multiLine: 0.3 }): string {
  const words = opts.tame ? TAME : WORDS;
  let st = seed >>> 0 || 1;
  const rnd = () => (st = (Math.imul(st, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const sp = (k: number) => ' '.repeat(Math.max(0, k));

  /** A line break inside a flow scalar whose parent collection sits at column n. */
  const brk = (n: number) => {
    const ind = sp(n + pick([-1, 0, 1, 1, 2, 3]));
    return pick(['\n' + ind, '\n\n' + ind, ' \n' + ind, '\n   \n' + ind, '\n\n\n' + ind]);
  };
  const flow = (n: number, f: (w: string) => string = (w) => w) => {
    let out = f(pick(words));
    for (let i = Math.floor(rnd() * 5); i > 0; i--) out += (rnd() < opts.multiLine ? brk(n) : pick([' ', '  '])) + f(pick(words));
    return out;
  };
  const scalar = (n: number): string => {
    const styles = ['plain', 'plain', 'single', 'single', 'double', 'double', 'literal', 'literal', 'empty', 'tagged', 'flow'];
    switch (pick(opts.tame ? styles.slice(0, 6) : styles)) {
      case 'plain':
        return flow(n);
      case 'single':
        return `'${flow(n, (w) => w.replace(/'/g, rnd() < 0.9 ? "''" : "'"))}'`;
      case 'double':
        return `"${flow(n, (w) => (rnd() < 0.3 ? pick(ESCAPES) : w.replace(/["\\]/g, (c) => (rnd() < 0.9 ? '\\' + c : c))) + (rnd() < 0.1 ? '\\' + brk(n) : ''))}"`;
      case 'literal': {
        const lines = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
          const r = rnd();
          return r < 0.15 ? '' : r < 0.2 ? sp(n + pick([0, 1, 3])) : sp(n + 2 + pick([0, 0, 0, 1, 2, -1])) + pick(words);
        });
        return `${pick(['|', '|-', '|+', '|2', '>'])}\n${lines.join('\n')}${pick(['', '', '\n', '\n\n'])}`;
      }
      case 'empty':
        return '';
      case 'tagged':
        return pick(['!!binary ', '!binary ', '!!str ']) + pick(["'eA=='", 'eA==', `|\n${sp(n + 2)}eA==`]);
      default:
        return pick(['[]', '{}', '[ ]', '[a]']);
    }
  };
  const map = (n: number, depth: number): string[] => {
    const out: string[] = [];
    for (let i = 1 + Math.floor(rnd() * 4); i > 0; i--) {
      const key = opts.tame ? `k${i}` : pick(KEYS);
      const r = rnd();
      if (!opts.tame && rnd() < 0.05) out.push(pick(['', sp(n) + '# c', sp(n + 1)]));
      if (depth < 3 && r < 0.25) out.push(`${sp(n)}${key}:`, ...map(n + pick([2, 2, 1, 4]), depth + 1));
      else if (depth < 3 && r < 0.45) out.push(`${sp(n)}${key}:`, ...seq(n + pick([0, 0, 2]), depth + 1));
      else out.push(`${sp(n)}${key}:${pick([' ', ' ', '  '])}${scalar(n)}`);
    }
    return out;
  };
  const seq = (n: number, depth: number): string[] => {
    const out: string[] = [];
    for (let i = 1 + Math.floor(rnd() * 3); i > 0; i--) {
      const r = rnd();
      if (r < 0.3) {
        const m = map(n + 2, depth + 1);
        out.push(`${sp(n)}- ${m[0].slice(n + 2)}`, ...m.slice(1));
      } else if (r < 0.4) out.push(`${sp(n)}-`, ...map(n + 2, depth + 1));
      else out.push(`${sp(n)}- ${scalar(n)}`);
    }
    return out;
  };
  let doc = (rnd() < 0.3 ? '---\n' : '') + map(0, 0).join('\n') + pick(['\n', '\n', '', '\n...\n', '\n\n']);
  if (!opts.tame && rnd() < 0.3) {
    // One random edit: an indicator, a space, a line break, a tab or a deletion somewhere.
    const at = Math.floor(rnd() * doc.length);
    const ins = pick([' ', '\n', ':', '#', '-', "'", '"', '\\', '\t', 'x', '  ', '']);
    doc = doc.slice(0, at) + ins + doc.slice(at + (ins === '' ? 1 : 0));
  }
  return doc;
}
