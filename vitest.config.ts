import { defineConfig } from 'vitest/config';

// Unit and corpus tests run in Node. Component tests that need a DOM are e2e (real Chromium).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/corpus/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
