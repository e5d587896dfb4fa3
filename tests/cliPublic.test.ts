import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEMO_NOISE_SEED } from './globalSetup.js';
import { demoRun, demoRunDir, numberPairs, root } from './helpers.js';

// A public export must leak no individual incident and no count below k.
describe('hexreach analyze --public', () => {
  // `hexreach analyze --config examples/hexreach.config.json --public`, run once (tests/globalSetup.ts).
  const run = demoRun('public');
  const texts = (): Record<string, string> => {
    const out = demoRunDir('public');
    return Object.fromEntries(
      readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]),
    );
  };

  it('exits 0 with nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes no rejected.csv', () => {
    expect(existsSync(join(demoRunDir('public'), 'rejected.csv'))).toBe(false);
    expect(Object.keys(texts()).sort()).toEqual([
      // cells.geojson's columns, as the viewer reads them first: the same suppressed counts.
      'cells.bin',
      'cells.geojson',
      // The partner organizations: public places, not people.
      'organizations.geojson',
      'report.html',
      'report.md',
      // Gi* bins per cell and month (with emerging): statistics, no count or record.
      'spacetime.json',
      'summary.json',
      'zones.csv',
      'zones.geojson',
    ]);
  });

  it('contains no coordinate of any incident', () => {
    const rows = readFileSync(join(root, 'data/demo/incidents.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const written = numberPairs(Object.values(texts()).join('\n'));
    let checked = 0;
    for (const row of rows) {
      const [, , , lat, lng] = row.split(',');
      if (!lat || !lng || Number.isNaN(Number(lat)) || Number.isNaN(Number(lng))) continue;
      // The search itself finds a coordinate pair written as GeoJSON or CSV writes it.
      if (checked === 0)
        expect(numberPairs(`{"c":[${lng},${lat}]}`).has(`${Number(lng)},${Number(lat)}`)).toBe(
          true,
        );
      checked++;
      expect(written.has(`${Number(lng)},${Number(lat)}`), row).toBe(false);
    }
    expect(checked).toBeGreaterThan(50_000 - 20);
  });

  it('shows no incident count from 1 to 4: they read "<5"', () => {
    const cells = JSON.parse(texts()['cells.geojson']) as FeatureCollection;
    let suppressed = 0;
    for (const f of cells.features) {
      for (const column of ['incidents', 'weighted_incidents', 'rate_per_1000']) {
        const v = f.properties?.[column];
        if (v === '<5') suppressed++;
        else if (column === 'incidents') expect(v === 0 || v >= 5, `${column} ${v}`).toBe(true);
      }
      if (f.properties?.incidents === '<5') expect(f.properties?.rate_per_1000).toBe('<5');
      // Survey answers appear only as aggregates over at least 5 respondents.
      const responses = f.properties?.trust_responses;
      if (responses === '<5') {
        expect([
          f.properties?.trust_mean,
          f.properties?.trust_shrunk,
          f.properties?.trust_deficit,
        ]).toEqual(['<5', '<5', '<5']);
      } else {
        expect(responses === 0 || responses >= 5, `trust_responses ${responses}`).toBe(true);
      }
    }
    expect(suppressed).toBeGreaterThan(0);
    const zones = JSON.parse(texts()['zones.geojson']) as FeatureCollection;
    for (const z of zones.features) {
      const v = z.properties?.incidents;
      expect(v === '<5' || v === 0 || v >= 5).toBe(true);
      for (const part of String(z.properties?.topCategories).split('; ')) {
        const n = part.slice(part.lastIndexOf(' ') + 1);
        expect(n === '<5' || Number(n) >= 5, part).toBe(true);
      }
    }
  });

  it('states the rules in the summary and lists no record or incident date', () => {
    const summary = JSON.parse(texts()['summary.json']);
    expect(summary.privacy.public).toBe(true);
    expect(summary.privacy.minCount).toBe(5);
    expect(summary.privacy.rules.length).toBeGreaterThan(0);
    expect(summary.privacy).toMatchObject({
      epsilon: 1,
      mechanism: 'discrete Laplace (two-sided geometric)',
      guarantee:
        'Whether any one incident is in the data changes the probability of any output by at most a factor of e^1 ≈ 2.7.',
    });
    const shares = summary.privacy.tables.map((t: { share: number }) => t.share);
    expect(shares.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 9);
    // The counts of incidents read, rejected and left out are counts of incidents too.
    expect(summary.rejections.first).toBeUndefined();
    expect(summary.outside).toBeUndefined();
    expect(Object.keys(summary.inputs.incidents)).not.toContain('read');
    expect(summary.inputs.incidents.firstDate).toBeUndefined();
    expect(texts()['summary.json']).not.toMatch(/"row"/);
  });

  it('names its noise seed in no file: with it, the noise could be drawn again and subtracted', () => {
    for (const [name, text] of Object.entries(texts())) {
      expect(text, name).not.toContain('noiseSeed');
      expect(text, name).not.toContain(String(DEMO_NOISE_SEED));
    }
  });
});
