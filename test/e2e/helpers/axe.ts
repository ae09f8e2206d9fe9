/**
 * axe-core scans for the e2e specs: WCAG 2.0–2.2 A and AA rules over one region of the page.
 * Only violations come back with every node: passes and incomplete results would otherwise
 * carry each checked element's HTML across the DevTools protocol (thousands of nodes for
 * colour contrast), which cost more CPU than the scan itself and were never read.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** Runs axe on `include` (a CSS selector), or on the whole page when it is null. */
export function axeScan(page: Page, include: string | null): Promise<AxeResults> {
  // options() replaces the whole options object, so it goes before withTags() adds runOnly.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS);
  return (include ? builder.include(include) : builder).analyze();
}

/** Serious or critical violations, one `rule target` line per element. */
export async function seriousViolations(page: Page, include: string | null): Promise<string[]> {
  const res = await axeScan(page, include);
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`));
}
