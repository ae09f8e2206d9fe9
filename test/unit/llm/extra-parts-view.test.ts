/** The extra-parts view renders the fixtures' parts with their test ids, and never as links. */
import { writeFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CitationList, ExtraPartsBefore } from '../../../renderer/src/features/replay/extra-parts';
import type { AssembledMessage } from '../../../shared/model/llm';
import { loadDialectFixture } from './helpers';

const html = (m: AssembledMessage, scrubbing = false) =>
  renderToStaticMarkup(createElement('div', null, createElement(ExtraPartsBefore, { msg: m, scrubbing }), createElement(CitationList, { citations: m.citations })));
const count = (s: string, id: string) => s.split(`data-testid="${id}"`).length - 1;

describe('extra parts view', () => {
  it('renders server tools, redacted thinking and a numbered source list', () => {
    const web = loadDialectFixture('anthropic-server-tools-stream').a.interactions[0].message!;
    const red = loadDialectFixture('anthropic-redacted-thinking').a.interactions[0].message!;
    const out = html(web) + html(red);
    if (process.env.DUMP_EXTRA_PARTS) writeFileSync(process.env.DUMP_EXTRA_PARTS, out);
    expect(count(out, 'builtin-tool')).toBe(6);
    expect(count(out, 'citation')).toBe(1);
    expect(count(out, 'redacted-thinking')).toBe(2);
    expect(out).toContain('Redacted thinking (240 bytes, encrypted)');
    expect(out).toContain('data-status="failed"');
    expect(out).toContain('https://en.wikipedia.org/wiki/Demographics_of_Tokyo');
    // URLs from a recording are text, not navigable links.
    expect(out).not.toMatch(/<a\b|href=/);
  });

  it('renders nothing for a plain message', () => {
    const plain = loadDialectFixture('openai-chat-json').a.interactions[0].message!;
    expect(html(plain)).toBe('<div></div>');
  });
});
