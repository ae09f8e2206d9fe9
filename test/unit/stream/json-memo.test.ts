/**
 * jsonMemo must give what tryJson gives, event after event: on token streams (where it takes
 * its template path, seen by the unchanged parts it shares between events) and on every case
 * that must fall back to a parse (escapes, keys, numbers, types, duplicate keys, __proto__).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonMemo } from '../../../shared/stream/json-memo';
import { tryJson } from '../../../shared/stream/json-event';

/** Parses `texts` in order with one memo and checks each result against tryJson's. */
function same(texts: string[], hitsWanted?: number): unknown[] {
  const memo = jsonMemo();
  const out = texts.map((t) => {
    const got = memo(t);
    const want = tryJson(t);
    // JSON.stringify also holds key order and own `__proto__` keys to account.
    expect([t, JSON.stringify(got)]).toEqual([t, JSON.stringify(want)]);
    expect(got).toEqual(want);
    return got;
  });
  if (hitsWanted !== undefined) expect(memo.hits).toBe(hitsWanted);
  return out;
}

const chunk = (content: string, extra = '') =>
  `{"id":"c1","object":"chunk","meta":{"a":1}${extra},"choices":[{"index":0,"delta":{"content":"${content}"},"finish_reason":null}]}`;

describe('jsonMemo', () => {
  it('swaps the delta of a token stream into the last tree, sharing the rest', () => {
    const words = ['the ', 'quick ', 'brown ', 'fox ', '', 'jumps ', 'a', 'over '];
    const out = same(words.map((w) => chunk(w)), words.length - 2) as { meta: unknown; choices: { delta: { content: string } }[] }[];
    // From the third event on, the template path: the unchanged `meta` object is shared.
    expect(out[3].meta).toBe(out[2].meta);
    expect(out[7].meta).toBe(out[1].meta);
    expect(out.map((o) => o.choices[0].delta.content)).toEqual(words);
    // The trees handed out before are left as they were.
    expect(out[1].choices[0].delta.content).toBe('quick ');
  });

  it("takes OpenAI's chunks, whose random `obfuscation` padding changes beside the delta", () => {
    const words = ['the ', 'quick ', 'brown ', 'fox ', 'jumps '];
    const pads = ['k3', 'Zq9aB', '', 'x', 'mmmmmm'];
    const out = same(words.map((w, i) => chunk(w, `,"obfuscation":"${pads[i]}"`)), words.length - 2) as { obfuscation: string }[];
    expect(out.map((o) => o.obfuscation)).toEqual(pads);
    // Two slots whose values are the same in both events could be either leaf: a parse.
    same(['{"a":"x","b":"x"}', '{"a":"y","b":"y"}', '{"a":"z","b":"z"}', '{"a":"p","b":"q"}'], 0);
    // Told apart by their values, they make one.
    same(['{"a":"x","b":"x"}', '{"a":"p","b":"q"}', '{"a":"r","b":"s"}'], 1);
    // Three strings changing at once: more than a template holds.
    same(['{"a":"1","b":"2","c":"3"}', '{"a":"4","b":"5","c":"6"}', '{"a":"7","b":"8","c":"9"}'], 0);
  });

  it('falls back to a parse for escapes, quotes, control characters and unicode escapes', () => {
    same([chunk('a'), chunk('b'), chunk('line\\nbreak'), chunk('say \\"hi\\"'), chunk('\\u0041'), chunk('c'), chunk('back\\\\'), chunk('d'), chunk('tab\t'), chunk('e')]);
  });

  it('falls back when a key, a number, a type or the shape changes', () => {
    same([
      '{"a":"x","b":"y"}', '{"a":"z","b":"y"}', '{"aa":"z","b":"y"}', '{"a":"q","b":"y"}',
      '{"a":1,"b":"y"}', '{"a":2,"b":"y"}', '{"a":null,"b":"y"}', '{"a":"w","b":"y"}',
      '{"a":["w"],"b":"y"}', '{"a":"w","b":"y","c":"v"}', '{"a":"v","b":"y"}', '{"a":"v"}',
    ]);
  });

  it('handles a middle inside a key, duplicate keys, __proto__ and escaped quotes in the head', () => {
    same(['{"k1":"v"}', '{"k2":"v"}', '{"k3":"v"}'], 0);
    same(['{"a":"x","a":"y"}', '{"a":"z","a":"y"}', '{"a":"w","a":"y"}', '{"a":"w","a":"q"}', '{"a":"w","a":"r"}']);
    same(['{"__proto__":{"x":"a"}}', '{"__proto__":{"x":"b"}}', '{"__proto__":{"x":"c"}}']);
    same(['{"__proto__":"a"}', '{"__proto__":"b"}', '{"__proto__":"c"}'], 0);
    same(['{"q":"say \\"x","t":"a"}', '{"q":"say \\"x","t":"b"}', '{"q":"say \\"x","t":"c"}', '{"q":"say \\"y","t":"c"}']);
    same(['{"t":"a"}', '[DONE]', '{"t":"b"}', '{"t":"c"}', 'not json', '  {"t":"d"}', '{"t":"e"}', '"str"', '12', '{"t":"f"}']);
  });

  it('equals tryJson on random streams of a few templates and pieces', () => {
    const piece = fc.constantFrom('a', 'bc', '', ' ', '"', '\\"', '\\n', '\\\\', '\\u00e9', 'é', '\u2028', 'x"y', '","z":"', '}', '1');
    const template = fc.constantFrom(
      (p: string) => chunk(p),
      (p: string) => chunk(p, ',"obfuscation":"' + p + '"'),
      (p: string, q: string) => chunk(p, ',"obfuscation":"' + q + '"'),
      (p: string, q: string) => `{"a":"${q}","b":[1,"${p}"],"c":"${p}${q}"}`,
      (p: string) => `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${p}"}}`,
      (p: string) => `{"t":["${p}",{"u":"${p}"}],"n":1}`,
      (p: string) => `{"${p}":"v"}`,
      (p: string) => `{"a":"${p}","a":"k"}`,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(template, fc.array(piece, { maxLength: 3 }), fc.array(piece, { maxLength: 2 })), { maxLength: 30 }), (evs) => {
        same(evs.map(([t, ps, qs]) => t(ps.join(''), qs.join(''))));
      }),
      { numRuns: 600 },
    );
  });
});
