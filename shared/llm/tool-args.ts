/**
 * Classifies streamed tool-call arguments: empty / partial (a growing prefix of valid JSON) /
 * complete / invalid. partial-json is O(n²) on long prefixes (2–3 ms for 8 KB), too slow for
 * replay seeks, so the common cases close the open strings/brackets in one linear scan and let
 * the native JSON.parse check the result; partial-json remains the fallback for odd cut points.
 */
import { Allow, parse as parsePartial } from 'partial-json';
import type { ArgsParse } from '../model/llm';

export function classifyArgs(text: string): { parse: ArgsParse; value?: unknown } {
  if (text.trim() === '') return { parse: 'empty' };
  try {
    return { parse: 'complete', value: JSON.parse(text) };
  } catch {
    // fall through: maybe a prefix of valid JSON
  }
  for (const candidate of closings(text)) {
    try {
      return { parse: 'partial', value: JSON.parse(candidate) };
    } catch {
      // try the next way of closing it
    }
  }
  try {
    // partial-json throws on malformed input, so a value means "valid prefix".
    const value: unknown = parsePartial(text, Allow.ALL);
    return { parse: 'partial', value };
  } catch {
    return { parse: 'invalid' };
  }
}

/** Ways to complete a cut-off JSON text: close the string, drop a dangling comma, fill a missing value. */
function closings(text: string): string[] {
  const stack: string[] = [];
  let inStr = false;
  let esc = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inStr) {
      if (esc) esc = false;
      else if (ch === 92) esc = true;
      else if (ch === 34) inStr = false;
      continue;
    }
    if (ch === 34) inStr = true;
    else if (ch === 123) stack.push('}');
    else if (ch === 91) stack.push(']');
    else if (ch === 125 || ch === 93) {
      if (stack.pop() !== String.fromCharCode(ch)) return []; // mismatched: let the fallback decide
    }
  }
  if (stack.length === 0 && !inStr) return [];
  const close = stack.reverse().join('');
  let base = text;
  if (inStr) base = (esc ? text.slice(0, -1) : text) + '"';
  base = base.trimEnd();
  const out = [base + close, base + ':null' + close];
  if (base.endsWith(',')) out.push(base.slice(0, -1) + close);
  if (base.endsWith(':')) out.push(base + 'null' + close);
  return out;
}
