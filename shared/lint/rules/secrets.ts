/** Secrets recorded in headers, URLs and bodies: shared/redact's rules, reported as findings. */
import { findSecrets, redactText } from '../../redact/redact';
import type { Fix, RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding } from '../context';

/** `header:authorization` → `secret/header-authorization`: codes stay one path segment deep. */
export function secretCode(ruleId: string): string {
  return `secret/${ruleId.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const redactAll: Fix = {
  title: 'Redact the secrets the built-in rules find',
  apply: (text) => {
    const r = redactText(text);
    if (r.error) throw new Error(r.error);
    return r.text;
  },
};

export function secrets(ctx: RuleCtx): RawFinding[] {
  if (ctx.cassette.format === null) return [];
  return findSecrets(ctx.text).map((s) => {
    const where = s.where === 'header' ? `header ${s.header ?? ''}`.trim() : s.where === 'url' ? 'URL' : 'body';
    if (s.info) return finding('cookie/cloudflare-bot', `A Cloudflare bot cookie is recorded in the ${s.side} ${where}: ${s.preview} (not a credential)`, s.interaction, { line: s.line, column: s.column });
    const f = finding(secretCode(s.ruleId), `A secret (${s.ruleId}) is recorded in the ${s.side} ${where}: ${s.preview}`, s.interaction, { line: s.line, column: s.column });
    if (ctx.editable) f.fix = redactAll;
    return f;
  });
}
