/** Finding secret ranges inside one value (a header value, a URL, a body text). */
import type { RuleSet, Where } from './rules';
import { BOT_COOKIE_RULE, BOT_COOKIES, isPlaceholder } from './rules';

export interface Hit {
  start: number;
  end: number;
  ruleId: string;
}

/** The credential part of a secret header's value: the token after `Bearer`, SigV4 parts, else all. */
export function headerSecretRanges(value: string, ruleId: string): Hit[] {
  if (ruleId === 'header:cookie' || ruleId === 'header:set-cookie') {
    const bot = botCookieRanges(value, ruleId === 'header:cookie');
    if (bot) return bot;
  }
  if (/^AWS4-HMAC-SHA256\b/.test(value)) {
    const out: Hit[] = [];
    for (const re of [/Credential=([A-Z0-9]{16,})/g, /Signature=([0-9a-fA-F]{16,})/g]) {
      for (const m of value.matchAll(re)) {
        const start = m.index! + m[0].length - m[1].length;
        out.push({ start, end: start + m[1].length, ruleId: 'aws-sigv4' });
      }
    }
    return out;
  }
  const scheme = /^(Bearer|Basic|Token|Bot|Digest)\s+(?=\S)/i.exec(value);
  if (scheme) return [{ start: scheme[0].length, end: value.trimEnd().length, ruleId }];
  return [{ start: 0, end: value.length, ruleId }];
}

/**
 * Info hits on the values of a cookie header that carries only Cloudflare bot cookies, else null
 * (the whole value stays one secret). `Cookie` lists pairs; `Set-Cookie` sets one cookie and the
 * rest are attributes.
 */
function botCookieRanges(value: string, list: boolean): Hit[] | null {
  const out: Hit[] = [];
  for (const m of value.matchAll(/(?:^|;)\s*([^=;\s]+)=([^;]*)/g)) {
    if (!BOT_COOKIES.includes(m[1])) return null;
    const start = m.index! + m[0].length - m[2].length;
    out.push({ start, end: start + m[2].trimEnd().length, ruleId: BOT_COOKIE_RULE });
    if (!list) break;
  }
  return out.length ? out : null;
}

/** A HAR `cookies[]` value: the whole value is the secret unless it is a bot cookie. */
export function cookieValueHits(name: string, value: string, ruleId: string): Hit[] {
  return [{ start: 0, end: value.length, ruleId: BOT_COOKIES.includes(name) ? BOT_COOKIE_RULE : ruleId }];
}

export function patternHits(value: string, where: Where, rules: RuleSet): Hit[] {
  const out: Hit[] = [];
  for (const r of rules.patterns) {
    if (!r.where.includes(where)) continue;
    // The `d` flag gives capture group offsets; the secret is group 1 when there is one.
    const re = new RegExp(r.pattern.source, r.pattern.flags.replace(/[gd]/g, '') + 'gd');
    for (const m of value.matchAll(re)) {
      const span = m.indices?.[1] ?? m.indices?.[0];
      if (!span || span[1] <= span[0]) continue;
      out.push({ start: span[0], end: span[1], ruleId: r.id });
    }
  }
  return out;
}

/** Sorted, non-overlapping hits that are not already placeholders. */
export function cleanHits(value: string, hits: Hit[], replacement: string): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    if (h.end <= h.start) continue;
    if (isPlaceholder(value.slice(h.start, h.end), replacement)) continue;
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    out.push(h);
  }
  return out;
}

/** The value with every hit replaced; built in one pass (hits do not overlap, see cleanHits). */
export function applyHits(value: string, hits: Hit[], replacement: string): string {
  const parts: string[] = [];
  let pos = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (h.start < pos) continue;
    parts.push(value.slice(pos, h.start), replacement);
    pos = h.end;
  }
  parts.push(value.slice(pos));
  return parts.join('');
}
