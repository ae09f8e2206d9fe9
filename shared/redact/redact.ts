/**
 * findSecrets / redactText: scan a cassette's headers, URLs and bodies (after base64 and gzip,
 * including SSE streams and pydantic-ai parsed bodies) and replace secrets through the lossless
 * edit path, so nothing else in the file changes.
 */
import type { Scalar } from 'yaml';
import { planBody, readBody } from '../edit/body-codec';
import { commit, openEditable } from '../edit/document';
import type { EditableDoc } from '../edit/document';
import { allHeaders, interactionCount, sideRef } from '../edit/layout';
import type { Side, SideRef } from '../edit/layout';
import { asScalar, get, isBinaryTag, items, keyString, scalarsUnder, scalarText } from '../yaml/nodes';
import { locate } from '../edit/ops';
import { planValue, readValue } from '../edit/value';
import type { Splice, TextChange } from '../edit/types';
import { lineIndex, valueOffsetsOf } from '../edit/value-pos';
import type { RuleSet, Where } from './rules';
import { BOT_COOKIE_RULE, builtinRules, SECRET_QUERY_PARAMS } from './rules';
import type { Hit } from './scan';
import { applyHits, cleanHits, cookieValueHits, headerSecretRanges, patternHits } from './scan';

export interface Finding {
  ruleId: string;
  interaction: number;
  side: Side;
  where: Where;
  /** Header name for header findings. */
  header?: string;
  /** 1-based position in the file text (the body scalar's start when the body is encoded). */
  line: number;
  column: number;
  /** The secret, shortened for display (never the whole value). */
  preview: string;
  /** Not a credential (a Cloudflare bot cookie): reported for information, never redacted. */
  info?: true;
}

type Target =
  | { kind: 'scalar'; node: Scalar; value: string; hits: Hit[]; interaction: number; side: Side; where: Where; header?: string }
  | { kind: 'body'; ref: SideRef; node: Scalar; value: string; direct: boolean; hits: Hit[]; interaction: number; side: Side };

function preview(s: string): string {
  return s.length <= 8 ? s.slice(0, 2) + '…' : s.slice(0, 6) + '…' + s.slice(-2);
}

function scan(ed: EditableDoc, rules: RuleSet): Target[] | string {
  const loc = locate(ed);
  if (typeof loc === 'string') return loc;
  const out: Target[] = [];
  const secretHeader = new Set(rules.headers.map((h) => h.name));
  const n = interactionCount(loc.doc, loc.format);
  for (let i = 0; i < n; i++) {
    for (const side of ['request', 'response'] as const) {
      const ref = sideRef(loc.doc, loc.format, i, side);
      if (typeof ref === 'string') continue;
      const scalar = (node: Scalar, where: Where, base: Hit[] = [], header?: string) => {
        const value = readValue(node);
        if (value === null) return;
        const hits = cleanHits(value, [...base, ...patternHits(value, where, rules)], rules.replacement);
        if (hits.length) out.push({ kind: 'scalar', node, value, hits, interaction: i, side, where, ...(header ? { header } : {}) });
      };
      for (const h of allHeaders(ref)) {
        const v = readValue(h.node) ?? '';
        const lower = h.name.toLowerCase();
        scalar(h.node, 'header', secretHeader.has(lower) ? headerSecretRanges(v, `header:${lower}`) : [], h.name);
      }
      if (ref.har) {
        // HAR repeats cookies and query/form parameters as {name, value} lists beside the headers and URL.
        const cookieRule = side === 'request' ? 'header:cookie' : 'header:set-cookie';
        for (const c of items(get(ref.map, 'cookies'))) {
          const v = asScalar(get(c, 'value'));
          const name = scalarText(get(c, 'name')) ?? '';
          if (v) scalar(v, 'header', cookieValueHits(name, readValue(v) ?? '', cookieRule), side === 'request' ? 'Cookie' : 'Set-Cookie');
        }
        for (const p of [...items(get(ref.map, 'queryString')), ...items(get(get(ref.map, 'postData'), 'params'))]) {
          const v = asScalar(get(p, 'value'));
          const secret = SECRET_QUERY_PARAMS.includes(scalarText(get(p, 'name'))?.toLowerCase() ?? '');
          if (v) scalar(v, 'url', secret ? [{ start: 0, end: (readValue(v) ?? '').length, ruleId: 'url-query-key' }] : []);
        }
      }
      if (ref.url) scalar(ref.url, 'url');
      if (side === 'request') {
        const uri = asScalar(get(ref.map, 'request_uri'));
        if (uri) scalar(uri, 'url');
        // go-vcr `form` repeats the query string as a map: key: [value]
        const form = get(ref.map, 'form') as { items?: { key: unknown; value: unknown }[] } | undefined;
        for (const p of form?.items ?? []) {
          const k = keyString(p as never)?.toLowerCase() ?? '';
          const vals = asScalar(p.value) ? [p.value] : items(p.value);
          for (const v of vals) {
            const s = asScalar(v);
            if (!s) continue;
            const t = readValue(s) ?? '';
            scalar(s, 'url', SECRET_QUERY_PARAMS.includes(k) ? [{ start: 0, end: t.length, ruleId: 'url-query-key' }] : []);
          }
        }
      }
      if (ref.body.parsed !== undefined) for (const s of scalarsUnder(ref.body.parsed)) scalar(s, 'body');
      const b = readBody(ref);
      if (typeof b !== 'string' && b.text !== null && ref.body.node) {
        const hits = cleanHits(b.text, patternHits(b.text, 'body', rules), rules.replacement);
        const direct = !ref.body.base64 && b.encodings.length === 0;
        if (hits.length) out.push({ kind: 'body', ref, node: ref.body.node, value: b.text, direct, hits, interaction: i, side });
      }
    }
  }
  return out;
}

function findingsOf(ed: EditableDoc, targets: Target[]): Finding[] {
  const pos = lineIndex(ed.text);
  const out: Finding[] = [];
  for (const t of targets) {
    const exact = t.kind === 'scalar' ? !isBinaryTag(t.node) : t.direct;
    const toSource = exact ? valueOffsetsOf(t.node) : () => null;
    for (const h of t.hits) {
      const off = toSource(h.start) ?? t.node.range?.[0] ?? 0;
      const { line, column } = pos(off);
      const f: Finding = { ruleId: h.ruleId, interaction: t.interaction, side: t.side, where: t.kind === 'body' ? 'body' : t.where, line, column, preview: preview(t.value.slice(h.start, h.end)) };
      if (t.kind === 'scalar' && t.header) f.header = t.header;
      if (h.ruleId === BOT_COOKIE_RULE) f.info = true;
      out.push(f);
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Every secret the rules find (and bot cookies, marked info), with positions. Unparseable or unknown files give []. */
export function findSecrets(text: string, rules: RuleSet = builtinRules()): Finding[] {
  const ed = openEditable(text);
  const targets = scan(ed, rules);
  return typeof targets === 'string' ? [] : findingsOf(ed, targets);
}

export interface RedactResult {
  text: string;
  changes: TextChange[];
  findings: Finding[];
  error?: string;
}

export function redactText(text: string, rules: RuleSet = builtinRules()): RedactResult {
  const ed = openEditable(text);
  const all = scan(ed, rules);
  if (typeof all === 'string') return { text, changes: [], findings: [], error: all };
  const targets = all.flatMap((t) => {
    const hits = t.hits.filter((h) => h.ruleId !== BOT_COOKIE_RULE);
    return hits.length ? [{ ...t, hits }] : [];
  });
  const findings = findingsOf(ed, targets);
  const splices: Splice[] = [];
  for (const t of targets) {
    const next = applyHits(t.value, t.hits, rules.replacement);
    const p = t.kind === 'body' ? planBody(ed, t.ref, next) : planValue(ed, t.node, next);
    if (typeof p === 'string') return { text, changes: [], findings, error: `interaction ${t.interaction} ${t.side}: ${p}` };
    splices.push(...p);
  }
  const r = commit(ed, splices);
  if (!r.ok) return { text, changes: [], findings, error: r.error };
  return { text: r.text, changes: r.changes, findings };
}
