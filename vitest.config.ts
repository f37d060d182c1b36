import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // browser tests with axe take several seconds a page, longer on a loaded machine
    testTimeout: 120_000,
    // the end-to-end tests build the site with Astro in this folder: one test file at a time
    fileParallelism: false,
    hookTimeout: 240_000,
  },
});
