import { defineConfig } from 'vitest/config';

// Unit and corpus tests run in Node. Component tests that need a DOM are e2e (real Chromium).
// Two projects so the quick loop stays quick: `npm run test:unit` (test/unit, fixtures only)
// and `npm run test:corpus` (the suites over ../shared/corpus); `npm test` runs both.
export default defineConfig({
  test: {
    environment: 'node',
    // Hang guards, not speed checks (`npm run bench` times things): CI runs these beside two
    // browsers, and a test that spawns the CLI a few times can take half a minute there.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one fork: most files wait on child processes,
    // sockets and the file system, so three forks finish the suite in ~60% of the time
    // (measured: 110 s with one, 77 s with two, 63 s with three).
    maxWorkers: 3,
    projects: [
      // Unit files run in worker threads: a thread starts for less than a forked Node
      // (measured alone, whole machine: 115 s wall / 225 CPU-s against 123 s / 241 with
      // forks), and no unit test depends on owning the process (none chdirs; CLI tests spawn
      // their own Node, and the RSS test reads the child's own peak, not the inherited one).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads' } },
      // A corpus suite is one sweep over ~400 real files: it is checked for what it finds, not
      // timed (bench does timing), and on a loaded machine a sweep may take minutes: the
      // timeout only catches a hang (idle, the longest sweep takes about a minute).
      { extends: true, test: { name: 'corpus', include: ['test/corpus/**/*.test.ts'], testTimeout: 900_000 } },
    ],
  },
});
