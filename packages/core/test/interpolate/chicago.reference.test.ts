import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointsToCells } from '../../src/hex/pointsToCells.js';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { interpolateAreas } from '../../src/interpolate/interpolateAreas.js';
import type { AreaTable, IncidentTable } from '../../src/types.js';

// Real City of Chicago data (see /work/shared/data/SOURCES.md); the directory sits beside the
// repository: /work/main → /work/shared.
const dataDirectory = new URL('../../../../../shared/data/', import.meta.url);
function readGeoJson<G extends Polygon | MultiPolygon | Point>(name: string): FeatureCollection<G> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(name, dataDirectory)), 'utf8'));
}

/** The 791 census tracts with population (a count) and poverty (a rate), read by hand. */
function chicagoTracts(): AreaTable {
  const { features } = readGeoJson<Polygon | MultiPolygon>('chicago_sdoh_tracts_2014.geojson');
  const column = (name: string) =>
    Float64Array.from(features, (f) => {
      const value = f.properties?.[name];
      return typeof value === 'number' ? value : Number.NaN;
    });
  return {
    source: 'chicago_sdoh_tracts_2014.geojson',
    length: features.length,
    geometries: features.map((f) => f.geometry),
    record: Uint32Array.from(features, (_, i) => i),
    attributes: { Pop2014: column('Pop2014'), Pov14: column('Pov14') },
    ids: features.map((f) => String(f.properties?.geoid10)),
  };
}

/** The week of July 2018 as an incident table, read by hand (naive times read as UTC). */
function chicagoWeek(): IncidentTable {
  const { features } = readGeoJson<Point>('chicago_crimes_2018_week_sample.geojson');
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const category = Uint16Array.from(features, (f) => {
    const name = String(f.properties?.primary_type);
    if (!categoryIndex.has(name)) {
      categoryIndex.set(name, categories.length);
      categories.push(name);
    }
    return categoryIndex.get(name)!;
  });
  return {
    source: 'chicago_crimes_2018_week_sample.geojson',
    recordKind: 'feature',
    length: features.length,
    lng: Float64Array.from(features, (f) => f.geometry.coordinates[0]),
    lat: Float64Array.from(features, (f) => f.geometry.coordinates[1]),
    time: Float64Array.from(features, (f) =>
      Date.parse(`${String(f.properties?.date).replace(' ', 'T')}Z`),
    ),
    category,
    categories,
    weight: new Float64Array(features.length).fill(1),
    record: Uint32Array.from(features, (_, i) => i),
  };
}

describe('Chicago tracts and incidents on resolution-8 cells', () => {
  const tracts = chicagoTracts();
  const grid = studyAreaCells(tracts, 8);

  it('reads the 791 tracts and covers them with about 900 cells', () => {
    expect(tracts.length).toBe(791);
    expect(grid.cells.length).toBeGreaterThan(800);
    expect(grid.cells.length).toBeLessThan(1000);
  });

  it('keeps the population total and keeps poverty rates within the tracts’ range', () => {
    const { columns, coverage } = interpolateAreas(grid, tracts, [
      { name: 'Pop2014', kind: 'count' },
      { name: 'Pov14', kind: 'rate' },
    ]);
    const total = tracts.attributes.Pop2014.reduce((a, b) => a + b, 0);
    const interpolated = columns.Pop2014.reduce((a, b) => a + b, 0);
    expect(Math.abs(interpolated - total) / total).toBeLessThan(1e-9);

    const rates = [...tracts.attributes.Pov14].filter((v) => !Number.isNaN(v));
    const [min, max] = [Math.min(...rates), Math.max(...rates)];
    const cellRates = [...columns.Pov14].filter((v) => !Number.isNaN(v));
    expect(cellRates.length).toBeGreaterThan(0.98 * grid.cells.length);
    for (const v of cellRates) expect(v >= min && v <= max).toBe(true);
    for (const v of coverage) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('bins the July 2018 week: every incident accounted for, at least 98% inside', () => {
    const incidents = chicagoWeek();
    const binned = pointsToCells(incidents, grid);
    expect(incidents.length).toBe(5731);
    expect(binned.accepted + binned.outside.length + binned.rejections.length).toBe(5731);
    expect(binned.accepted).toBeGreaterThanOrEqual(0.98 * 5731);
    expect(binned.incidents.reduce((a, b) => a + b, 0)).toBe(binned.accepted);
    expect(binned.rejections.filter((r) => r.reason === 'swapped-coordinates')).toEqual([]);
  });

  it('keeps only the incidents of a date window within the week', () => {
    const incidents = chicagoWeek();
    const from = Date.UTC(2018, 6, 2);
    const to = Date.UTC(2018, 6, 4);
    const binned = pointsToCells(incidents, grid, { from, to });
    let inWindow = 0;
    for (let i = 0; i < incidents.length; i++) {
      const t = incidents.time[i];
      if (t >= from && t < to && binned.cellOfIncident[i] >= 0) inWindow++;
      if (!(t >= from && t < to)) expect(binned.cellOfIncident[i]).toBe(-1);
    }
    expect(binned.accepted).toBe(inWindow);
    expect(binned.accepted).toBeGreaterThan(1000);
  });
});
