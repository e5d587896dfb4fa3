import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CellProperties } from '../../src/data/results.js';
import { slimCells } from '../../src/map/slimCells.js';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};
const cells: FeatureCollection<Polygon | MultiPolygon, CellProperties> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: square,
      properties: { h3: 'a', score: 0.5, gi_bin: 3, zone: 'Z01', population: 12 },
    },
    { type: 'Feature', geometry: square, properties: { h3: 'b', score: null, gi_bin: 0 } },
  ],
};

describe('slimCells', () => {
  it('keeps h3 and the columns asked for, sharing the geometries', () => {
    const slim = slimCells(cells, ['score', 'zone', 'score', 'missing']);
    expect(slim.features.map((f) => f.properties)).toEqual([
      { h3: 'a', score: 0.5, zone: 'Z01' },
      { h3: 'b', score: null },
    ]);
    expect(slim.features[0].geometry).toBe(square);
    expect(cells.features[0].properties.population).toBe(12);
  });
});
