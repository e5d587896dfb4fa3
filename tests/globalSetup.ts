import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/** A CLI run of the demo city made once per test run: its folder and what it printed. */
export interface DemoRun {
  readonly dir: string;
  readonly args: readonly string[];
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** `hexreach analyze --config examples/hexreach.config.json`, run once (see tests/globalSetup.ts). */
    demoRun: DemoRun;
    /** The same with `--public`, its noise seeded (`DEMO_NOISE_SEED`). */
    demoPublicRun: DemoRun;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages/core/dist/cli/main.js');

/** The runs and how many projects use them, kept on globalThis: every project's setup shares one. */
interface Shared {
  runs: Promise<{ demoRun: DemoRun; demoPublicRun: DemoRun }>;
  folder: string;
  users: number;
}
const key = Symbol.for('hexreach.tests.demoRuns');
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;

function runCli(args: readonly string[], dir: string): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, '--out', dir, '--quiet'], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ dir, args, status, stdout, stderr }));
  });
}

/** The seed of the public demo run's noise, so that its outputs can be compared run to run. */
export const DEMO_NOISE_SEED = 20261207;

/**
 * The example configuration with its input paths made absolute and the public run's noise
 * seeded (`privacy.noiseSeed`, which no output names), written into `folder`.
 */
function seededPublicConfig(folder: string): string {
  const example = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
  for (const input of Object.values(example.inputs as Record<string, { path?: string }>)) {
    if (typeof input === 'object' && input?.path !== undefined)
      input.path = join(root, 'examples', input.path);
  }
  example.privacy = { ...example.privacy, noiseSeed: DEMO_NOISE_SEED };
  const path = join(folder, 'hexreach.config.json');
  writeFileSync(path, JSON.stringify(example, null, 2));
  return path;
}

/**
 * Runs the demo analyses that many test files read (the CLI tests, the browser tests) once per
 * test run, both at once, into a temporary folder, and provides them to the tests (`inject`).
 * A run that fails is provided with its exit code and stderr, so the tests reading it fail and
 * say why; a missing build stops the whole run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (!existsSync(cli)) {
    throw new Error(`${cli} is missing: run "npm run build" before the tests (npm test does)`);
  }
  let shared = registry[key];
  if (shared === undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'hexreach-demo-runs-'));
    const config = ['analyze', '--config', join(root, 'examples/hexreach.config.json')];
    const publicConfig = ['analyze', '--config', seededPublicConfig(folder), '--public'];
    const runs = Promise.all([
      runCli(config, join(folder, 'private')),
      runCli(publicConfig, join(folder, 'public')),
    ]).then(([demoRun, demoPublicRun]) => ({ demoRun, demoPublicRun }));
    shared = { runs, folder, users: 0 };
    registry[key] = shared;
  }
  shared.users++;
  const { demoRun, demoPublicRun } = await shared.runs;
  project.provide('demoRun', demoRun);
  project.provide('demoPublicRun', demoPublicRun);
  const mine = shared;
  return () => {
    mine.users--;
    if (mine.users === 0) {
      rmSync(mine.folder, { recursive: true, force: true });
      registry[key] = undefined;
    }
  };
}
