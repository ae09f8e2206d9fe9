/**
 * JSON comparison as Python's `json.loads(a) == json.loads(b)` and Ruby's
 * `JSON.parse(a) == JSON.parse(b)` see it: object key order does not matter, numbers compare by
 * value (1 == 1.0), array order does. Also the per-path diff shown for near misses.
 */
import type { ChangeRow } from './types';

export type Parsed = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string | null): Parsed {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

function show(v: unknown): string | null {
  return v === undefined ? null : JSON.stringify(v);
}

/** Paths where `recorded` and `request` differ, `$.a.b[2]` style; capped so a huge body stays readable. */
export function jsonDiff(recorded: unknown, request: unknown, limit = 50): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (rows.length >= limit || jsonEqual(a, b)) return;
    if (isObject(a) && isObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
      for (const k of keys) walk(a[k], b[k], /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    rows.push({ key: path, recorded: show(a), request: show(b) });
  };
  walk(recorded, request, '$');
  return rows;
}
