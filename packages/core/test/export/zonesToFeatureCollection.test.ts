import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { trendText, zonesToFeatureCollection } from '../../src/export/zonesToFeatureCollection.js';
import { gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import type { CellGrid } from '../../src/types.js';
import { groupContiguousCells } from '../../src/zones/groupContiguousCells.js';
import type { ZoneSummary } from '../../src/zones/summarizeZones.js';
import { summarizeZones } from '../../src/zones/summarizeZones.js';
import { codeOf } from '../helpers/errors.js';
import { expectRfc7946Polygonal } from './rfc7946Checks.js';

const CENTER = '882664c1a9fffff';

function summary(overrides: Partial<ZoneSummary>): ZoneSummary {
  return {
    id: 'Z01',
    rank: 1,
    group: 0,
    cells: [CENTER],
    cellCount: 1,
    meanScore: 0.75,
    maxScore: 0.75,
    areaKm2: 0.8,
    population: 1200,
    incidents: 200,
    topCategories: [
      { category: 'THEFT', incidents: 120 },
      { category: 'BATTERY', incidents: 80 },
    ],
    ...overrides,
  };
}

describe('zonesToFeatureCollection', () => {
  it('writes each zone with its summary as plain JSON properties', () => {
    const collection = zonesToFeatureCollection([summary({})]);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features[0].properties).toEqual({
      id: 'Z01',
      rank: 1,
      cellCount: 1,
      meanScore: 0.75,
      maxScore: 0.75,
      areaKm2: 0.8,
      population: 1200,
      incidents: 200,
      topCategories: 'THEFT 120; BATTERY 80',
      cells: [CENTER],
    });
  });

  it('writes NaN as null and no categories as an empty string', () => {
    const zone = summary({ meanScore: NaN, maxScore: NaN, population: NaN, topCategories: [] });
    const { properties } = zonesToFeatureCollection([zone]).features[0];
    expect(properties.meanScore).toBeNull();
    expect(properties.maxScore).toBeNull();
    expect(properties.population).toBeNull();
    expect(properties.incidents).toBe(200);
    expect(properties.topCategories).toBe('');
  });

  it('gives a ring-shaped zone one Polygon with a hole, CCW outside and CW inside, no crs', () => {
    const cells = gridDisk(CENTER, 3).sort();
    const grid: CellGrid = {
      resolution: 8,
      cells,
      indexOf: new Map(cells.map((c, i) => [c, i])),
    };
    const selected = new Uint8Array(cells.length);
    for (const c of gridDisk(CENTER, 2)) if (c !== CENTER) selected[grid.indexOf.get(c)!] = 1;
    const zones = summarizeZones(grid, groupContiguousCells(grid, selected), {
      score: new Float64Array(cells.length).fill(1),
    });
    const collection = zonesToFeatureCollection(zones);
    expect(collection).not.toHaveProperty('crs');
    expect(collection.features.length).toBe(1);
    const geometry = collection.features[0].geometry as Polygon;
    expect(geometry.type).toBe('Polygon');
    expect(geometry.coordinates.length).toBe(2);
    expectRfc7946Polygonal(geometry);
    expect(collection.features[0].properties.cellCount).toBe(18);
  });

  it('keeps the zones in the order given and rounds to the requested precision', () => {
    const far = gridDisk(CENTER, 4).filter((c) => !gridDisk(CENTER, 3).includes(c))[0];
    const zones = [
      summary({ id: 'Z01', cells: [far] }),
      summary({ id: 'Z02', rank: 2, cells: gridDisk(CENTER, 1).sort(), cellCount: 7 }),
    ];
    const collection = zonesToFeatureCollection(zones, { precision: 5 });
    expect(collection.features.map((f) => f.properties.id)).toEqual(['Z01', 'Z02']);
    for (const feature of collection.features) expectRfc7946Polygonal(feature.geometry, 5);
  });

  it('survives a JSON round trip unchanged', () => {
    const collection = zonesToFeatureCollection([
      summary({ population: NaN, cells: gridDisk(CENTER, 1) }),
    ]);
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it('rejects a zone without cells', () => {
    expect(codeOf(() => zonesToFeatureCollection([summary({ cells: [] })]))).toBe('E_ARGUMENT');
  });

  it('cuts a zone across the antimeridian in two (RFC 7946 §3.1.9)', () => {
    const cells = gridDisk(lngLatToCell(180, 10, 8), 2);
    const collection = zonesToFeatureCollection([summary({ cells, cellCount: cells.length })]);
    const geometry = collection.features[0].geometry;
    expectRfc7946Polygonal(geometry);
    expect(geometry.type).toBe('MultiPolygon');
    const sides = (geometry as MultiPolygon).coordinates.map((rings) => Math.sign(rings[0][0][0]));
    expect(sides.sort()).toEqual([-1, 1]);
  });
});

describe('trendText', () => {
  it('says the trend is of incidents per day, with τ, p and the number of steps', () => {
    const trend = {
      stepStarts: [Date.UTC(2018, 0, 1), Date.UTC(2018, 1, 1), Date.UTC(2018, 2, 1)],
      counts: [31, 56, 93],
      days: [31, 28, 31],
      perDay: [1, 2, 3],
      z: 1.5,
      p: 0.0123,
      tau: 1,
      direction: 'rising' as const,
    };
    expect(trendText(trend)).toBe(
      'rising in incidents per day (Mann–Kendall τ = 1.00, p = 0.012, 3 steps)',
    );
    expect(trendText({ ...trend, direction: 'too few steps' })).toBe('too few time steps to test');
  });
});
