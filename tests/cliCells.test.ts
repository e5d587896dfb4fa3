import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCellAggregates } from './cellAggregates.js';
import { hexreach, root, tempDir } from './helpers.js';

/**
 * The example configuration, its paths absolute, lighter (99 permutations, 20 weight draws) and
 * without the re-runs at resolutions r ± 1, which need incident points; `cells` replaces the
 * incidents when given.
 */
function config(dir: string, name: string, cells?: string, extra: object = {}): string {
  const example = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
  for (const input of Object.values(example.inputs as Record<string, { path?: string }>)) {
    if (typeof input === 'object' && input?.path !== undefined)
      input.path = join(root, 'examples', input.path);
  }
  if (cells !== undefined) {
    delete example.inputs.incidents;
    example.inputs.cells = { path: cells };
  }
  example.hotspots = { ...example.hotspots, permutations: 99 };
  example.robustness = { draws: 20, resolutions: false };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ ...example, ...extra }));
  return path;
}

describe('hexreach analyze --cells (cell aggregates from a warehouse)', () => {
  it('gives the same cells, statistics and zones as the incidents they were counted from', async () => {
    const dir = tempDir();
    const cells = join(dir, 'cells.csv');
    const rows = await writeCellAggregates(
      join(root, 'data/demo/incidents.csv'),
      { lat: 'latitude', lng: 'longitude', date: 'date', category: 'category' },
      9,
      cells,
    );
    expect(rows).toBeGreaterThan(1000);
    const points = hexreach([
      'analyze',
      '--config',
      config(dir, 'points.json'),
      '--out',
      join(dir, 'points'),
      '--quiet',
    ]);
    expect(points.status, points.stderr).toBe(0);
    const aggregates = hexreach([
      'analyze',
      '--config',
      config(dir, 'cells.json', cells),
      '--out',
      join(dir, 'cells'),
      '--quiet',
    ]);
    expect(aggregates.status, aggregates.stderr).toBe(0);
    for (const file of ['cells.geojson', 'zones.geojson', 'zones.csv', 'spacetime.json']) {
      const a = readFileSync(join(dir, 'points', file));
      const b = readFileSync(join(dir, 'cells', file));
      expect(b.equals(a), `${file} differs`).toBe(true);
    }
    // A public run noises the counts the aggregates stand for, as it does the incidents'.
    const publicRun = hexreach([
      'analyze',
      '--config',
      config(dir, 'public.json', cells, { privacy: { noiseSeed: 7 } }),
      '--public',
      '--out',
      join(dir, 'public'),
      '--quiet',
    ]);
    expect(publicRun.status, publicRun.stderr).toBe(0);
    const counts = (folder: string) =>
      (
        JSON.parse(readFileSync(join(dir, folder, 'cells.geojson'), 'utf8')) as {
          features: { properties: { incidents: number | string | null } }[];
        }
      ).features.map((f) => f.properties.incidents);
    const truth = counts('cells');
    const noisy = counts('public');
    expect(noisy.length).toBe(truth.length);
    expect(noisy.filter((v, i) => v !== truth[i]).length).toBeGreaterThan(truth.length / 2);
    expect(aggregates.stdout).toMatch(
      /note {7}The incidents came as cell aggregates \(.*cells\.csv: [\d,]+ rows, [\d,]+ incidents\)/,
    );
    expect(aggregates.stdout).toContain(
      `cell aggregates: ${rows.toLocaleString('en-US')} rows accepted`,
    );
  });

  it('rejects a cell of another resolution, an invalid index and a negative count, with their rows', () => {
    const dir = tempDir();
    const cells = join(dir, 'cells.csv');
    writeFileSync(
      cells,
      [
        'h3,count,period',
        '892613140abffff,3,2024-01-01',
        '882613140bfffff,2,2024-01-01', // resolution 8
        'not-a-cell,1,2024-01-01',
        '892613140abffff,-4,2024-02-01',
        '892613140abffff,2.5,2024-02-01',
        '892613140abffff,1,2024-02-15', // not the start of a month
        '892613140abffff,5,2024-03',
        '',
      ].join('\n'),
    );
    const run = hexreach([
      'analyze',
      '--cells',
      cells,
      '--areas',
      join(root, 'data/demo/tracts.geojson'),
      '--resolution',
      '9',
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const rejected = readFileSync(join(dir, 'out', 'rejected.csv'), 'utf8');
    expect(rejected).toMatch(
      /cells\.csv,row,2,wrong-resolution,h3 882613140bfffff is a resolution-8 cell; the run's resolution is 9/,
    );
    expect(rejected).toMatch(/cells\.csv,row,3,invalid-cell,/);
    expect(rejected).toMatch(/cells\.csv,row,4,invalid-count,/);
    expect(rejected).toMatch(/cells\.csv,row,5,invalid-count,/);
    expect(rejected).toMatch(/cells\.csv,row,6,invalid-date,/);
    expect(run.stdout).toMatch(/rejected {3}5 record\(s\)/);
  });

  it('refuses a file without an h3 column (exit 1) and --cells with --incidents (exit 2)', () => {
    const dir = tempDir();
    const cells = join(dir, 'cells.csv');
    writeFileSync(cells, 'cell_id,n\nx,1\n');
    const areas = join(root, 'data/demo/tracts.geojson');
    const bad = hexreach([
      'analyze',
      '--cells',
      cells,
      '--areas',
      areas,
      '--out',
      join(dir, 'o'),
      '--quiet',
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/cells\.csv: cell aggregates need an h3 column/);
    expect(existsSync(join(dir, 'o'))).toBe(false);
    const both = hexreach([
      'analyze',
      '--cells',
      cells,
      '--incidents',
      cells,
      '--areas',
      areas,
      '--quiet',
    ]);
    expect(both.status).toBe(2);
  });
});
