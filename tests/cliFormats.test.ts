import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TRACT_FIELD_NAMES } from '../data/makeDemoCity.js';
import { demoRunDir, hexreach, root, tempDir } from './helpers.js';

// Reprojecting the tracts from state-plane feet back to degrees moves a vertex by about 1e-13°
// (proj4's round trip), and the exact clipping of tracts to cells (spherical areas of small
// slivers) turns that into up to ~5e-9 of a cell's population share. Numbers are compared to a
// relative 1e-7, far above that and far below the 6 significant digits any output is written
// with; text and cell ids must be equal.
const RELATIVE_TOLERANCE = 1e-7;

type Properties = Record<string, unknown>;
interface Collection {
  features: { properties: Properties; geometry: unknown }[];
}

const demo = (name: string) => join(root, 'data/demo', name);
const shortName = (name: string) => TRACT_FIELD_NAMES.get(name) ?? name;

/**
 * The example configuration with the demo's tracts as the state-plane shapefile zip and its
 * incidents as Parquet, every area attribute under its dBase field name, written into `dir`.
 */
function shapefileParquetConfig(dir: string): string {
  const config = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
  config.inputs.incidents.path = demo('incidents.parquet');
  config.inputs.areas.path = demo('tracts.zip');
  config.inputs.organizations.path = demo('organizations.geojson');
  config.inputs.surveys.path = demo('surveys.csv');
  for (const attribute of [...config.attributes, ...config.equity.attributes])
    attribute.name = shortName(attribute.name);
  for (const indicator of config.indicators) {
    indicator.name = shortName(indicator.name);
    if (indicator.moe !== undefined) indicator.moe = shortName(indicator.moe);
  }
  const path = join(dir, 'hexreach.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** A property name of the GeoJSON run as the shapefile run writes it (`area_med_income`). */
function shapefileKey(key: string): string {
  for (const [long, short] of TRACT_FIELD_NAMES)
    if (key.includes(long)) return key.replace(long, short);
  return key;
}

function readCollection(dir: string, name: string): Collection {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

/**
 * Asserts two runs' features equal: same geometry, same text, numbers within the tolerance.
 * Differences are collected and asserted once (one expect per value would be 100,000 calls).
 */
function expectSameFeatures(actual: Collection, expected: Collection, file: string): void {
  expect(actual.features.length, file).toBe(expected.features.length);
  const differences: string[] = [];
  expected.features.forEach((feature, i) => {
    const other = actual.features[i];
    if (JSON.stringify(other.geometry) !== JSON.stringify(feature.geometry))
      differences.push(`${file} feature ${i}: another geometry`);
    expect(Object.keys(other.properties).sort()).toEqual(
      Object.keys(feature.properties).map(shapefileKey).sort(),
    );
    for (const [key, value] of Object.entries(feature.properties)) {
      const got = other.properties[shapefileKey(key)];
      const same =
        typeof value === 'number' && typeof got === 'number'
          ? Math.abs(got - value) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(value))
          : JSON.stringify(got) === JSON.stringify(value);
      if (!same)
        differences.push(
          `${file} feature ${i} ${key}: ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`,
        );
    }
  });
  expect(differences.slice(0, 10)).toEqual([]);
}

/** The rows rejected.csv lists for a source: `record,reason`. */
function rejectedRecords(dir: string): string[] {
  return readFileSync(join(dir, 'rejected.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(1, 3).join(','));
}

/** The demo's shapefile zip with some of its parts replaced, written as `name` into `dir`. */
function alteredZip(dir: string, name: string, parts: Record<string, Uint8Array>): string {
  const entries = unzipSync(readFileSync(demo('tracts.zip')));
  const path = join(dir, name);
  writeFileSync(path, zipSync({ ...entries, ...parts }));
  return path;
}

describe('hexreach analyze on a shapefile zip and Parquet (issue 18)', () => {
  it('gives the cells and zones of the GeoJSON and CSV run, to a relative 1e-7', () => {
    const dir = tempDir('hexreach-formats-');
    const out = join(dir, 'out');
    const run = hexreach([
      'analyze',
      '--config',
      shapefileParquetConfig(dir),
      '--out',
      out,
      '--quiet',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const geojsonRun = demoRunDir('private');
    for (const file of ['cells.geojson', 'zones.geojson']) {
      expectSameFeatures(readCollection(out, file), readCollection(geojsonRun, file), file);
    }
    // The same rows are rejected, numbered alike (a Parquet double cannot hold CSV's "N/A",
    // so that row is missing there rather than invalid: the reasons may differ, not the rows).
    const rows = (records: string[]) => records.map((r) => r.split(',')[0]);
    expect(rows(rejectedRecords(out))).toEqual(rows(rejectedRecords(geojsonRun)));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.notes).toContain(
      'data/demo/tracts.zip: shapefile reprojected from NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet (tracts.prj) to WGS84 longitude/latitude',
    );
    expect(summary.inputs.areas).toMatchObject({ path: 'data/demo/tracts.zip', read: 150 });
    expect(summary.inputs.incidents.path).toBe('data/demo/incidents.parquet');
  });

  it('reads a .shp with its .dbf, .prj and .cpg beside it as it reads the zip', () => {
    const dir = tempDir('hexreach-shp-');
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(demo('tracts.zip')))))
      writeFileSync(join(dir, name), bytes);
    // Gi* alone, without permutations or robustness draws: the reading is what is compared.
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        statistics: ['gistar'],
        hotspots: { permutations: 0 },
        robustness: { draws: 0, resolutions: false },
      }),
    );
    const run = (areas: string, out: string) =>
      hexreach([
        'analyze',
        '--config',
        config,
        '--incidents',
        demo('incidents.csv'),
        '--areas',
        areas,
        '--out',
        out,
        '--quiet',
      ]);
    const fromShp = join(dir, 'from-shp');
    const fromGeoJson = join(dir, 'from-geojson');
    const shp = run(join(dir, 'tracts.shp'), fromShp);
    expect(shp.status, shp.stderr).toBe(0);
    const geojson = run(demo('tracts.geojson'), fromGeoJson);
    expect(geojson.status, geojson.stderr).toBe(0);
    for (const file of ['cells.geojson', 'zones.geojson']) {
      expectSameFeatures(readCollection(fromShp, file), readCollection(fromGeoJson, file), file);
    }
  });

  it('stops with exit 1 naming the .prj and the reason when its coordinate system is unknown', () => {
    const dir = tempDir('hexreach-bad-prj-');
    const prj =
      'PROJCS["Made_Up",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["No_Such_Projection"],UNIT["Foot_US",0.3048006096012192]]';
    const zip = alteredZip(dir, 'tracts.zip', { 'tracts.prj': new TextEncoder().encode(prj) });
    const run = hexreach([
      'analyze',
      '--incidents',
      demo('incidents.csv'),
      '--areas',
      zip,
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /tracts\.zip: tracts\.prj: coordinate system "Made_Up" cannot be read/,
    );

    const garbage = alteredZip(dir, 'garbage.zip', {
      'tracts.prj': new TextEncoder().encode('EPSG 2236'),
    });
    const second = hexreach([
      'analyze',
      '--incidents',
      demo('incidents.csv'),
      '--areas',
      garbage,
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      /garbage\.zip: tracts\.prj: not a coordinate system in well-known text/,
    );
  });

  it('stops with exit 1 naming the record of a .shp cut short', () => {
    const dir = tempDir('hexreach-cut-shp-');
    const shp = unzipSync(readFileSync(demo('tracts.zip')))['tracts.shp'];
    const zip = alteredZip(dir, 'tracts.zip', { 'tracts.shp': shp.slice(0, shp.length - 100) });
    const run = hexreach([
      'analyze',
      '--incidents',
      demo('incidents.csv'),
      '--areas',
      zip,
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /tracts\.zip: tracts\.shp: record 149 \(feature 149\): its \d+ bytes run past the end of the file/,
    );
  });
});
