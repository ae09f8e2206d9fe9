/** Parses event data as JSON when it looks like JSON; never throws. */
export function tryJson(text: string): unknown {
  // trimStart only when needed: it is one more call per event on long streams.
  const c0 = text.charCodeAt(0);
  const t = c0 === 32 || c0 === 9 || c0 === 10 || c0 === 13 || c0 > 127 ? text.trimStart() : text;
  const c = t.charCodeAt(0);
  // Only objects, arrays, strings, numbers, literals: avoid exceptions on `[DONE]`-style sentinels.
  if (!(c === 123 || c === 91 || c === 34 || c === 45 || (c >= 48 && c <= 57) || t.startsWith('true') || t.startsWith('false') || t.startsWith('null'))) {
    return undefined;
  }
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}
