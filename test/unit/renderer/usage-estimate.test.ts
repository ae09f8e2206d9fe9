/**
 * Estimated token counts and the costs priced from them are marked "≈", carry the estimate's
 * note as a tooltip and `data-estimated="true"`; reported numbers look as before.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sumUsage } from '../../../renderer/src/features/usage/cost-bar';
import { CostLine } from '../../../renderer/src/features/usage/cost-line';
import { UsageBar } from '../../../renderer/src/features/usage/usage-bar';
import type { Usage } from '../../../shared/model/llm';

const reported: Usage = { inputTokens: 2062, outputTokens: 1, totalTokens: 2063, cacheReadTokens: 2048, cacheWriteTokens: 0, reasoningTokens: 0 };
const estimated: Usage = {
  ...reported,
  outputTokens: 19,
  reasoningTokens: 4,
  totalTokens: 2081,
  estimated: { fields: ['outputTokens', 'reasoningTokens', 'totalTokens'], tokenizer: 'o200k_base', note: 'Cut off & approximated.' },
};

/** The legend span with this test id, as markup. */
const span = (html: string, id: string) => new RegExp(`<span[^>]*data-testid="${id}"[^>]*>.*?</span>`).exec(html)?.[0] ?? '';
const text = (s: string) => s.replace(/<[^>]+>/g, '');

describe('UsageBar', () => {
  it('marks only the estimated fields', () => {
    const html = renderToStaticMarkup(createElement(UsageBar, { usage: estimated, testId: 'u' }));
    expect(html).toMatch(/data-testid="u" data-estimated="true"/);
    const out = span(html, 'usage-output');
    expect(out).toContain('data-estimated="true"');
    expect(out).toContain('title="Estimated (o200k_base): Cut off &amp; approximated."');
    expect(text(out)).toBe('out ≈19');
    expect(text(span(html, 'usage-total'))).toBe('total ≈2,081');
    const input = span(html, 'usage-input');
    expect(input).not.toContain('data-estimated');
    expect(text(input)).toBe('in 2,062');
    expect(html).toContain('reasoning ≈4');
  });

  it('renders reported usage without any marker', () => {
    const html = renderToStaticMarkup(createElement(UsageBar, { usage: reported }));
    expect(html).not.toContain('≈');
    expect(html).not.toContain('data-estimated');
    expect(text(span(html, 'usage-output'))).toBe('out 1');
  });
});

describe('CostLine', () => {
  it('shows a cost priced from estimated usage with ≈ and says why', () => {
    const html = renderToStaticMarkup(createElement(CostLine, { cost: { reportedUsd: null, estimatedUsd: 0.0009414, formula: '19 out × $15/M', fromEstimatedUsage: true }, estimateNote: 'Cut off.' }));
    expect(text(span(html, 'cost-estimated'))).toBe('≈$0.0009414');
    expect(span(html, 'cost-estimated')).toContain('data-estimated="true"');
    expect(html).toMatch(/title="Priced from estimated token counts\. Cut off\.\nFormula: 19 out/);
  });

  it('keeps "~" for a price computed from reported usage', () => {
    const html = renderToStaticMarkup(createElement(CostLine, { cost: { reportedUsd: null, estimatedUsd: 0.00002835 } }));
    expect(text(span(html, 'cost-estimated'))).toBe('~$0.0000284');
    expect(html).not.toContain('data-estimated');
  });
});

describe('sumUsage with estimates', () => {
  it('says which fields of the sum include estimates and for how many interactions', () => {
    const s = sumUsage([reported, estimated, null]);
    expect(s.outputTokens).toBe(20);
    expect(s.estimated).toMatchObject({ fields: ['outputTokens', 'reasoningTokens', 'totalTokens'], tokenizer: 'o200k_base' });
    expect(s.estimated!.note).toMatch(/^Includes estimated counts for 1 of 2 interactions\. Cut off & approximated\.$/);
  });

  it('adds no marker when everything was reported', () => {
    expect(sumUsage([reported, reported]).estimated).toBeUndefined();
  });
});
