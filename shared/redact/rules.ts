/**
 * Secret rules. A header rule names a header whose value (or the credential part of it) is
 * secret; a pattern rule finds secrets by shape anywhere in header values, URLs and bodies.
 * Values that are already placeholders (`<AUTH_TOKEN>`, `**REDACTED**`, crewAI `X-…-XXX`) are
 * never reported, so redacting twice changes nothing.
 */

export type Where = 'header' | 'url' | 'body';

export interface HeaderRule {
  id: string;
  /** Lowercase header name. */
  name: string;
}

export interface PatternRule {
  id: string;
  /** Global regex; the secret is capture group 1 when the regex has one, else the whole match. */
  pattern: RegExp;
  where: Where[];
}

export interface RuleSet {
  headers: HeaderRule[];
  patterns: PatternRule[];
  replacement: string;
}

export const DEFAULT_REPLACEMENT = 'REDACTED';

const SECRET_HEADERS = [
  'authorization', 'proxy-authorization', 'x-api-key', 'x-goog-api-key', 'api-key', 'cookie', 'set-cookie',
  'x-amz-security-token',
];

/** URL query parameters whose values are credentials. */
export const SECRET_QUERY_PARAMS = ['key', 'api_key', 'apikey', 'api-key', 'access_token', 'x-amz-signature', 'x-amz-security-token', 'x-amz-credential'];

const ALL: Where[] = ['header', 'url', 'body'];
const KEY_TAIL = '(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{20,}';

export const BUILTIN_PATTERNS: PatternRule[] = [
  { id: 'anthropic-key', pattern: new RegExp(`(?<![A-Za-z0-9_-])(sk-ant-${KEY_TAIL})`, 'g'), where: ALL },
  { id: 'openai-project-key', pattern: new RegExp(`(?<![A-Za-z0-9_-])(sk-proj-${KEY_TAIL})`, 'g'), where: ALL },
  { id: 'openai-key', pattern: new RegExp(`(?<![A-Za-z0-9_-])(sk-${KEY_TAIL})`, 'g'), where: ALL },
  { id: 'google-api-key', pattern: /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g, where: ALL },
  { id: 'aws-access-key-id', pattern: /(?<![A-Za-z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])/g, where: ALL },
  // A secret access key is 40 base64 characters with no prefix: found only next to its name
  // (JSON, env/ini text, STS XML), or any 40-character run would look like one.
  {
    id: 'aws-secret-key',
    pattern: /(?:aws_?secret_?access_?key|secret_?access_?key)["']?\s*(?:[:=]|>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    where: ALL,
  },
  { id: 'github-token', pattern: /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})(?![A-Za-z0-9_])/g, where: ALL },
  { id: 'huggingface-token', pattern: /(?<![A-Za-z0-9_])(hf_[A-Za-z0-9]{30,})(?![A-Za-z0-9_])/g, where: ALL },
  { id: 'slack-token', pattern: /(?<![A-Za-z0-9_-])(xox[abposr]-[A-Za-z0-9-]{10,})(?![A-Za-z0-9_-])/g, where: ALL },
  { id: 'stripe-key', pattern: /(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,})(?![A-Za-z0-9_])/g, where: ALL },
  { id: 'bearer-token', pattern: /\bBearer\s+([A-Za-z0-9\-._~+/]{8,}=*)/g, where: ['body'] },
  {
    id: 'url-query-key',
    pattern: new RegExp(`[?&](?:${SECRET_QUERY_PARAMS.map((p) => p.replace(/-/g, '\\-')).join('|')})=([^&#\\s"'<>]+)`, 'gi'),
    where: ['url'],
  },
];

/**
 * Cloudflare's bot-management cookies (`__cf_bm`, `_cfuvid`) sit in nearly every recorded API
 * response; they identify a client session to Cloudflare, not an account, so they are reported
 * as information and left in place rather than failing a `redact`/lint CI gate.
 */
export const BOT_COOKIES = ['__cf_bm', '_cfuvid'];
export const BOT_COOKIE_RULE = 'cloudflare-bot-cookie';

export function builtinRules(replacement = DEFAULT_REPLACEMENT): RuleSet {
  return { headers: SECRET_HEADERS.map((name) => ({ id: `header:${name}`, name })), patterns: [...BUILTIN_PATTERNS], replacement };
}

export interface CustomRules {
  headers?: string[];
  patterns?: string[];
  replacement?: string;
}

/** Built-in rules plus `--header` / `--pattern` additions. Returns an error for a bad regex. */
export function makeRules(c: CustomRules = {}): RuleSet | { error: string } {
  const rules = builtinRules(c.replacement ?? DEFAULT_REPLACEMENT);
  if (rules.replacement === '') return { error: 'the replacement text must not be empty' };
  for (const h of c.headers ?? []) {
    const name = h.trim().toLowerCase();
    if (!name) return { error: 'empty --header name' };
    if (!rules.headers.some((r) => r.name === name)) rules.headers.push({ id: `header:${name}`, name });
  }
  for (const [i, p] of (c.patterns ?? []).entries()) {
    let re: RegExp;
    try {
      re = new RegExp(p, 'g');
    } catch (e) {
      return { error: `invalid --pattern ${JSON.stringify(p)}: ${(e as Error).message}` };
    }
    if (re.test('')) return { error: `--pattern ${JSON.stringify(p)} matches the empty string` };
    rules.patterns.push({ id: `pattern:${i + 1}`, pattern: re, where: ALL });
  }
  return rules;
}

/** True for values that are already redaction placeholders (or empty). */
export function isPlaceholder(v: string, replacement = DEFAULT_REPLACEMENT): boolean {
  const s = v.trim();
  if (s === '' || s === replacement || s.includes(replacement)) return true;
  if (/redacted|filtered|dummy|fake|invalid|example|placeholder|your[-_ ]/i.test(s) || /XXX|\*\*\*/.test(s)) return true;
  return /^(<[^<>]*>|\{\{[^{}]*\}\}|\$\{[^{}]*\}|%[A-Z_]+%|\*+|x+|dummy|fake|test|mock|placeholder|none|null|secret|token)$/i.test(s);
}
