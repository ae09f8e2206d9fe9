/**
 * Issue #14 in the views: the cost line lists each part, says "tokens only" when the table could
 * not price a fee, and says "today's prices" for a cassette without a recording date; the
 * provider filter lists who served the calls beside the dialect.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyFilters, facets, filterSummaries } from '../../../renderer/src/features/library/filter';
import { CostLine } from '../../../renderer/src/features/usage/cost-line';
import type { Cost } from '../../../shared/model/llm';
import { summary } from './summaries';

const cost: Cost = {
  reportedUsd: null,
  estimatedUsd: 0.000265,
  formula: '400 in × $0.6/M + 10 out × $2.5/M',
  parts: [
    { label: 'input', detail: '400 × $0.6/M', usd: 0.00024 },
    { label: 'output', detail: '10 × $2.5/M', usd: 0.000025 },
  ],
  unpriced: ['1 web search'],
  priceDate: '2026-12-05',
  todayPrices: true,
};

describe('CostLine parts, tokens only, price date', () => {
  it('lists each part, shows "tokens only" and says the prices are today\'s', () => {
    const html = renderToStaticMarkup(createElement(CostLine, { cost }));
    expect(html).toContain('data-testid="cost-tokens-only">tokens only<');
    expect(html).toContain('data-testid="cost-date">(today&#x27;s prices)<');
    expect(html).toMatch(/title="input: 400 × \$0\.6\/M = \$0\.00024\noutput: 10 × \$2\.5\/M = \$0\.000025\nTokens only: 1 web search not priced[^\n]*\nNo recording date in the cassette: priced at today&#x27;s prices \(2026-12-05\)/);
  });

  it('a recorded date and fully priced fees look as before', () => {
    const html = renderToStaticMarkup(createElement(CostLine, { cost: { ...cost, unpriced: undefined, todayPrices: undefined } }));
    expect(html).not.toContain('tokens only');
    expect(html).toContain('data-testid="cost-date">(2026-12-05)<');
  });
});

describe('provider filter', () => {
  const list = [
    summary('a.yaml', { providers: ['openai-chat'], vendors: ['Together AI (openai-chat)'] }),
    summary('b.yaml', { providers: ['openai-chat'], vendors: ['OpenRouter → Chutes (openai-chat)', 'Together AI (openai-chat)'] }),
    summary('c.yaml', { providers: ['anthropic'] }),
  ];
  it('lists who served the calls beside the dialect, and filters on it', () => {
    expect(facets(list).providers).toEqual([['Together AI (openai-chat)', 2], ['anthropic', 1], ['OpenRouter → Chutes (openai-chat)', 1]]);
    expect(filterSummaries(list, { ...emptyFilters, providers: ['OpenRouter → Chutes (openai-chat)'] }).map((s) => s.relPath)).toEqual(['b.yaml']);
    expect(filterSummaries(list, { ...emptyFilters, query: 'chutes' }).map((s) => s.relPath)).toEqual(['b.yaml']);
  });
});
