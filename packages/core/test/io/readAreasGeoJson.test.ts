import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { thrownBy } from '../helpers/errors.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url), 'utf8'));

const attributes = [{ name: 'pop', required: true }, { name: 'rate' }];

const square = (properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-87.7, 41.8],
        [-87.6, 41.8],
        [-87.6, 41.9],
        [-87.7, 41.8],
      ],
    ],
  },
  properties,
});

describe('readAreasGeoJson', () => {
  it('rejects each bad feature of areas-bad.geojson with its reason', () => {
    const result = readAreasGeoJson(fixture('areas-bad.geojson'), {
      source: 'areas-bad.geojson',
      attributes,
      idProperty: 'GEOID',
    });
    expect(result.rejections.map((r) => [r.record, r.reason])).toEqual([
      [2, 'wrong-geometry'],
      [3, 'wrong-geometry'],
      [4, 'invalid-coordinates'],
      [5, 'invalid-coordinates'],
      [6, 'invalid-coordinates'],
      [7, 'missing-attribute'],
      [8, 'invalid-attribute'],
      [11, 'invalid-attribute'],
    ]);
    const message = (feature: number) =>
      result.rejections.find((r) => r.record === feature)!.message;
    expect(message(2)).toContain('null');
    expect(message(3)).toContain('a Point');
    expect(message(4)).toContain('not closed');
    expect(message(5)).toContain('3 positions');
    expect(message(6)).toContain('1148376');
    expect(message(7)).toContain('"pop"');
    expect(message(8)).toContain('"n/a"');
    expect(message(11)).toContain('"12,34"');
    for (const rejection of result.rejections) {
      expect(rejection.source).toBe('areas-bad.geojson');
      expect(rejection.recordKind).toBe('feature');
    }
    expect(result.read).toBe(13);
    expect(result.data.length + result.rejections.length).toBe(result.read);
  });

  it('accepts Polygons (with holes) and MultiPolygons, numbers from "1,234" and "1234"', () => {
    const { data } = readAreasGeoJson(fixture('areas-bad.geojson'), {
      source: 'areas-bad.geojson',
      attributes,
      idProperty: 'GEOID',
    });
    expect(data.source).toBe('areas-bad.geojson');
    expect(data.length).toBe(5);
    expect([...data.record]).toEqual([0, 1, 9, 10, 12]);
    expect(data.geometries.map((g) => g.type)).toEqual([
      'Polygon',
      'MultiPolygon',
      'Polygon',
      'Polygon',
      'Polygon',
    ]);
    expect(data.geometries[4].coordinates.length).toBe(2);
    expect([...data.attributes.pop]).toEqual([1000, 1234, 1234, 0, 5]);
    expect([...data.attributes.rate]).toEqual([12.5, 7.5, Number.NaN, Number.NaN, 2]);
  });

  it('warns about optional attributes that are missing or not numbers, and uses NaN', () => {
    const { warnings } = readAreasGeoJson(fixture('areas-bad.geojson'), {
      source: 'areas-bad.geojson',
      attributes,
    });
    expect(warnings.map((w) => [w.record, w.reason])).toEqual([
      [9, 'missing-attribute'],
      [10, 'invalid-attribute'],
    ]);
    expect(warnings[1].message).toContain('"high"');
  });

  it('takes ids from the id property, else the id member, else the feature index', () => {
    const named = readAreasGeoJson(fixture('areas-bad.geojson'), {
      source: 'areas-bad.geojson',
      attributes,
      idProperty: 'GEOID',
    });
    expect(named.data.ids).toEqual(['A0', 'A1', 'A9', 'X10', 'A12']);
    expect(named.warnings.filter((w) => w.message.includes('GEOID')).map((w) => w.record)).toEqual([
      10,
    ]);
    const unnamed = readAreasGeoJson(fixture('areas-bad.geojson'), {
      source: 'areas-bad.geojson',
      attributes,
    });
    expect(unnamed.data.ids).toEqual(['0', '1', '9', 'X10', '12']);
  });

  it('reads numbers with thousands separators and rejects other commas', () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        '1,234,567.5',
        ' 2,500 ',
        '-1,000',
        '1,5',
        '1,,000',
        '12,3456',
        '0x10',
        'Infinity',
      ].map((pop) => square({ pop })),
    };
    const result = readAreasGeoJson(data, {
      source: 'commas.geojson',
      attributes: [{ name: 'pop' }],
    });
    expect([...result.data.attributes.pop]).toEqual([
      1234567.5,
      2500,
      -1000,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN, // "0x10" is not a decimal number (Number() would read 16)
      Number.NaN,
    ]);
  });

  it('treats null, empty and blank attribute values as missing', () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        square({ pop: null }),
        square({ pop: '' }),
        square({ pop: '  ' }),
        square({ pop: true }),
      ],
    };
    const result = readAreasGeoJson(data, {
      source: 'gaps.geojson',
      attributes: [{ name: 'pop', required: true }],
    });
    expect(result.rejections.map((r) => r.reason)).toEqual([
      'missing-attribute',
      'missing-attribute',
      'missing-attribute',
      'invalid-attribute',
    ]);
  });

  it('throws E_NOT_FOUND when no feature has a required attribute or the id property', () => {
    const missingAttribute = thrownBy(() =>
      readAreasGeoJson(fixture('areas-bad.geojson'), {
        source: 'areas-bad.geojson',
        attributes: [{ name: 'population', required: true }],
      }),
    );
    expect(missingAttribute.code).toBe('E_NOT_FOUND');
    expect(missingAttribute.message).toContain('GEOID, pop, rate');
    const missingId = thrownBy(() =>
      readAreasGeoJson(fixture('areas-bad.geojson'), {
        source: 'areas-bad.geojson',
        attributes,
        idProperty: 'geoid10',
      }),
    );
    expect(missingId.code).toBe('E_NOT_FOUND');
  });

  it('warns for every area when no feature has an optional attribute', () => {
    const result = readAreasGeoJson(fixture('areas-bad.geojson'), {
      source: 'areas-bad.geojson',
      attributes: [{ name: 'income' }],
    });
    expect([...result.data.record]).toEqual([0, 1, 7, 8, 9, 10, 11, 12]);
    expect(result.warnings.map((w) => w.record)).toEqual([0, 1, 7, 8, 9, 10, 11, 12]);
    expect([...result.data.attributes.income].every(Number.isNaN)).toBe(true);
  });

  it('throws E_INPUT for anything but a FeatureCollection, E_ARGUMENT for repeated attributes', () => {
    expect(thrownBy(() => readAreasGeoJson(square({}), { source: 's', attributes: [] })).code).toBe(
      'E_INPUT',
    );
    expect(
      thrownBy(() =>
        readAreasGeoJson(
          { type: 'FeatureCollection', features: [] },
          { source: 's', attributes: [{ name: 'a' }, { name: 'a' }] },
        ),
      ).code,
    ).toBe('E_ARGUMENT');
  });

  it('reads decimal text as numbers, but not hexadecimal text such as "0x10"', () => {
    const { data, rejections } = readAreasGeoJson(
      {
        type: 'FeatureCollection',
        features: [square({ pop: '0x10' }), square({ pop: '16' }), square({ pop: '1,600' })],
      },
      { source: 'hex.geojson', attributes: [{ name: 'pop', required: true }] },
    );
    expect([...data.attributes.pop]).toEqual([16, 1600]);
    expect(rejections.map((r) => [r.record, r.reason, r.message])).toEqual([
      [0, 'invalid-attribute', 'required attribute "pop" is "0x10", not a number'],
    ]);
  });
});
