import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoRun, hexreach, numberPairs, root, tempDir } from './helpers.js';

const demoConfig = join(root, 'examples/hexreach.config.json');
const demoIncidents = join(root, 'data/demo/incidents.csv');
const demoTracts = join(root, 'data/demo/tracts.geojson');

/** The parts of summary.json these tests read. */
interface DemoSummary {
  inputs: {
    incidents: { read: number; accepted: number; rejected: number; outside: number };
    areas: { rejected: number };
  };
  cells: { count: number; population: number };
  zones: { count: number };
  temporal: {
    coverage: { from: string; to: string };
    step: string;
    partial: string;
    partialSteps: unknown[];
  };
  notes: string[];
}

describe('hexreach analyze on the demo city', () => {
  // `hexreach analyze --config examples/hexreach.config.json --quiet`, run once (tests/globalSetup.ts).
  const run = demoRun('private');
  const out = run.dir;
  const summary = (): DemoSummary => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

  it('exits 0 and prints a summary on stdout', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('incidents');
    expect(run.stdout).toContain('zones');
  });

  it('writes the days the incidents cover: whole months of 2023–2024, no partial step', () => {
    expect(summary().temporal).toEqual({
      coverage: { from: '2023-01-01', to: '2025-01-01' },
      step: 'month',
      partial: 'drop',
      partialSteps: [],
    });
    expect(summary().notes.some((n) => n.includes('holds'))).toBe(false);
  });

  it('accounts for every incident record: read = accepted + rejected + outside', () => {
    const i = summary().inputs.incidents;
    expect(i.read).toBe(i.accepted + i.rejected + i.outside);
    const dataRows = readFileSync(demoIncidents, 'utf8').trim().split('\n').length - 1;
    expect(i.read).toBe(dataRows);
    expect(i.rejected).toBeGreaterThan(0);
    expect(i.outside).toBeGreaterThan(0);
  });

  it('lists every rejected and outside record in rejected.csv', () => {
    const lines = readFileSync(join(out, 'rejected.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('source,record_kind,record,reason,message');
    const i = summary().inputs.incidents;
    const areaRejected = summary().inputs.areas.rejected;
    expect(lines.length - 1).toBe(i.rejected + i.outside + areaRejected);
  });

  it('writes every cell of the study area, occupied or not, as RFC 7946 polygons', () => {
    const cells = JSON.parse(
      readFileSync(join(out, 'cells.geojson'), 'utf8'),
    ) as FeatureCollection<Polygon>;
    expect(cells.type).toBe('FeatureCollection');
    expect('crs' in cells).toBe(false);
    expect(cells.features.length).toBe(summary().cells.count);
    const empty = cells.features.filter((f) => f.properties?.incidents === 0).length;
    expect(empty).toBeGreaterThan(0);
    const incidentTotal = cells.features.reduce(
      (s, f) => s + (f.properties?.incidents as number),
      0,
    );
    expect(incidentTotal).toBe(summary().inputs.incidents.accepted);
    for (const f of cells.features.slice(0, 50)) {
      for (const [lng, lat] of f.geometry.coordinates[0]) {
        expect(String(lng).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
  });

  it('keeps the population total of the tracts in the cells (within 0.5%)', () => {
    const tracts = JSON.parse(readFileSync(demoTracts, 'utf8')) as FeatureCollection;
    const total = tracts.features.reduce((s, f) => s + Number(f.properties?.population ?? 0), 0);
    expect(Math.abs(summary().cells.population - total) / total).toBeLessThan(0.005);
  });

  it('writes the counts and residents a rate comes from in full: rate_per_1000 recomputes to 1e-9', () => {
    const cells = JSON.parse(readFileSync(join(out, 'cells.geojson'), 'utf8')) as FeatureCollection;
    let checked = 0;
    for (const f of cells.features) {
      const {
        rate_per_1000: rate,
        weighted_incidents: count,
        population,
      } = f.properties as {
        rate_per_1000: number | null;
        weighted_incidents: number;
        population: number;
      };
      if (rate === null) continue;
      checked++;
      expect(Math.abs(rate - (count / population) * 1000)).toBeLessThanOrEqual(1e-9 * rate);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('writes ranked contiguous zones with their reasons in numbers', () => {
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8')) as FeatureCollection;
    expect(zones.features.length).toBe(summary().zones.count);
    expect(zones.features.length).toBeGreaterThan(0);
    zones.features.forEach((f, i) => {
      expect(f.properties?.rank).toBe(i + 1);
      expect(f.geometry.type).toBe('Polygon');
      expect(f.properties?.cellCount).toBeGreaterThanOrEqual(3);
    });
  });

  it('writes zones.csv and a self-contained report that names every zone and runs nothing', () => {
    const csv = readFileSync(join(out, 'zones.csv'), 'utf8').trim().split('\n');
    // The demo tracts have a `name` property: the zones are named by the tracts they lie in.
    expect(csv[0].split(',').slice(0, 5)).toEqual(['id', 'name', 'places', 'rank', 'cellCount']);
    expect(csv[1]).toMatch(/^Z01,"Z01 · Tract \d+(, Tract \d+){0,2}",Tract \d+/);
    expect(csv.length - 1).toBe(summary().zones.count);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    for (let rank = 1; rank <= summary().zones.count; rank++) {
      const id = `Z${String(rank).padStart(2, '0')}`;
      expect(html).toContain(id);
      expect(markdown).toContain(id);
    }
    // No script, event handler, or remote resource in any tag (escaped text is not a tag).
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain('<svg');
    // The demo's test organization with markup in its name shows as text.
    if (html.includes('Youth Center')) expect(html).toContain('Youth Center &lt;img');
  });

  it("gives each zone's incidents per month with the days each month is compared over", () => {
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8')) as FeatureCollection;
    for (const f of zones.features) {
      const steps = f.properties?.incidentsByStep as { start: string; days: number }[];
      expect(steps).toHaveLength(24);
      for (const step of steps) {
        const [year, month] = step.start.split('-').map(Number);
        expect(step.days, step.start).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
      expect(f.properties?.trend).toMatch(/ in incidents per day \(Mann–Kendall τ = /);
    }
  });

  it('labels every zone with its robustness to other weights and resolutions', () => {
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8')) as FeatureCollection;
    for (const f of zones.features) {
      const p = f.properties as {
        robustness: { label: string; meanProbability: number };
        reasons: string[];
      };
      expect(['robust', 'moderate', 'fragile']).toContain(p.robustness.label);
      expect(p.robustness.meanProbability).toBeGreaterThanOrEqual(0);
      expect(p.robustness.meanProbability).toBeLessThanOrEqual(1);
      expect(p.reasons.length).toBeGreaterThan(0);
    }
  });

  it('puts no individual incident coordinate in cells.geojson or zones.geojson', () => {
    const text =
      readFileSync(join(out, 'cells.geojson'), 'utf8') +
      readFileSync(join(out, 'zones.geojson'), 'utf8');
    const written = numberPairs(text);
    const rows = readFileSync(demoIncidents, 'utf8').trim().split('\n').slice(1);
    let checked = 0;
    for (const row of rows) {
      const [, , , lat, lng] = row.split(',');
      if (!lat || !lng || Number.isNaN(Number(lat)) || Number.isNaN(Number(lng))) continue;
      checked++;
      expect(written.has(`${Number(lng)},${Number(lat)}`), row).toBe(false);
    }
    expect(checked).toBeGreaterThan(50_000 - 20);
  });

  it('is reproducible: a second run writes byte-identical cells and zones', () => {
    const again = tempDir();
    const second = hexreach(['analyze', '--config', demoConfig, '--out', again, '--quiet']);
    expect(second.status).toBe(0);
    for (const name of ['cells.geojson', 'zones.geojson', 'rejected.csv']) {
      expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(out, name), 'utf8'));
    }
  });
});

describe('hexreach on bad input and bad usage', () => {
  it('prints help and the version with exit code 0', () => {
    const help = hexreach(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('analyze');
    const version = hexreach(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on wrong usage', () => {
    expect(hexreach(['analyze', '--resolution', '14']).status).toBe(2);
    expect(hexreach(['frobnicate']).status).toBe(2);
    const missing = hexreach(['analyze', '--areas', demoTracts]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--incidents');
  });

  it('exits 1 with one line naming a missing file', () => {
    const run = hexreach([
      'analyze',
      '--incidents',
      'nope.csv',
      '--areas',
      demoTracts,
      '--out',
      tempDir(),
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('nope.csv');
  });

  it('exits 1 naming the line and column of invalid JSON', () => {
    const dir = tempDir();
    const bad = join(dir, 'areas.geojson');
    writeFileSync(bad, '{"type": "FeatureCollection",\n "features": [,]}');
    const run = hexreach(['analyze', '--incidents', demoIncidents, '--areas', bad, '--out', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('areas.geojson');
    expect(run.stderr).toMatch(/line 2/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('exits 1 listing the columns a CSV has when none holds coordinates', () => {
    const dir = tempDir();
    const bad = join(dir, 'incidents.csv');
    writeFileSync(bad, 'id,when,what\n1,2024-01-01,THEFT\n');
    const run = hexreach(['analyze', '--incidents', bad, '--areas', demoTracts, '--out', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('id, when, what');
  });

  it('exits 1 naming the config path of an invalid value', () => {
    const dir = tempDir();
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(
      config,
      JSON.stringify({ indicators: [{ name: 'poverty_rate', direction: 'up' }] }),
    );
    const run = hexreach([
      'analyze',
      '--config',
      config,
      '--incidents',
      demoIncidents,
      '--areas',
      demoTracts,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('indicators[0].direction');
  });

  it('turns rejections into an error with --strict', () => {
    const run = hexreach([
      'analyze',
      '--config',
      demoConfig,
      '--out',
      tempDir(),
      '--strict',
      '--quiet',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--strict');
    expect(run.stderr).toContain('incidents.csv row');
  });
});
