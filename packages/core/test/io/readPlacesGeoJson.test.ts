import { describe, expect, it } from 'vitest';
import { readPlacesGeoJson } from '../../src/io/readPlacesGeoJson.js';
import { thrownBy } from '../helpers/errors.js';

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const place = (properties: Record<string, unknown>, geometry: unknown = square(0)) => ({
  type: 'Feature',
  properties,
  geometry,
});

describe('readPlacesGeoJson', () => {
  it('reads polygons with the detected name property, names trimmed', () => {
    const read = readPlacesGeoJson(
      collection(place({ name: ' Uptown ' }), place({ name: 'Edgewater' }, square(1))),
      { source: 'places.geojson' },
    );
    expect(read.data.nameProperty).toBe('name');
    expect(read.data.names).toEqual(['Uptown', 'Edgewater']);
    expect([...read.data.record]).toEqual([0, 1]);
    expect(read.rejectedCount).toBe(0);
  });

  it('reads the configured name property, numbers written out (ward 12)', () => {
    const read = readPlacesGeoJson(collection(place({ ward: 12 })), {
      source: 'wards.geojson',
      name: 'ward',
    });
    expect(read.data.names).toEqual(['12']);
  });

  it('rejects a feature without a name or with a point, naming the feature', () => {
    const read = readPlacesGeoJson(
      collection(
        place({ name: 'A' }),
        place({ name: '' }),
        place({ name: 'C' }, { type: 'Point', coordinates: [0, 0] }),
      ),
      { source: 'places.geojson' },
    );
    expect(read.data.names).toEqual(['A']);
    expect(read.rejections.map((r) => [r.record, r.reason])).toEqual([
      [2, 'wrong-geometry'],
      [1, 'missing-attribute'],
    ]);
    expect(read.rejections[1].message).toContain('name property "name"');
  });

  it('fails naming the file and its properties when no property looks like a name', () => {
    const error = thrownBy(() =>
      readPlacesGeoJson(collection(place({ code: 3 })), { source: 'beats.geojson' }),
    );
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain('beats.geojson');
    expect(error.message).toContain('code');
  });

  it('fails when the configured property is on no feature', () => {
    const error = thrownBy(() =>
      readPlacesGeoJson(collection(place({ name: 'A' })), { source: 'p.geojson', name: 'beat' }),
    );
    expect(error.code).toBe('E_NOT_FOUND');
  });

  it('fails on anything but a FeatureCollection', () => {
    expect(thrownBy(() => readPlacesGeoJson({ type: 'Feature' }, { source: 'x' })).code).toBe(
      'E_INPUT',
    );
  });
});
