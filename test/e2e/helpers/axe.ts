/**
 * axe-core scans for the e2e specs: WCAG 2.0–2.2 A and AA rules over one region of the page.
 *
 * We drive axe-core directly rather than through @axe-core/playwright's AxeBuilder, which for
 * every scan evaluates axe's 580 KB source in the page (twice in its legacy mode) and, in its
 * default mode, opens a blank page to merge per-frame results. The app has no iframes, so a
 * plain `axe.run` in the top document checks exactly the same nodes; here axe is injected once
 * per document and each scan is one evaluate. Only violations come back: passes and incomplete
 * results would carry each checked element's HTML across the DevTools protocol (thousands of
 * nodes for colour contrast) and were never read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, default as AxeCore } from 'axe-core';

export type { AxeResults };

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let source: string | null = null;
const axeSource = () => (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs axe on `include` (a CSS selector), or on the whole page when it is null. */
export async function axeScan(page: Page, include: string | null): Promise<AxeResults> {
  // A frame would hide its nodes from a top-document run: fail loudly rather than pass them.
  const frames = page.frames().length;
  if (frames > 1) throw new Error(`axeScan: the page has ${frames - 1} frame(s); scan them too before relying on this helper`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  return page.evaluate(
    ({ include, tags }) => {
      const axe = (window as unknown as { axe: typeof AxeCore }).axe;
      const context = include === null ? document : { include: [include] };
      return axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    { include, tags: WCAG_TAGS },
  );
}

/** Serious or critical violations, one `rule target` line per element. */
export async function seriousViolations(page: Page, include: string | null): Promise<string[]> {
  const res = await axeScan(page, include);
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`));
}
