import { describe, expect, it } from 'vitest';
import { formatToolArgs, isJsonPrefix } from '../../../renderer/src/features/tool-calls/format-args';

describe('tool-call argument formatting', () => {
  it('pretty-prints complete JSON', () => {
    const f = formatToolArgs({ arguments: '{"a": 2, "b": 3}', parse: 'complete' });
    expect(f.status).toBe('complete');
    expect(f.text).toBe('{\n  "a": 2,\n  "b": 3\n}');
  });

  it('keeps partial JSON exactly as streamed and labels it partial', () => {
    const f = formatToolArgs({ arguments: '{"a": 2, "', parse: 'partial' });
    expect(f).toEqual({ status: 'partial', text: '{"a": 2, "', label: 'partial' });
  });

  it('flags invalid JSON with the parser message', () => {
    const f = formatToolArgs({ arguments: '{"a": 2}}', parse: 'invalid' });
    expect(f.status).toBe('invalid');
    expect(f.label).toBe('invalid JSON');
    expect(f.text).toBe('{"a": 2}}');
    expect(f.error).toMatch(/JSON/);
  });

  it('classifies by itself when the assembler gave no verdict', () => {
    const undecided = (s: string) => formatToolArgs({ arguments: s, parse: undefined as never }).status;
    expect(undecided('')).toBe('empty');
    expect(undecided('  ')).toBe('empty');
    expect(undecided('{"x":1}')).toBe('complete');
    expect(undecided('{"x":[1,')).toBe('partial');
    expect(undecided('{"x":1]')).toBe('invalid');
    expect(undecided('hello')).toBe('invalid');
  });

  it('recognises JSON prefixes, including open strings with escapes', () => {
    expect(isJsonPrefix('{"a": "he said \\"')).toBe(true);
    expect(isJsonPrefix('[{"a": tr')).toBe(true);
    expect(isJsonPrefix('{"a": 1}')).toBe(false); // complete, not a strict prefix
    expect(isJsonPrefix('{]')).toBe(false);
  });
});
