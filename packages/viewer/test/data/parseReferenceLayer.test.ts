import { HexreachError } from '@hexreach/core';
import { describe, expect, it } from 'vitest';
import { parseReferenceLayer } from '../../src/data/parseReferenceLayer.js';

const collection = (properties: Record<string, unknown>) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [0, 0] } }],
  });

describe('parseReferenceLayer', () => {
  it('names the layer by its file and finds the property its labels show', () => {
    const layer = parseReferenceLayer(
      collection({ ward_name: 'Ward 3', id: 3 }),
      'data/wards.geojson',
    );
    expect(layer.name).toBe('wards');
    expect(layer.nameProperty).toBe('ward_name');
    expect(layer.data.features.length).toBe(1);
  });

  it('draws a layer without names as outlines alone', () => {
    expect(parseReferenceLayer(collection({ id: 3 }), 'parks.json').nameProperty).toBeUndefined();
  });

  it('refuses what is not a FeatureCollection, naming the file', () => {
    expect(() => parseReferenceLayer('{"type": "Feature"}', 'beats.geojson')).toThrow(
      HexreachError,
    );
    expect(() => parseReferenceLayer('{"type": "Feature"}', 'beats.geojson')).toThrow(
      /beats\.geojson/,
    );
  });
});
