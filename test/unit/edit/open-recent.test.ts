/**
 * openEditable hands out the document it built for the same text while that text is among the
 * last few opened (an edit chain opens one text several times): the same object for the same
 * text, a fresh parse for any other text, least recently used dropped first, and a text too
 * big to pin is parsed every time. A shared document must behave exactly as a fresh one.
 */
import { describe, expect, it } from 'vitest';
import { openEditable, RECENT_MAX, RECENT_MAX_CHARS } from '../../../shared/edit/document';
import { setBody } from '../../../shared/edit/ops';

const cassette = (tag: string) => `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    body: "${tag}"\n    url: https://x/${tag}\n    method: POST\n  response:\n    body: '{"a":1}'\n    code: 200\n`;

describe('openEditable reuse', () => {
  it('returns the same document for the same text, a new one for another', () => {
    const t = cassette('same');
    const a = openEditable(t);
    expect(openEditable(`${t}`.slice(0))).toBe(a);
    expect(openEditable(cassette('other'))).not.toBe(a);
    // Equal content built separately is the same key.
    expect(openEditable(['---\nversion: 2', t.slice(15)].join('\n'))).toBe(a);
  });

  it(`keeps the ${RECENT_MAX} most recently used and drops the oldest first`, () => {
    const texts = Array.from({ length: RECENT_MAX + 1 }, (_, i) => cassette(`lru-${i}`));
    const first = texts.slice(0, RECENT_MAX).map((t) => openEditable(t));
    expect(openEditable(texts[0])).toBe(first[0]); // touched: now the most recent
    openEditable(texts[RECENT_MAX]); // pushes out the least recent, texts[1]
    expect(openEditable(texts[0])).toBe(first[0]);
    expect(openEditable(texts[1])).not.toBe(first[1]);
  });

  it('parses a text too big to pin every time', () => {
    const big = cassette('x'.repeat(RECENT_MAX_CHARS / 2));
    const a = openEditable(big);
    expect(a.errors).toEqual([]);
    expect(openEditable(big)).not.toBe(a);
  });

  it('a reused document edits exactly as a fresh one, and an edit never changes it', () => {
    const t = cassette('edit');
    const shared = openEditable(t);
    const before = shared.toString();
    const r1 = setBody(openEditable(t), { interaction: 0, side: 'request', text: 'changed' });
    const r2 = setBody(shared, { interaction: 0, side: 'request', text: 'changed' });
    expect(r1).toMatchObject({ ok: true, text: t.replace('body: "edit"', 'body: "changed"') });
    expect(r2).toEqual(r1);
    expect(shared.toString()).toBe(before);
    expect(shared.text).toBe(t);
    expect(openEditable(t)).toBe(shared);
  });
});
