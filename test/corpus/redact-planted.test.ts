/**
 * Secrets planted into copies of the corpus (in a temp dir, never committed): into every
 * request URL (`key=`), every text body (plain, gzip, base64, streams) and HAR cookies[] and
 * queryString[]; `tapedeck redact --write` over the folder must leave none of them anywhere
 * (file text or decoded bodies) and every file must parse as before.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactCommand } from '../../main/cli/redact';
import { parseCassette } from '../../shared/cassette/parse';
import { decodeCassetteFile, encodeCassetteFile } from '../../shared/edit/cassette-file';
import { openEditable, type EditableDoc } from '../../shared/edit/document';
import type { EditResult } from '../../shared/edit/types';
import { getBodyText, setBody, setUrl, side } from '../../shared/edit/ops';
import { interactionCount, editFormatOf } from '../../shared/edit/layout';

const corpus = path.resolve(__dirname, '../../../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('corpus suite skipped: ../shared/corpus not found');

const SECRETS = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/redact/secrets.json'), 'utf8')) as Record<string, string>;
const GOOGLE = SECRETS.google;
// A bare AWS secret key is 40 base64 characters like any other: it is planted beside its name.
const BODY_SECRETS = Object.values(SECRETS)
  .filter((s) => s !== GOOGLE)
  .map((s) => (s === SECRETS.awsSecret ? `"aws_secret_access_key": "${s}"` : s));
const COOKIE = 'Vq3Lm8Np2Rt6Wx9Zb4Kd';
const ALL = [...Object.values(SECRETS), COOKIE];
const MAX_INTERACTIONS = 4;

/**
 * Plants secrets through the lossless edit path; returns the new text and how many it planted.
 * Each edit hands back the re-parsed document it checked, so the text is never parsed twice
 * (parsing is most of this sweep's time).
 */
function plant(text: string): { text: string; planted: number } {
  let t = text;
  let ed = openEditable(t);
  let planted = 0;
  const apply = (r: EditResult<EditableDoc>) => {
    if (r.ok) {
      t = r.text;
      ed = r.doc;
      planted++;
    }
  };
  const fmt = editFormatOf(ed.doc);
  if (!fmt) return { text, planted: 0 };
  const n = Math.min(MAX_INTERACTIONS, interactionCount(ed.doc!, fmt));
  for (let i = 0; i < n; i++) {
    const ref = side(ed, i, 'request');
    const url = typeof ref !== 'string' && ref.url ? String(ref.url.value ?? '') : '';
    if (url.startsWith('http')) apply(setUrl(ed, { interaction: i, value: `${url}${url.includes('?') ? '&' : '?'}key=${GOOGLE}` }));
    for (const s of ['request', 'response'] as const) {
      const body = getBodyText(ed, { interaction: i, side: s });
      if (typeof body !== 'string' || body === '') continue;
      apply(setBody(ed, { interaction: i, side: s, text: `${body} ${BODY_SECRETS[(planted + i) % BODY_SECRETS.length]}` }));
    }
  }
  return { text: t, planted };
}

/** HAR: a session cookie and a `key` parameter in the first entry's cookies[] and queryString[]. */
function plantHar(text: string): string {
  const har = JSON.parse(text) as { log: { entries: { request: Record<string, unknown>; response: Record<string, unknown> }[] } };
  const e = har.log.entries[0];
  if (!e) return text;
  e.request.cookies = [...((e.request.cookies as unknown[]) ?? []), { name: 'session', value: COOKIE }];
  e.request.queryString = [...((e.request.queryString as unknown[]) ?? []), { name: 'key', value: GOOGLE }];
  e.response.cookies = [...((e.response.cookies as unknown[]) ?? []), { name: 'sid', value: COOKIE }];
  return JSON.stringify(har, null, 2);
}

function view(rel: string, bytes: Uint8Array) {
  const c = parseCassette({ path: rel, bytes });
  return {
    errors: c.diagnostics.filter((d) => d.severity === 'error').length,
    count: c.interactions.length,
    bodies: c.interactions.flatMap((i) => [i.request.url, i.request.body.text ?? '', i.response.body.text ?? '']).join('\n'),
  };
}

let dir = '';
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe.skipIf(!exists)('redact over planted corpus copies', () => {
  it('leaves no planted secret anywhere and every file parses as before', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tapedeck-planted-'));
    const rels = readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    const before = new Map<string, ReturnType<typeof view>>();
    let planted = 0;
    for (const [k, rel] of rels.entries()) {
      const decoded = decodeCassetteFile(rel, new Uint8Array(readFileSync(path.join(corpus, rel))));
      if ('error' in decoded) continue;
      let text = decoded.text;
      if (rel.endsWith('.har')) {
        text = plantHar(text);
        planted += 3;
      }
      const p = plant(text);
      planted += p.planted;
      const name = `${String(k).padStart(3, '0')}-${path.basename(rel)}`;
      const bytes = encodeCassetteFile({ ...decoded, text: p.text });
      await fs.writeFile(path.join(dir, name), bytes);
      before.set(name, view(name, bytes));
    }
    const r = await redactCommand(['--write', dir], { stdout: () => {}, stderr: (s) => console.warn(s), cwd: dir });
    expect(r).toBe(0);
    const leaks: string[] = [];
    for (const [name, b] of before) {
      const bytes = new Uint8Array(await fs.readFile(path.join(dir, name)));
      const decoded = decodeCassetteFile(name, bytes);
      if ('error' in decoded) throw new Error(decoded.error);
      const a = view(name, bytes);
      expect({ errors: a.errors, count: a.count }, name).toEqual({ errors: b.errors, count: b.count });
      for (const s of ALL) if (decoded.text.includes(s) || a.bodies.includes(s)) leaks.push(`${name}: ${s.slice(0, 8)}`);
    }
    console.log(`planted ${planted} secrets into ${before.size} corpus copies; ${leaks.length} survived redaction`);
    expect(leaks).toEqual([]);
    expect(planted).toBeGreaterThan(500);
  }, 300_000);
});
