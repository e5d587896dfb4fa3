import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing outside the repository; `reference` reads ../shared
// (R spdep outputs and real city data) and runs in CI beside the unit tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.reference.test.ts', '**/node_modules/**'],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'reference',
          include: ['packages/*/test/**/*.reference.test.ts', 'tests/**/*.reference.test.ts'],
          testTimeout: 600_000,
        },
      },
    ],
  },
});
