import { defineConfig } from 'vitest/config';

// `unit` needs nothing outside the repository; `browser` needs Chromium (/usr/bin/chromium or
// CHROMIUM_PATH); `reference` reads ../shared (R spdep outputs and real city data).
// Timeouts are generous on purpose: CI runs on a busy 2-core machine, and a test must never fail
// for time there. Whole analyses run in tests or file-scoped fixtures, never in hooks (a failing
// hook turns its tests into "skipped"); the demo CLI runs are made once (tests/globalSetup.ts).
export default defineConfig({
  test: {
    reporters: ['default', './tests/slowestTestsReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/*.reference.test.ts', 'tests/browser/**', '**/node_modules/**'],
          globalSetup: ['tests/globalSetup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // vitest's default is one worker fewer than the cores: one on CI's 2-core machine.
          maxWorkers: 2,
          // Test files share their worker's module graph instead of importing the library anew
          // (import was 50 s of the run); they keep no state between them, and the few that spy
          // or fake timers restore them.
          isolate: false,
        },
      },
      {
        test: {
          // End-to-end tests of the built viewer in Debian's Chromium (../shared/BROWSER.md).
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/globalSetup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'reference',
          include: ['packages/*/test/**/*.reference.test.ts', 'tests/**/*.reference.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
