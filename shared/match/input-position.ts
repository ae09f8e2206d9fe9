/**
 * Where in pasted request text a problem is: 1-based line and column of an offset, worded the
 * same for the CLI and the app's panel ("at column 6" on one line, else "at line 3, column 14").
 */
import { scanJsonAt } from '../json/scan';

export interface InputPosition {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): InputPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

export function positionText(text: string, p: InputPosition): string {
  return text.includes('\n') ? `at line ${p.line}, column ${p.column}` : `at column ${p.column}`;
}

function found(text: string, offset: number): string {
  if (offset >= text.length) return 'the text ends';
  const c = String.fromCodePoint(text.codePointAt(offset)!);
  return `found ${c === '\n' ? 'a line break' : JSON.stringify(c)}`;
}

/**
 * Why `text` is not JSON, and where. The position comes from our own scanner rather than the
 * engine's message: V8, SpiderMonkey and JavaScriptCore word it differently and V8 leaves it
 * out of some messages ("Unexpected token ..., "..." is not valid JSON").
 */
export function jsonSyntaxError(text: string): { message: string } & InputPosition {
  const at = scanJsonAt(text, () => {}) ?? { offset: text.trimEnd().length, expected: 'valid JSON' };
  const p = positionAt(text, at.offset);
  return { message: `expected ${at.expected} but ${found(text, at.offset)} ${positionText(text, p)}`, ...p };
}
