import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the real CLI as child processes and write real SQLite files.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
