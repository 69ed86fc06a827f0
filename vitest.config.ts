import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (in-process, seconds; `npm run test:unit`) and `e2e` (tests that run the real
 * CLI in child processes or pseudo-terminals, drive Chromium, or ingest real corpora). `npm test`
 * runs both. A new end-to-end test is named `*-cli.test.ts`, `*-chromium.test.ts` or `*.e2e.test.ts`.
 */
const E2E = [
  'test/**/*-cli.test.ts',
  'test/**/*-chromium.test.ts',
  'test/**/*.e2e.test.ts',
  // Older end-to-end files, named before the convention.
  'test/ingest-kill.test.ts',
  'test/timeline-seeds.test.ts',
  'test/search-fuzz.test.ts',
  'test/search.test.ts',
  'test/layers.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // Removes the folders test/helpers.ts tempDir made, after each file's tests.
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, testTimeout: 20_000 },
      },
      {
        extends: true,
        // End-to-end tests run the real CLI as child processes and write real SQLite files.
        test: { name: 'e2e', include: E2E, testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
