import { defineConfig } from 'vitest/config';

/** Browser and built-site tests: run after `npm run build`, one file at a time (2 cores). */
export default defineConfig({
  test: {
    // tests/incremental/: builds copies of the project (not dist/), but as slow as a browser test.
    include: ['tests/e2e/**/*.test.ts', 'tests/incremental/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
