import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['ingest/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    // Worker threads, OpenCC's tables and temporary projects take seconds on a busy 2-core machine;
    // speed is measured by `npm run bench`, not by test timeouts.
    testTimeout: 30_000,
  },
});
