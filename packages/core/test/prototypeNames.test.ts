import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parseConfig.js';
import { MISSING_CATEGORY } from '../src/io/incidentTableBuilder.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { readIncidentsGeoJson } from '../src/io/readIncidentsGeoJson.js';
import { readOrganizationsGeoJson } from '../src/io/readOrganizations.js';
import { readSurveysCsv } from '../src/io/readSurveysCsv.js';
import { analyze } from '../src/pipeline/analyze.js';
import { getOwn } from '../src/util/getOwn.js';
import { thrownBy } from './helpers/errors.js';

// Names that Object.prototype already has: data may use them as categories, types or columns,
// and `record[name]` would find Object.prototype's member instead of "not there".
const NAMES = ['toString', 'constructor', '__proto__'] as const;

const point = (lng: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties,
});

/** Properties as JSON.parse makes them: `__proto__` an own key, not the prototype. */
const parsed = (json: string): Record<string, unknown> => JSON.parse(json);

const square = (x: number, y: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 0.01, y],
        [x + 0.01, y + 0.01],
        [x, y + 0.01],
        [x, y],
      ],
    ],
  },
  properties,
});

describe('names of Object.prototype members in the data', () => {
  it('readIncidentsCsv reads toString, constructor and __proto__ as three categories', async () => {
    const csv = ['lat,lng,category', ...NAMES.map((name) => `41.8,-87.7,${name}`), ''].join('\n');
    const { data, rejections } = await readIncidentsCsv(csv, { source: 'i.csv' });
    expect(rejections).toEqual([]);
    expect(data.categories).toEqual([...NAMES]);
    expect([...data.category]).toEqual([0, 1, 2]);
  });

  it('readIncidentsGeoJson reads them as categories, and a feature without one as missing', () => {
    const features = [
      ...NAMES.map((name) => point(-87.7, 41.8, { category: name })),
      point(-87.7, 41.8, parsed('{"category": "__proto__"}')),
    ];
    const { data } = readIncidentsGeoJson(
      { type: 'FeatureCollection', features },
      { source: 'i.geojson' },
    );
    expect(data.categories).toEqual([...NAMES]);
    // A category property named `constructor`, absent from the second feature.
    const named = readIncidentsGeoJson(
      {
        type: 'FeatureCollection',
        features: [point(-87.7, 41.8, { constructor: 'THEFT' }), point(-87.7, 41.8, {})],
      },
      { source: 'i.geojson', category: 'constructor' },
    );
    expect(named.data.categories).toEqual(['THEFT', MISSING_CATEGORY]);
  });

  it('readOrganizationsGeoJson reads them as types, and a feature without a type as missing', () => {
    const features = [
      ...NAMES.map((name, i) => point(-87.7, 41.8, { name: `org ${i}`, type: name })),
      point(-87.7, 41.8, parsed('{"name": "org 3", "type": "__proto__"}')),
    ];
    const { data } = readOrganizationsGeoJson(
      { type: 'FeatureCollection', features },
      { source: 'o.geojson' },
    );
    expect(data.type).toEqual([...NAMES, '__proto__']);
    const named = readOrganizationsGeoJson(
      {
        type: 'FeatureCollection',
        features: [point(-87.7, 41.8, { toString: 'school' }), point(-87.7, 41.8, {})],
      },
      { source: 'o.geojson', type: 'toString' },
    );
    expect(named.data.type).toEqual(['school', 'organization']);
    expect(named.warnings.map((w) => [w.record, w.reason])).toContainEqual([
      1,
      'missing-attribute',
    ]);
  });

  it('readAreasGeoJson reads attributes named so, and reports one a feature lacks as missing', () => {
    const { data, warnings } = readAreasGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          square(-87.7, 41.8, parsed('{"__proto__": 5, "toString": 6, "constructor": 7}')),
          square(-87.69, 41.8, {}),
        ],
      },
      { source: 'a.geojson', attributes: NAMES.map((name) => ({ name })) },
    );
    expect(Object.keys(data.attributes)).toEqual([...NAMES]);
    expect(NAMES.map((name) => [...getOwn(data.attributes, name)!])).toEqual([
      [6, Number.NaN],
      [7, Number.NaN],
      [5, Number.NaN],
    ]);
    expect(warnings.filter((w) => w.record === 1).map((w) => w.reason)).toEqual([
      'missing-attribute',
      'missing-attribute',
      'missing-attribute',
    ]);
  });

  it('readSurveysCsv reads an answer column named __proto__', async () => {
    const { data } = await readSurveysCsv('lat,lng,__proto__\n41.8,-87.7,4\n', {
      source: 's.csv',
      answers: ['__proto__'],
    });
    expect(Object.keys(data.answers)).toEqual(['__proto__']);
    expect([...getOwn(data.answers, '__proto__')!]).toEqual([4]);
  });

  it('parseConfig refuses a key __proto__ as unknown, at any depth', () => {
    for (const json of [
      '{"__proto__": {"resolution": 7}}',
      '{"hotspots": {"__proto__": {"k": 3}}}',
    ]) {
      const error = thrownBy(() => parseConfig(JSON.parse(json), 'hexreach.config.json'));
      expect(error.code).toBe('E_CONFIG');
      expect(error.message).toContain('Unrecognized key: "__proto__"');
    }
  });

  it('parseConfig keeps the weight of a category named __proto__ and checks it', () => {
    const config = parseConfig(
      JSON.parse('{"incidents": {"categoryWeights": {"__proto__": 3, "toString": 2}}}'),
      'c.json',
    );
    expect(Object.entries(config.incidents.categoryWeights)).toEqual([
      ['toString', 2],
      ['__proto__', 3],
    ]);
    expect(Object.getPrototypeOf(config.incidents.categoryWeights)).toBe(Object.prototype);
    const error = thrownBy(() =>
      parseConfig(JSON.parse('{"incidents": {"categoryWeights": {"__proto__": -1}}}'), 'c.json'),
    );
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toContain('incidents.categoryWeights.__proto__');
  });

  it('analyze weighs such categories 1 unless weighted, with emerging hot spots and partner types', async () => {
    const rows = ['lat,lng,date,category'];
    for (let k = 0; k < 60; k++) {
      const name = NAMES[k % 3];
      const month = String(1 + (k % 12)).padStart(2, '0');
      rows.push(
        `${41.801 + (k % 7) * 0.0012},${-87.699 + (k % 5) * 0.003},2024-${month}-10,${name}`,
      );
    }
    const incidents = await readIncidentsCsv(`${rows.join('\n')}\n`, { source: 'i.csv' });
    const areas = readAreasGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          square(-87.7, 41.8, { population: 900 }),
          square(-87.69, 41.8, { population: 800 }),
        ],
      },
      { source: 'a.geojson', attributes: [{ name: 'population' }] },
    );
    const organizations = readOrganizationsGeoJson(
      {
        type: 'FeatureCollection',
        features: NAMES.map((name, i) =>
          point(-87.698 + i * 0.005, 41.803, { name: `o${i}`, type: name }),
        ),
      },
      { source: 'o.geojson' },
    );
    const config = parseConfig(
      JSON.parse(
        '{"resolution": 9, "statistics": ["gistar", "emerging"], "incidents": {"categoryWeights": {"__proto__": 2}}}',
      ),
      'c.json',
    );
    const result = analyze(
      { incidents: incidents.data, areas: areas.data, organizations: organizations.data },
      config,
    );
    // 20 incidents of each category: toString and constructor weigh 1, __proto__ 2.
    expect(result.binned.count.reduce((s, v) => s + v, 0)).toBe(20 + 20 + 2 * 20);
    expect(result.emerging?.result.category.length).toBe(result.grid.cells.length);
    expect(result.partners?.types).toEqual([...NAMES].sort());
    expect(Object.keys(result.partners?.nearestMeters ?? {})).toEqual([...NAMES].sort());
    expect(result.reasons.flat().join(' ')).not.toContain('function');
  });
});
