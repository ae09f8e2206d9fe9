/**
 * Masking secrets in what the person copies or exports (curl, HAR). It reuses the redactor's
 * rules (shared/redact) so "secret" means one thing across redact, lint and export: a secret
 * header's credential part, and key-shaped values or credential query parameters anywhere.
 */
import type { Header } from '../model/cassette';
import { builtinRules } from '../redact/rules';
import { applyHits, cleanHits, headerSecretRanges, patternHits } from '../redact/scan';
import type { Where } from '../redact/rules';

const RULES = builtinRules('REDACTED');
const SECRET_HEADERS = new Set(RULES.headers.map((h) => h.name));

function mask(value: string, where: Where, base: ReturnType<typeof headerSecretRanges> = []): string {
  const hits = cleanHits(value, [...base, ...patternHits(value, where, RULES)], RULES.replacement);
  return hits.length ? applyHits(value, hits, RULES.replacement) : value;
}

export function maskHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  return mask(value, 'header', SECRET_HEADERS.has(lower) ? headerSecretRanges(value, `header:${lower}`) : []);
}

export const maskUrl = (url: string): string => mask(url, 'url');
export const maskBody = (text: string): string => mask(text, 'body');

/** Either the values as recorded or with secrets masked, so callers never branch themselves. */
export interface Masker {
  header: (h: Header) => string;
  url: (u: string) => string;
  body: (t: string) => string;
}

export function masker(revealSecrets: boolean): Masker {
  if (revealSecrets) return { header: (h) => h.value, url: (u) => u, body: (t) => t };
  return { header: (h) => maskHeaderValue(h.name, h.value), url: maskUrl, body: maskBody };
}
