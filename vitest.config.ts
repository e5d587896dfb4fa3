import { defineConfig } from 'vitest/config';

// `unit` needs nothing outside the repository; `browser` needs Chromium (/usr/bin/chromium or
// CHROMIUM_PATH); `reference` reads ../shared (R spdep outputs and real city data).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.reference.test.ts', 'tests/browser/**', '**/node_modules/**'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          // End-to-end tests of the built viewer in Debian's Chromium (../shared/BROWSER.md).
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'reference',
          include: ['packages/*/test/**/*.reference.test.ts', 'tests/**/*.reference.test.ts'],
          testTimeout: 600_000,
          // Whole analyses of real data run in beforeAll hooks (the Chicago run takes seconds).
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
