// Types for chromium.mjs, which node runs untranspiled (scripts/test.mjs) and the Playwright
// config and unit tests import from TypeScript.
export interface ChromiumCandidate {
  path: string;
  source: string;
}
export function chromiumCandidates(o?: { env?: Record<string, string | undefined>; platform?: string; home?: string }): ChromiumCandidate[];
export function findChromium(o?: { candidates?: ChromiumCandidate[]; runs?: (path: string) => boolean }): ChromiumCandidate | null;
export function whenMissing(o: { uid?: number; osRelease?: string; hasApt?: boolean }): { action: 'install' } | { action: 'stop'; message: string };
export function ensureChromium(): string;
