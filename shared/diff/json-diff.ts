/**
 * Leaf-by-leaf diff of two JSON values (tool-call arguments, tool schemas, request params).
 * Object keys compare by name whatever their order; arrays by position. Text that is not
 * JSON compares as one string value.
 */
import type { JsonChange } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseJsonOrText(s: string): unknown {
  if (s.trim() === '') return s;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
}

export function jsonDiff(a: unknown, b: unknown, ignoreKeys: ReadonlySet<string> = new Set(), path = '$'): JsonChange[] {
  if (isObj(a) && isObj(b)) {
    const out: JsonChange[] = [];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (ignoreKeys.has(k)) continue;
      const p = /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
      if (!(k in b)) out.push({ path: p, before: a[k] });
      else if (!(k in a)) out.push({ path: p, after: b[k] });
      else out.push(...jsonDiff(a[k], b[k], ignoreKeys, p));
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: JsonChange[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const p = `${path}[${i}]`;
      if (i >= b.length) out.push({ path: p, before: a[i] });
      else if (i >= a.length) out.push({ path: p, after: b[i] });
      else out.push(...jsonDiff(a[i], b[i], ignoreKeys, p));
    }
    return out;
  }
  return sameValue(a, b) ? [] : [{ path, before: a, after: b }];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}
