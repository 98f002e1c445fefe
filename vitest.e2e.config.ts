import { defineConfig } from 'vitest/config';

/** Browser and built-site tests: run after `npm run build`, one file at a time (2 cores). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
