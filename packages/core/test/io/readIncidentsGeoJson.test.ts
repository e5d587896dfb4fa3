import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIncidentsGeoJson } from '../../src/io/readIncidentsGeoJson.js';
import { thrownBy } from '../helpers/errors.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url), 'utf8'));

const point = (coordinates: unknown, properties: Record<string, unknown> | null = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

describe('readIncidentsGeoJson', () => {
  it('rejects each bad feature of incidents-bad.geojson with its reason, by 0-based index', () => {
    const result = readIncidentsGeoJson(fixture('incidents-bad.geojson'), {
      source: 'incidents-bad.geojson',
    });
    expect(result.rejections.map((r) => [r.record, r.reason])).toEqual([
      [1, 'missing-coordinates'],
      [2, 'wrong-geometry'],
      [3, 'missing-coordinates'],
      [4, 'invalid-coordinates'],
      [5, 'invalid-coordinates'],
      [6, 'swapped-coordinates'],
      [7, 'out-of-range-coordinates'],
      [8, 'invalid-date'],
      [10, 'wrong-geometry'],
    ]);
    for (const rejection of result.rejections) {
      expect(rejection.source).toBe('incidents-bad.geojson');
      expect(rejection.recordKind).toBe('feature');
    }
    expect(result.rejections[1].message).toContain('a Polygon, not a Point');
    expect(result.rejections[3].message).toContain('"abc"');
    expect(result.read).toBe(13);
    expect(result.data.length + result.rejections.length).toBe(result.read);
  });

  it('accepts the good features, with numeric categories, epoch-ms and US dates', () => {
    const { data, warnings } = readIncidentsGeoJson(fixture('incidents-bad.geojson'), {
      source: 'incidents-bad.geojson',
    });
    expect(data.recordKind).toBe('feature');
    expect([...data.record]).toEqual([0, 9, 11, 12]);
    expect([...data.lng]).toEqual([-87.63, -87.65, -87.66, -87.67]);
    expect([...data.lat]).toEqual([41.88, 41.9, 41.91, 41.92]);
    expect([...data.time]).toEqual([
      Date.UTC(2018, 6, 1, 10),
      1530439200000,
      Number.NaN,
      Date.UTC(2018, 6, 1, 10),
    ]);
    expect(data.categories).toEqual(['THEFT', 'ASSAULT', '(none)', '810']);
    expect([...data.category]).toEqual([0, 1, 2, 3]);
    expect(warnings.map((w) => [w.record, w.reason])).toEqual([[11, 'missing-attribute']]);
  });

  it('uses named properties for date, category and weight', () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        point([-87.6, 41.8], { when: '2018-03-01', kind: 'A', n: 2, date: 'ignored' }),
        point([-87.7, 41.9], { when: '2018-03-02', kind: 'B', n: '3' }),
        point([-87.7, 41.9], { when: '2018-03-03', kind: 'B', n: -1 }),
      ],
    };
    const result = readIncidentsGeoJson(data, {
      source: 'named.geojson',
      date: 'when',
      category: 'kind',
      weight: 'n',
    });
    expect([...result.data.time]).toEqual([Date.UTC(2018, 2, 1), Date.UTC(2018, 2, 2)]);
    expect(result.data.categories).toEqual(['A', 'B']);
    expect([...result.data.weight]).toEqual([2, 3]);
    expect(result.rejections.map((r) => [r.record, r.reason])).toEqual([[2, 'invalid-weight']]);
  });

  it('finds a property that only later features have', () => {
    const data = {
      type: 'FeatureCollection',
      features: [point([-87.6, 41.8], {}), point([-87.7, 41.9], { offense: 'THEFT' })],
    };
    const { data: table } = readIncidentsGeoJson(data, { source: 'late.geojson' });
    expect(table.categories).toEqual(['(none)', 'THEFT']);
  });

  it('reads an empty FeatureCollection as zero features', () => {
    const result = readIncidentsGeoJson(
      { type: 'FeatureCollection', features: [] },
      { source: 'empty.geojson' },
    );
    expect(result.read).toBe(0);
    expect(result.data.length).toBe(0);
    expect(result.data.categories).toEqual(['all']);
  });

  it('throws E_INPUT naming the source and what it found instead of a FeatureCollection', () => {
    const feature = thrownBy(() => readIncidentsGeoJson(point([0, 1]), { source: 'one.geojson' }));
    expect(feature.code).toBe('E_INPUT');
    expect(feature.message).toBe(
      'one.geojson: expected a GeoJSON FeatureCollection, found a GeoJSON Feature',
    );
    expect(thrownBy(() => readIncidentsGeoJson([], { source: 'a.json' })).message).toContain(
      'found an array',
    );
    expect(thrownBy(() => readIncidentsGeoJson(null, { source: 'n.json' })).message).toContain(
      'found null',
    );
    expect(
      thrownBy(() => readIncidentsGeoJson({ type: 'FeatureCollection' }, { source: 'f.json' }))
        .message,
    ).toContain('without a "features" array');
  });

  it('throws E_NOT_FOUND for a named property that no feature has', () => {
    const error = thrownBy(() =>
      readIncidentsGeoJson(fixture('incidents-bad.geojson'), {
        source: 'incidents-bad.geojson',
        date: 'occurred',
      }),
    );
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.message).toContain('date, primary_type');
  });

  it('rejects coordinates written as text: GeoJSON coordinates are numbers', () => {
    const { data, rejections } = readIncidentsGeoJson(
      {
        type: 'FeatureCollection',
        features: [point(['-87.6', '41.8']), point([-87.6, '41.8']), point([-87.6, 41.8])],
      },
      { source: 'text.geojson' },
    );
    expect(data.length).toBe(1);
    expect(rejections.map((r) => [r.record, r.reason, r.message])).toEqual([
      [
        0,
        'invalid-coordinates',
        'longitude "-87.6" is text, not a number: GeoJSON coordinates are numbers',
      ],
      [
        1,
        'invalid-coordinates',
        'latitude "41.8" is text, not a number: GeoJSON coordinates are numbers',
      ],
    ]);
  });
});
