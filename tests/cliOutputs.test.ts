import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, demoRunDir, root, tempDir } from './helpers.js';

/** The parts of summary.json these tests read. */
interface Summary {
  inputs: Record<string, { path: string; read: number; rejected: number; outside?: number }>;
  rejections: { total: number; byReason: Record<string, number>; first?: unknown[] };
  outside: { total: number };
  files: { name: string; bytes: number; sha256: string }[];
}

const readSummary = (dir: string): Summary =>
  JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));

/**
 * A small run's inputs in a folder of their own: the demo's first 20 tracts and first 2,000
 * incidents (most outside those tracts), `brokenRows` broken rows after them, Gi* alone without
 * permutations or robustness draws: about a second instead of the demo's ~3.5 s.
 */
function smallInputs(brokenRows = 0): { config: string; dir: string } {
  const dir = tempDir('hexreach-inputs-');
  const tracts = JSON.parse(readFileSync(join(root, 'data/demo/tracts.geojson'), 'utf8'));
  tracts.features = tracts.features.slice(0, 20);
  writeFileSync(join(dir, 'tracts.geojson'), JSON.stringify(tracts));
  const lines = readFileSync(join(root, 'data/demo/incidents.csv'), 'utf8').split('\n', 2001);
  for (let i = 1; i <= brokenRows; i++) {
    const id = 2000 + i;
    if (i % 2 === 0) lines.push(`${id},2023-01-01,THEFT,,`);
    else lines.push(`${id},not a date,THEFT,42.37,-101.37`);
  }
  writeFileSync(join(dir, 'incidents.csv'), `${lines.join('\n')}\n`);
  const config = join(dir, 'hexreach.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      // An absolute path, which a public summary must not repeat.
      inputs: {
        incidents: { path: 'incidents.csv' },
        areas: { path: join(dir, 'tracts.geojson') },
      },
      statistics: ['gistar'],
      hotspots: { permutations: 0 },
      robustness: { draws: 0, resolutions: false },
    }),
  );
  return { config, dir };
}

/** Runs the CLI with extra environment variables. */
function hexreachWithEnv(args: readonly string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ...env },
  });
}

/** Every file of a folder, name → SHA-256 (comparing megabytes byte by byte with expect is slow). */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, sha256(join(dir, name))]));
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A copy of the demo's private run in a new folder: the previous run to write over. */
function previousRun(): string {
  const out = join(tempDir(), 'out');
  cpSync(demoRunDir('private'), out, { recursive: true });
  return out;
}

function expectSucceeded(run: SpawnSyncReturns<string>): void {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

/** The manifest lists every file in the folder but summary.json and the `others`, with true sizes and hashes. */
function expectManifestTrue(dir: string, others: readonly string[] = []): void {
  const { files } = readSummary(dir);
  const present = readdirSync(dir).filter((n) => n !== 'summary.json' && !others.includes(n));
  expect(files.map((f) => f.name).sort()).toEqual(present.sort());
  for (const file of files) {
    expect(file.bytes, file.name).toBe(statSync(join(dir, file.name)).size);
    expect(file.sha256, file.name).toBe(sha256(join(dir, file.name)));
  }
}

describe('hexreach analyze writes its outputs safely', () => {
  it('leaves the previous outputs byte-identical when killed between two file writes', () => {
    const out = previousRun();
    const before = snapshot(out);
    const { config } = smallInputs();
    const args = ['analyze', '--config', config, '--out', out, '--quiet'];
    const killed = hexreachWithEnv(args, { HEXREACH_TEST_KILL_AFTER_FILE: '2' });
    expect(killed.signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(before);
    // Killed with cells.geojson and zones.geojson written, zones.csv not: its temporary
    // folder is left beside, and the next run removes it.
    const parent = join(out, '..');
    const left = readdirSync(parent).filter((n) => n.startsWith('.out.hexreach-'));
    expect(left).toHaveLength(1);
    expect(readdirSync(join(parent, left[0])).sort()).toEqual([
      'cells.geojson',
      'rejected.csv',
      'zones.geojson',
    ]);

    expectSucceeded(hexreachWithEnv(args, {}));
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readSummary(out).inputs.incidents).toMatchObject({ read: 2000, rejected: 1 });
    expect(readdirSync(out)).not.toContain('spacetime.json');
    expectManifestTrue(out);
  });

  it('leaves the previous outputs byte-identical when the run fails', () => {
    const out = previousRun();
    const before = snapshot(out);
    const { dir } = smallInputs();
    writeFileSync(join(dir, 'bad.geojson'), '{"type": "FeatureCollection", "features": [,]}');
    const args = ['--incidents', join(dir, 'incidents.csv'), '--areas', join(dir, 'bad.geojson')];
    const failed = hexreachWithEnv(['analyze', ...args, '--out', out, '--quiet'], {});
    expect(failed.status).toBe(1);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, '..'))).toEqual(['out']);
  });

  it('a --public run over a private run leaves no rejected.csv and keeps a user’s file', () => {
    const out = previousRun();
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining(['rejected.csv', 'spacetime.json', 'organizations.geojson']),
    );
    const { config, dir } = smallInputs();
    const incidents = join(dir, 'incidents.csv');
    const run = hexreachWithEnv(
      ['analyze', '--config', config, '--incidents', incidents, '--out', out, '--public', '-q'],
      {},
    );
    expectSucceeded(run);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(readdirSync(out).sort()).toEqual([
      'cells.bin',
      'cells.geojson',
      'notes.txt',
      'report.html',
      'report.md',
      'summary.json',
      'zones.csv',
      'zones.geojson',
    ]);
    expectManifestTrue(out, ['notes.txt']);
    // Input files by name only: their folder (absolute here) appears in no output.
    const summary = readSummary(out);
    expect(summary.inputs.incidents.path).toBe('incidents.csv');
    expect(summary.inputs.areas.path).toBe('tracts.geojson');
    for (const name of ['summary.json', 'report.html', 'report.md'])
      expect(readFileSync(join(out, name), 'utf8'), name).not.toContain(dir);
  });

  it('names no date taken from the incidents in a public run without incidents.from and .to', () => {
    // The small run's incidents end in mid-January 2023: their first and last days would
    // otherwise be named in the summary and its notes.
    const { config } = smallInputs();
    const out = join(tempDir(), 'out');
    expectSucceeded(
      hexreachWithEnv(['analyze', '--config', config, '--out', out, '--public', '--quiet'], {}),
    );
    // Without the window a public run publishes no time series: its steps would be the data's.
    const summary = readSummary(out) as unknown as { temporal?: unknown; notes: string[] };
    expect(summary.temporal).toBeUndefined();
    for (const name of ['summary.json', 'report.html', 'report.md', 'cells.geojson'])
      expect(readFileSync(join(out, name), 'utf8'), name).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('lists every file of a run with its true size and SHA-256 in summary.json', () => {
    expectManifestTrue(demoRunDir('private'));
    expectManifestTrue(demoRunDir('public'));
    expect(readSummary(demoRunDir('private')).files.map((f) => f.name)).toContain('rejected.csv');
  });

  it('streams 200,000 broken rows to rejected.csv; the summary keeps 20 and the counts', () => {
    const { config } = smallInputs(200_000);
    const out = join(tempDir(), 'out');
    const run = hexreachWithEnv(['analyze', '--config', config, '--out', out, '--quiet'], {});
    expectSucceeded(run);
    const summary = readSummary(out);
    const incidents = summary.inputs.incidents;
    // The demo's first 2,000 rows hold one rejected row (row 922).
    expect(incidents.rejected).toBe(200_001);
    expect(summary.rejections.total).toBe(200_001);
    expect(summary.rejections.byReason).toEqual({
      'missing-coordinates': 100_001,
      'invalid-date': 100_000,
    });
    expect(summary.rejections.first).toHaveLength(20);
    const lines = readFileSync(join(out, 'rejected.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.length - 1).toBe(200_001 + (incidents.outside ?? 0));
    const reasons = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const reason = line.split(',')[3];
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    expect(reasons.get('missing-coordinates')).toBe(100_001);
    expect(reasons.get('invalid-date')).toBe(100_000);
    expect(run.stdout).toContain(
      'rejected   200,001 record(s); the first 20 (all in rejected.csv):',
    );
  });
});
