import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { root } from './helpers.js';

/** The recorded hashes of whole runs' outputs, by run (tests/fixtures/outputHashes.json). */
const FIXTURE = join(root, 'tests/fixtures/outputHashes.json');

/**
 * The SHA-256 of every file a run wrote, by name. `summary.json` is hashed without its
 * `durationsSeconds`, the one thing that differs from run to run.
 */
export function outputHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    let bytes = readFileSync(join(dir, name));
    if (name === 'summary.json') {
      const { durationsSeconds: _, ...rest } = JSON.parse(bytes.toString('utf8'));
      bytes = Buffer.from(JSON.stringify(rest));
    }
    hashes[name] = createHash('sha256').update(bytes).digest('hex');
  }
  return hashes;
}

/**
 * Fails unless a run's outputs hash as recorded under `run`: the guard of refactors that must
 * keep every output byte-identical. `REGEN=1` records them instead; review the fixture's diff
 * like code, and say in the commit which behaviour change it belongs to.
 */
export function expectRecordedHashes(run: string, dir: string): void {
  const actual = outputHashes(dir);
  const recorded: Record<string, Record<string, string>> = existsSync(FIXTURE)
    ? JSON.parse(readFileSync(FIXTURE, 'utf8'))
    : {};
  if (process.env.REGEN === '1') {
    recorded[run] = actual;
    const sorted = Object.fromEntries(
      Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(FIXTURE, `${JSON.stringify(sorted, null, 2)}\n`);
    return;
  }
  expect(recorded[run], `no hashes recorded for ${run}: run the test with REGEN=1`).toBeDefined();
  expect(actual).toEqual(recorded[run]);
}
