import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { once } from '../packages/core/test/helpers/once.js';
import { CHICAGO_COMMUNITY_AREAS, CHICAGO_CONFIG } from './chicagoConfig.js';
import { hexreach, root, tempDir } from './helpers.js';
import { expectRecordedHashes, outputHashes } from './outputHashes.js';

// The full pipeline on real public data from ../shared/data (see its SOURCES.md): Chicago
// Police Department incidents of 2018 over the 791 census tracts of the Chicago SDOH file.
// The CLI is given paths relative to the repository (its working folder), as a user types them:
// the outputs name their sources, and must hash the same wherever the clone sits.
const shared = '../shared/data';
const crimes = `${shared}/chicago_crimes_2018.csv`;
const tracts = `${shared}/chicago_sdoh_tracts_2014.geojson`;
const schools = `${shared}/chicago_cps_schools_sy1920.geojson`;

interface ChicagoSummary {
  inputs: {
    incidents: {
      read: number;
      accepted: number;
      rejected: number;
      outside: number;
      categories: string[];
    };
    areas: { read: number; accepted: number; rejected: number; populationAttribute: string };
    organizations: { read: number; accepted: number };
  };
  cells: { count: number; resolution: number; population: number; withIncidents: number };
  zones: { count: number; ranked: { rank: number; cells: number }[] };
  rejections: { total: number; byReason: Record<string, number> };
  parameters: { resolution: number; hotspots: { k: number } };
}

describe('hexreach analyze on Chicago 2018 (real data in ../shared)', () => {
  /** The CLI run on Chicago, made by the first test that asks (a failure fails each test). */
  const chicago = once(() => {
    const out = tempDir('hexreach-chicago-');
    expect(
      existsSync(join(root, crimes)),
      `${crimes} is missing: the reference suite needs ../shared`,
    ).toBe(true);
    const config = join(out, 'chicago.config.json');
    writeFileSync(config, JSON.stringify(CHICAGO_CONFIG));
    const run = hexreach([
      'analyze',
      '--config',
      config,
      '--incidents',
      crimes,
      '--areas',
      tracts,
      '--organizations',
      schools,
      '--out',
      out,
      '--quiet',
    ]);
    if (run.status !== 0) throw new Error(`hexreach analyze exited ${run.status}: ${run.stderr}`);
    const summary: ChicagoSummary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    return { out, run, summary };
  });

  it('runs to completion', async () => {
    const { run } = await chicago();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes every output byte-identical to the recorded ones (REGEN=1 records them)', async () => {
    const { out } = await chicago();
    expectRecordedHashes('chicago 2018', out);
  });

  it('reads every one of the 156,385 incidents and accounts for each', async () => {
    const { summary } = await chicago();
    const i = summary.inputs.incidents;
    expect(i.read).toBe(156_385);
    expect(i.read).toBe(i.accepted + i.rejected + i.outside);
    expect(i.rejected).toBe(0);
    expect(i.categories).toContain('THEFT');
    // SOURCES.md: 99.0% of a 10% sample fall inside a tract; most misses are at O'Hare, where
    // the tract file has no polygon. Cells overlapping tracts catch a little more.
    expect(i.accepted / i.read).toBeGreaterThan(0.985);
    expect(i.outside).toBeGreaterThan(0);
  });

  it('reads all 791 tracts and keeps their population total in the cells', async () => {
    const { summary } = await chicago();
    const tractData = JSON.parse(readFileSync(join(root, tracts), 'utf8')) as FeatureCollection;
    const total = tractData.features.reduce((s, f) => s + Number(f.properties?.Pop2014), 0);
    expect(summary.inputs.areas.accepted).toBe(791);
    expect(summary.inputs.areas.populationAttribute).toBe('Pop2014');
    expect(Math.abs(summary.cells.population - total) / total).toBeLessThan(0.005);
  });

  it('covers the city with resolution-8 cells, empty ones included', async () => {
    const { summary } = await chicago();
    expect(summary.cells.resolution).toBe(8);
    // Chicago's tracts cover about 590 km²; a resolution-8 cell is about 0.74 km².
    expect(summary.cells.count).toBeGreaterThan(700);
    expect(summary.cells.count).toBeLessThan(1100);
    expect(summary.cells.withIncidents).toBeLessThan(summary.cells.count);
  });

  it('finds ranked priority zones of at least 3 contiguous cells', async () => {
    const { out, summary } = await chicago();
    expect(summary.zones.count).toBeGreaterThan(0);
    summary.zones.ranked.forEach((z, i) => {
      expect(z.rank).toBe(i + 1);
      expect(z.cells).toBeGreaterThanOrEqual(3);
    });
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8')) as FeatureCollection;
    expect(zones.features.length).toBe(summary.zones.count);
  });

  it('reads the 654 public schools as partner organizations and suggests the nearest per zone', async () => {
    const { out, summary } = await chicago();
    expect(summary.inputs.organizations.read).toBe(654);
    expect(summary.inputs.organizations.accepted).toBe(654);
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8')) as FeatureCollection;
    for (const zone of zones.features) {
      const partners = zone.properties?.partners as { type: string; distanceMeters: number }[];
      expect(partners.length).toBeGreaterThan(0);
      expect(partners.every((p) => p.type === 'school')).toBe(true);
      // Chicago's public schools are dense: every zone has one within 1.5 km.
      expect(partners[0].distanceMeters).toBeLessThan(1500);
    }
  });

  it('writes incident counts per cell that add up to the accepted incidents', async () => {
    const { out, summary } = await chicago();
    const cells = JSON.parse(readFileSync(join(out, 'cells.geojson'), 'utf8')) as FeatureCollection;
    const total = cells.features.reduce((s, f) => s + (f.properties?.incidents as number), 0);
    expect(total).toBe(summary.inputs.incidents.accepted);
    expect(cells.features.length).toBe(summary.cells.count);
  });
});

describe('hexreach analyze on Chicago 2018 with the community areas as places', () => {
  /** The same run as above with --places, made by the first test that asks. */
  const named = once(() => {
    const out = tempDir('hexreach-chicago-places-');
    const config = join(out, 'chicago.config.json');
    writeFileSync(config, JSON.stringify(CHICAGO_CONFIG));
    const run = hexreach([
      'analyze',
      '--config',
      config,
      '--incidents',
      crimes,
      '--areas',
      tracts,
      '--organizations',
      schools,
      '--places',
      CHICAGO_COMMUNITY_AREAS,
      '--out',
      out,
      '--quiet',
    ]);
    if (run.status !== 0) throw new Error(`hexreach analyze exited ${run.status}: ${run.stderr}`);
    const zones: FeatureCollection = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8'));
    return { out, run, zones };
  });
  const areas: FeatureCollection = JSON.parse(
    readFileSync(join(root, CHICAGO_COMMUNITY_AREAS), 'utf8'),
  );
  const areaNames = new Set(areas.features.map((f) => String(f.properties?.GEOG)));

  it('names every zone by the community areas it lies in, largest share first', async () => {
    const { zones } = await named();
    expect(areaNames.size).toBe(77);
    expect(zones.features.length).toBeGreaterThan(0);
    for (const zone of zones.features) {
      const { id, name, places } = zone.properties as {
        id: string;
        name: string;
        places: string[];
      };
      expect(places.length, id).toBeGreaterThan(0);
      for (const place of places) expect(areaNames.has(place), place).toBe(true);
      expect(name).toBe(`${id} · ${places.slice(0, 3).join(', ')}`);
    }
    // Z01, the highest-ranked zone, is the Englewood zone on the South Side.
    expect(zones.features[0].properties?.places).toContain('Englewood');
  });

  it('prints the places read and the named zones, and names them in zones.csv and the reports', async () => {
    const { out, run, zones } = await named();
    expect(run.stdout).toMatch(
      /places {5}\.\.\/shared\/data\/chicago_community_areas_2020\.geojson: 77 read, 77 accepted, 0 rejected; names: GEOG/,
    );
    const csv = readFileSync(join(out, 'zones.csv'), 'utf8');
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const zone of zones.features) {
      const name = String(zone.properties?.name);
      expect(run.stdout).toContain(`${name}: `);
      expect(csv).toContain(`"${name}"`);
      expect(markdown).toContain(`### ${name} · rank`);
      expect(html).toContain(name);
    }
  });

  it('changes nothing but the names: cells.geojson hashes as the unnamed run’s recorded one', async () => {
    const { out } = await named();
    const recorded = JSON.parse(
      readFileSync(join(root, 'tests/fixtures/outputHashes.json'), 'utf8'),
    ) as Record<string, Record<string, string>>;
    expect(outputHashes(out)['cells.geojson']).toBe(recorded['chicago 2018']['cells.geojson']);
  });
});
