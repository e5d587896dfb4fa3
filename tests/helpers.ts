import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
