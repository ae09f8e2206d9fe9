import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEditable } from '../../../shared/edit/document';
import { deleteInteraction, duplicateInteraction } from '../../../shared/edit/interactions';
import { getBodyText, setBody, setHeader, setStreamEvent, setUrl } from '../../../shared/edit/ops';
import { renameToolCallId } from '../../../shared/edit/tool-ids';
import { validateCassetteText } from '../../../shared/edit/validate';
import { utf8Encode } from '../../../shared/util/bytes';
import { parseCassette } from '../../../shared/cassette/parse';

const fx = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/edit', name), 'utf8');

/** Lines that differ between two texts of equal line count (and the counts). */
function diffLines(a: string, b: string) {
  const x = a.split('\n');
  const y = b.split('\n');
  return { sameCount: x.length === y.length, changed: x.flatMap((l, i) => (l !== y[i] ? [i + 1] : [])) };
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error((r as unknown as { error: string }).error);
  return r as Extract<T, { ok: true }>;
}

describe('openEditable', () => {
  it('serializes every fixture back byte-identical', () => {
    for (const f of ['go-vcr-tools.yaml', 'vcrpy-gzip.yaml', 'ruby-crlf.yml', 'polly.har']) {
      const t = fx(f);
      expect(openEditable(t).toString()).toBe(t);
    }
    for (const t of ['a: 1', '---\nx: |+\n  a\n\n\n', '# c\r\nk: "v"  # trailing\r\n', '']) expect(openEditable(t).toString()).toBe(t);
  });
});

describe('setHeader', () => {
  it('changes exactly the header line, and set-back restores the bytes', () => {
    const t = fx('go-vcr-tools.yaml');
    const r = ok(setHeader(openEditable(t), { interaction: 0, side: 'request', name: 'authorization', value: 'Bearer X' }));
    expect(diffLines(t, r.text)).toEqual({ sameCount: true, changed: [14] });
    expect(r.changes[0].oldLines).toEqual({ from: 14, to: 14 });
    const back = ok(setHeader(r.doc, { interaction: 0, side: 'request', name: 'Authorization', value: 'Bearer sk-proj-Abc123def456GHI789jkl012MNO345' }));
    expect(back.text).toBe(t);
  });
  it('keeps CRLF line endings and the quoting style', () => {
    const t = fx('ruby-crlf.yml');
    const r = ok(setHeader(openEditable(t), { interaction: 0, side: 'request', name: 'cookie', value: 'a"b' }));
    expect(r.text).toContain('      - "a\\"b"\r\n');
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
  });
  it('edits HAR headers as JSON', () => {
    const t = fx('polly.har');
    const r = ok(setHeader(openEditable(t), { interaction: 0, side: 'request', name: 'content-type', value: 'text/plain' }));
    expect(JSON.parse(r.text).log.entries[0].request.headers[1].value).toBe('text/plain');
    expect(diffLines(t, r.text).changed).toHaveLength(1);
  });
  it('reports a missing header instead of throwing', () => {
    const r = setHeader(openEditable(fx('go-vcr-tools.yaml')), { interaction: 0, side: 'request', name: 'nope', value: 'x' });
    expect(r.ok).toBe(false);
    expect(setHeader(openEditable(fx('go-vcr-tools.yaml')), { interaction: 9, side: 'request', name: 'a', value: 'x' }).ok).toBe(false);
  });
});

describe('setStreamEvent', () => {
  it('rewrites one SSE data line of a go-vcr |+ body and nothing else', () => {
    const t = fx('go-vcr-tools.yaml');
    const r = ok(setStreamEvent(openEditable(t), { interaction: 0, eventIndex: 2, data: '{"id":"chatcmpl-1","choices":[]}' }));
    const d = diffLines(t, r.text);
    expect(d.sameCount).toBe(true);
    expect(d.changed).toHaveLength(1);
    expect(r.text.split('\n')[d.changed[0] - 1]).toBe('      data: {"id":"chatcmpl-1","choices":[]}');
    expect(r.text).toContain('content_length: -1');
  });
});

describe('setBody', () => {
  it('re-gzips a !!binary body with the same line width and reads back the new text', () => {
    const t = fx('vcrpy-gzip.yaml');
    const ed = openEditable(t);
    const old = getBodyText(ed, { interaction: 0, side: 'response' }) as string;
    expect(old).toContain('answer is 42');
    const next = old.replace('42', '43 and a much longer answer so that the gzip output needs one more base64 line');
    const r = ok(setBody(ed, { interaction: 0, side: 'response', text: next }));
    expect(getBodyText(r.doc, { interaction: 0, side: 'response' })).toBe(next);
    expect(r.text).toContain('string: !!binary |\n');
    const b64Lines = r.text.split('\n').filter((l) => /^ {8}[A-Za-z0-9+/=]+$/.test(l));
    expect(b64Lines.slice(0, -1).every((l) => l.length === 8 + 76)).toBe(true);
    const c = parseCassette({ path: 'x.yaml', bytes: utf8Encode(r.text) });
    expect(c.interactions[0].response.body.text).toBe(next);
  });
  it('updates go-vcr content_length when it equalled the old body length', () => {
    const t = fx('go-vcr-tools.yaml');
    const ed = openEditable(t);
    const body = getBodyText(ed, { interaction: 0, side: 'request' }) as string;
    const r = ok(setBody(ed, { interaction: 0, side: 'request', text: body.replace('weather', 'weather in Rome') }));
    expect(r.text).toContain('content_length: 84\n');
    expect(diffLines(t, r.text).changed).toEqual([9, 11]);
    // A streamed response keeps -1.
    const s = ok(setBody(ed, { interaction: 0, side: 'response', text: 'data: {}\n\n' }));
    expect(s.text.match(/content_length: -1/g)).toHaveLength(2);
  });
  it('keeps a block literal a block literal, and falls back to double quotes for CR', () => {
    const t = fx('go-vcr-tools.yaml');
    const ed = openEditable(t);
    const r = ok(setBody(ed, { interaction: 0, side: 'response', text: 'data: a\n\ndata: b\n\n\n' }));
    expect(r.text).toContain('    body: |+\n      data: a\n\n      data: b\n\n\n    headers:');
    const q = ok(setBody(ed, { interaction: 0, side: 'response', text: 'data: a\r\n\r\n' }));
    expect(q.text).toContain('    body: "data: a\\r\\n\\r\\n"\n    headers:');
    expect(getBodyText(q.doc, { interaction: 0, side: 'response' })).toBe('data: a\r\n\r\n');
  });
  it('edits a Ruby !binary |- body in a CRLF file', () => {
    const t = fx('ruby-crlf.yml');
    const ed = openEditable(t);
    const old = getBodyText(ed, { interaction: 0, side: 'response' }) as string;
    const r = ok(setBody(ed, { interaction: 0, side: 'response', text: old.replace('calc', 'calculator') }));
    expect(r.text).toContain('string: !binary |-\r\n');
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(getBodyText(r.doc, { interaction: 0, side: 'response' })).toBe(old.replace('calc', 'calculator'));
  });
  it('keeps HAR base64 chunk arrays and updates sizes', () => {
    const t = fx('polly.har');
    const ed = openEditable(t);
    expect(getBodyText(ed, { interaction: 0, side: 'response' })).toBe('{"id":"cmpl-1","text":"hello there"}');
    const r = ok(setBody(ed, { interaction: 0, side: 'response', text: '{"id":"cmpl-1","text":"bye"}' }));
    const j = JSON.parse(r.text).log.entries[0].response;
    expect(Array.isArray(JSON.parse(j.content.text))).toBe(true);
    expect(getBodyText(r.doc, { interaction: 0, side: 'response' })).toBe('{"id":"cmpl-1","text":"bye"}');
    const req = ok(setBody(ed, { interaction: 0, side: 'request', text: '{"prompt":"hello"}' }));
    expect(JSON.parse(req.text).log.entries[0].request.bodySize).toBe(18);
  });
});

describe('renameToolCallId', () => {
  it('renames the id in the stream delta and in the follow-up request, and only there', () => {
    const t = fx('go-vcr-tools.yaml');
    const r = ok(renameToolCallId(openEditable(t), { from: 'call_abc123', to: 'call_XYZ' }));
    expect(r.text).not.toContain('call_abc123');
    expect(r.text.match(/call_XYZ/g)).toHaveLength(3);
    const d = diffLines(t, r.text);
    expect(d.changed).toEqual([25, 44, 46]);
    expect(r.text).toContain('content_length: 261');
    const v = validateCassetteText(r.text, 'x.yaml');
    expect(v.ok).toBe(true);
    expect(renameToolCallId(openEditable(t), { from: 'call_abc', to: 'x' }).ok).toBe(false);
  });
  it('renames Anthropic tool_use ids inside a base64 body', () => {
    const r = ok(renameToolCallId(openEditable(fx('ruby-crlf.yml')), { from: 'toolu_01', to: 'toolu_02' }));
    expect(getBodyText(r.doc, { interaction: 0, side: 'response' })).toContain('"id":"toolu_02"');
  });
});

describe('delete / duplicate', () => {
  it('duplicates and deletes go-vcr interactions, renumbering ids', () => {
    const t = fx('go-vcr-tools.yaml');
    const dup = ok(duplicateInteraction(openEditable(t), { interaction: 0 }));
    const c = parseCassette({ path: 'x.yaml', bytes: utf8Encode(dup.text) });
    expect(c.interactions).toHaveLength(3);
    expect(dup.text.match(/^- id: \d+$/gm)).toEqual(['- id: 0', '- id: 1', '- id: 2']);
    const del = ok(deleteInteraction(dup.doc, { interaction: 1 }));
    expect(del.text).toBe(t);
    const del0 = ok(deleteInteraction(openEditable(t), { interaction: 0 }));
    expect(del0.text.match(/^- id: \d+$/gm)).toEqual(['- id: 0']);
    expect(del0.text).toContain('call_abc123","role":"tool"');
  });
  it('duplicates and deletes HAR entries', () => {
    const t = fx('polly.har');
    const dup = ok(duplicateInteraction(openEditable(t), { interaction: 0 }));
    expect(JSON.parse(dup.text).log.entries).toHaveLength(2);
    expect(ok(deleteInteraction(dup.doc, { interaction: 1 })).text).toBe(t);
    expect(JSON.parse(ok(deleteInteraction(openEditable(t), { interaction: 0 })).text).log.entries).toEqual([]);
  });
  it('edits the URL', () => {
    const r = ok(setUrl(openEditable(fx('vcrpy-gzip.yaml')), { interaction: 0, value: 'https://example.com/x' }));
    expect(r.text).toContain('    uri: https://example.com/x\n');
  });
});
