import type { FeatureCollection, Polygon } from 'geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { zonesToCsv } from '../../src/export/zonesToCsv.js';
import { zonesToFeatureCollection } from '../../src/export/zonesToFeatureCollection.js';
import { gridDisk } from '../../src/hex/h3.js';
import type { ZoneSummary } from '../../src/zones/summarizeZones.js';
import { codeOf } from '../helpers/errors.js';

const CENTER = '882664c1a9fffff';

function zone(overrides: Partial<ZoneSummary>): ZoneSummary {
  return {
    id: 'Z01',
    rank: 1,
    group: 0,
    cells: gridDisk(CENTER, 1).sort(),
    cellCount: 7,
    meanScore: 0.9,
    maxScore: 0.95,
    areaKm2: 5.1,
    population: 1200,
    incidents: 200,
    topCategories: [
      { category: 'THEFT', incidents: 120 },
      { category: 'BATTERY', incidents: 80 },
    ],
    ...overrides,
  };
}

/** The CSV parsed back into rows of strings (header first). */
function parse(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv.trimEnd(), { header: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('zonesToCsv', () => {
  it('writes one row per zone with every property except the geometry, and the cells as a count', () => {
    const collection = zonesToFeatureCollection([
      zone({}),
      zone({ id: 'Z02', rank: 2, cells: [CENTER], cellCount: 1, population: Number.NaN }),
    ]);
    const rows = parse(zonesToCsv(collection));
    expect(rows[0]).toEqual([
      'id',
      'rank',
      'cellCount',
      'meanScore',
      'maxScore',
      'areaKm2',
      'population',
      'incidents',
      'topCategories',
    ]);
    expect(rows[1]).toEqual([
      'Z01',
      '1',
      '7',
      '0.9',
      '0.95',
      '5.1',
      '1200',
      '200',
      'THEFT 120; BATTERY 80',
    ]);
    expect(rows[2][0]).toBe('Z02');
    expect(rows[2][2]).toBe('1');
    expect(rows[2][6]).toBe('');
    expect(rows.length).toBe(3);
  });

  it('keeps a suppressed count of a public export as its text', () => {
    const collection = zonesToFeatureCollection([zone({ incidents: 3 })], { minCount: 5 });
    expect(parse(zonesToCsv(collection))[1][7]).toBe('<5');
  });

  it('counts the cell list when the properties have no cellCount', () => {
    const collection: FeatureCollection<Polygon> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { id: 'Z01', cells: ['a', 'b', 'c'], score: 1 },
        },
      ],
    };
    expect(parse(zonesToCsv(collection))).toEqual([
      ['id', 'cellCount', 'score'],
      ['Z01', '3', '1'],
    ]);
  });

  it('flattens nested objects into parent.member columns and joins lists, columns in order of first appearance', () => {
    const collection: FeatureCollection<null> = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: null,
          properties: {
            id: 'Z01',
            robustness: { label: 'robust', meanProbability: 0.93 },
            reasons: ['top 5% for burglary rate', '94th percentile need'],
            partners: [
              { name: 'Youth Club, North', type: 'youth', distanceMeters: 420 },
              { name: '=HYPERLINK("http://x")', type: 'school', distanceMeters: 610 },
            ],
          },
        },
        {
          type: 'Feature',
          geometry: null,
          properties: { id: 'Z02', robustness: null, jointClass: 'need without hotspot' },
        },
      ],
    };
    const csv = zonesToCsv(collection);
    const rows = parse(csv);
    expect(rows[0]).toEqual([
      'id',
      'robustness.label',
      'robustness.meanProbability',
      'reasons',
      'partners',
      'robustness',
      'jointClass',
    ]);
    expect(rows[1].slice(0, 5)).toEqual([
      'Z01',
      'robust',
      '0.93',
      'top 5% for burglary rate; 94th percentile need',
      'name: Youth Club, North, type: youth, distanceMeters: 420; name: =HYPERLINK("http://x"), type: school, distanceMeters: 610',
    ]);
    expect(rows[2]).toEqual(['Z02', '', '', '', '', '', 'need without hotspot']);
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    const collection: FeatureCollection<null> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: null, properties: { id: 'Z01', topCategories: '=cmd|x' } },
      ],
    };
    expect(parse(zonesToCsv(collection))[1][1]).toBe("'=cmd|x");
  });

  it('writes only the header line for no zones', () => {
    expect(zonesToCsv({ type: 'FeatureCollection', features: [] })).toBe('\n');
  });

  it('rejects anything but a FeatureCollection', () => {
    expect(codeOf(() => zonesToCsv({ type: 'Feature' } as never))).toBe('E_ARGUMENT');
    expect(codeOf(() => zonesToCsv(null as never))).toBe('E_ARGUMENT');
  });
});
