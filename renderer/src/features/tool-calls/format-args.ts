/**
 * How a tool call's arguments are shown while they stream. Complete JSON is pretty-printed;
 * partial JSON stays exactly as streamed (re-printing a best-effort parse would invent closing
 * brackets the model never sent); invalid JSON is shown raw and flagged with the parse error.
 */
import type { ArgsParse, ToolCallState } from '../../../../shared/model/llm';

export interface FormattedArgs {
  status: ArgsParse;
  text: string;
  label: string;
  /** Why invalid JSON failed, for the flag's tooltip. */
  error?: string;
}

const LABELS: Record<ArgsParse, string> = {
  complete: 'complete',
  partial: 'partial',
  invalid: 'invalid JSON',
  empty: 'no arguments yet',
};

export function formatToolArgs(call: Pick<ToolCallState, 'arguments' | 'parse'>): FormattedArgs {
  const raw = call.arguments;
  const status = classify(raw, call.parse);
  if (status === 'complete' && raw.length <= PRETTY_LIMIT) {
    try {
      return { status, text: JSON.stringify(JSON.parse(raw), null, 2), label: LABELS.complete };
    } catch {
      /* the assembler said complete but it does not parse here: trust the text */
    }
  }
  if (status === 'invalid') {
    let error: string | undefined;
    try {
      JSON.parse(raw);
    } catch (e) {
      error = (e as Error).message;
    }
    return { status, text: raw, label: LABELS.invalid, error };
  }
  return { status, text: raw, label: LABELS[status] };
}

/**
 * The assembler's verdict wins; when it is missing we decide here: an empty or blank string is
 * empty, parseable is complete, a JSON prefix is partial, anything else invalid.
 */
function classify(raw: string, parse: ArgsParse | undefined): ArgsParse {
  if (parse) return parse;
  if (!raw.trim()) return 'empty';
  try {
    JSON.parse(raw);
    return 'complete';
  } catch {
    return isJsonPrefix(raw) ? 'partial' : 'invalid';
  }
}

/** True when `s` can be extended into valid JSON (a cheap scanner, no backtracking needed). */
export function isJsonPrefix(s: string): boolean {
  const stack: string[] = [];
  let inStr = false;
  let esc = false;
  for (const ch of s.trim()) {
    if (inStr) {
      if (esc) esc = false;
      else if (ch === '\\') esc = true;
      else if (ch === '"') inStr = false;
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') {
      const open = stack.pop();
      if ((ch === '}' && open !== '{') || (ch === ']' && open !== '[')) return false;
    } else if (!/[\s,:0-9eE+\-.a-z]/.test(ch)) return false;
  }
  return stack.length > 0 || inStr;
}

/** Pretty-printing is skipped above this size: the raw text is as readable and far cheaper. */
export const PRETTY_LIMIT = 20_000;

/** First `max` characters and how many were left out. */
export function clipText(text: string, max: number): { text: string; hidden: number } {
  return text.length <= max ? { text, hidden: 0 } : { text: text.slice(0, max), hidden: text.length - max };
}
