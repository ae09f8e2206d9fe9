import { describe, expect, it } from 'vitest';
import { pathKey, stringTokens, valueSpans, scanJsonAt } from '../../../shared/json/scan';

const SRC = '{"a": [1, "x\\u003cy", {"b": null}], "c": "d"}';

describe('the one JSON scanner', () => {
  it('gives every value its span, and strings their decoded value, from one scan', () => {
    const spans = valueSpans(SRC)!;
    const at = (p: (string | number)[]) => {
      const s = spans.get(pathKey(p))!;
      return SRC.slice(s.start, s.end);
    };
    expect(at([])).toBe(SRC);
    expect(at(['a'])).toBe('[1, "x\\u003cy", {"b": null}]');
    expect(at(['a', 1])).toBe('"x\\u003cy"');
    expect(at(['a', 2, 'b'])).toBe('null');
    expect(stringTokens(SRC)!.map((t) => [t.path, t.value, SRC.slice(t.start, t.end)])).toEqual([
      [['a', 1], 'x<y', '"x\\u003cy"'],
      [['c'], 'd', '"d"'],
    ]);
  });

  it('rejects what JSON.parse rejects', () => {
    for (const bad of ['{"a": 1,}', '{"a": 1} // c', '[1 2]', '{"a" 1}', '"open', '{a: 1}', '\u00a0{}']) {
      expect(() => JSON.parse(bad)).toThrow();
      expect(valueSpans(bad)).toBeNull();
      expect(stringTokens(bad)).toBeNull();
    }
  });

  it('refuses nesting deeper than it recurses, instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(valueSpans(deep)).toBeNull();
    expect(valueSpans('['.repeat(300) + ']'.repeat(300))).not.toBeNull();
  });
});

describe('scanJsonAt', () => {
  it('says where a text stops being JSON and what it expected there', () => {
    expect(scanJsonAt('{"a": 1,}', () => {})).toEqual({ offset: 8, expected: 'a double-quoted property name' });
    expect(scanJsonAt('{"a" 1}', () => {})).toEqual({ offset: 5, expected: "':' after the property name" });
    expect(scanJsonAt('[1 2]', () => {})).toEqual({ offset: 3, expected: "',' or ']'" });
    expect(scanJsonAt('{"a": tru}', () => {})).toEqual({ offset: 6, expected: 'a value' });
    expect(scanJsonAt('{"a": "x', () => {})).toEqual({ offset: 6, expected: 'a closing quote for this string' });
    expect(scanJsonAt('{} x', () => {})).toEqual({ offset: 3, expected: 'the end of the text after the value' });
    expect(scanJsonAt('{"a": [1]}', () => {})).toBeNull();
  });
});
