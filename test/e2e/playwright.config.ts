import { defineConfig } from '@playwright/test';
import { ensureChromium } from '../../scripts/chromium.mjs';

// An installed Chromium (npm test finds it once and passes CHROMIUM_PATH), never a downloaded browser. Each test starts its own `tapedeck serve`
// on a temp copy of its folders, so tests are parallel-safe.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // A hang guard, not a speed check (`npm run bench` measures speed): CI runs Vitest's corpus
  // sweeps beside these two browsers, and a long journey once crossed 60 s there.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  outputDir: '../../test-results/e2e',
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || ensureChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
