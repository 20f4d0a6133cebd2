import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The public site is built once, from the sample dataset, for every test that reads it.
    globalSetup: ['test/globalSetup.ts'],
    // Studio builds and browser tests spawn processes that take several seconds on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
