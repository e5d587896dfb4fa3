import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ZoneProperties } from '../../src/data/results.js';
import { zonesForExport, zonesGeoJsonText } from '../../src/export/zonesForExport.js';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
const zones: FeatureCollection<Polygon | MultiPolygon, ZoneProperties> = {
  type: 'FeatureCollection',
  features: ['Z01', 'Z02', 'Z03'].map((id, i) => ({
    type: 'Feature',
    geometry: square,
    properties: { id, rank: i + 1, meanScore: 0.9 - i / 10 },
  })),
};

describe('zonesForExport', () => {
  it('keeps every zone, or only the listed ones, in rank order, without changing the input', () => {
    expect(zonesForExport(zones)).toEqual(zones);
    const some = zonesForExport(zones, ['Z03', 'Z01']);
    expect(some.features.map((f) => f.properties.id)).toEqual(['Z01', 'Z03']);
    expect(zones.features).toHaveLength(3);
  });

  it('writes the text as the CLI writes zones.geojson (one-space indent)', () => {
    const text = zonesGeoJsonText(zonesForExport(zones, ['Z02']));
    expect(text.startsWith('{\n "type": "FeatureCollection",\n "features": [\n  {\n')).toBe(true);
    expect(JSON.parse(text).features[0].properties).toEqual({ id: 'Z02', rank: 2, meanScore: 0.8 });
  });
});
