import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { DemoRun } from './globalSetup.js';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** The built CLI (npm test builds before running vitest). */
export const cli = join(root, 'packages/core/dist/cli/main.js');

/** Runs the hexreach CLI with arguments; returns exit code, stdout and stderr. */
export function hexreach(args: readonly string[], cwd = root): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 300_000 });
}

/** A new empty temporary folder. */
export function tempDir(prefix = 'hexreach-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The demo city's CLI run made once per test run (tests/globalSetup.ts): `'private'` as
 * `npm run demo` makes it, `'public'` with `--public`. Read its folder, never write to it.
 */
export function demoRun(kind: 'private' | 'public'): DemoRun {
  return inject(kind === 'private' ? 'demoRun' : 'demoPublicRun');
}

/** The folder of a demo run, or an error quoting what the CLI printed when it failed. */
export function demoRunDir(kind: 'private' | 'public'): string {
  const run = demoRun(kind);
  if (run.status !== 0) {
    throw new Error(
      `hexreach ${run.args.join(' ')} exited with ${run.status}: ${run.stderr.trim()}`,
    );
  }
  return run.dir;
}

/**
 * Every pair of numbers written next to each other, `a,b` (as in `[lng,lat]` or a CSV row), in
 * either order, normalised through `Number` so that `-87.60` and `-87.6` are one: for checking
 * that no incident's coordinates appear in an output in one pass instead of one search per row.
 */
export function numberPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  const number = String.raw`-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
  for (const match of text.matchAll(new RegExp(`(${number}),(?=(${number}))`, 'g'))) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    pairs.add(`${a},${b}`).add(`${b},${a}`);
  }
  return pairs;
}
