import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellMesh } from '../../src/map/cellMesh.js';

type Cell = Feature<Polygon | MultiPolygon, unknown>;

const polygon = (ring: number[][]): Cell => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [ring] },
});

/** A closed hexagon ring around (lng, lat). */
function hexagon(lng: number, lat: number, r = 0.01): number[][] {
  const ring = [0, 1, 2, 3, 4, 5].map((k) => [
    lng + r * Math.cos((k * Math.PI) / 3),
    lat + r * Math.sin((k * Math.PI) / 3),
  ]);
  return [...ring, ring[0]];
}

/** Web Mercator as MapLibre's MercatorCoordinate.fromLngLat computes it. */
const mercator = (lng: number, lat: number) => [
  (180 + lng) / 360,
  (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360,
];

describe('cellMesh', () => {
  it('fans each ring into triangles: 4 per hexagon, 3 per pentagon, the closing vertex dropped', () => {
    const pentagon = hexagon(2, 1).slice(0, 5);
    const mesh = cellMesh([polygon(hexagon(0, 0)), polygon([...pentagon, pentagon[0]])]);
    expect(mesh.cellCount).toBe(2);
    expect(mesh.positions.length).toBe(2 * 11);
    expect([...mesh.vertexCells]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect([...mesh.ringStarts]).toEqual([0, 6, 11]);
    expect([...mesh.triangles]).toEqual([
      0, 1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 5, 6, 7, 8, 6, 8, 9, 6, 9, 10,
    ]);
  });

  it('places every vertex at its Web Mercator position, relative to the mean vertex', () => {
    const cells = [polygon(hexagon(-87.63, 41.88)), polygon(hexagon(-87.6, 41.9))];
    const mesh = cellMesh(cells);
    const vertices = cells.flatMap((c) => (c.geometry as Polygon).coordinates[0].slice(0, 6));
    const projected = vertices.map(([lng, lat]) => mercator(lng, lat));
    const mean = [0, 1].map((k) => projected.reduce((s, p) => s + p[k], 0) / projected.length);
    expect(mesh.origin[0]).toBeCloseTo(mean[0], 15);
    expect(mesh.origin[1]).toBeCloseTo(mean[1], 15);
    projected.forEach(([x, y], v) => {
      // float32 offsets from the origin: within a millimetre (2.5e-11 of the world's 40,075 km).
      expect(Math.abs(mesh.origin[0] + mesh.positions[2 * v] - x)).toBeLessThan(2.5e-11);
      expect(Math.abs(mesh.origin[1] + mesh.positions[2 * v + 1] - y)).toBeLessThan(2.5e-11);
    });
  });

  it('draws each part of a MultiPolygon for its cell and skips rings too short to fill', () => {
    const split: Cell = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[hexagon(179.99, 0, 0.005)], [hexagon(-179.99, 0, 0.005)]],
      },
    };
    const degenerate = polygon([
      [0, 0],
      [1, 1],
      [0, 0],
    ]);
    const mesh = cellMesh([degenerate, split]);
    expect(mesh.cellCount).toBe(2);
    expect(mesh.triangles.length).toBe(2 * 4 * 3);
    expect(new Set(mesh.vertexCells)).toEqual(new Set([1]));
    expect([...mesh.ringStarts]).toEqual([0, 6, 12]);
  });

  it('gives an empty mesh for no cells', () => {
    const mesh = cellMesh([]);
    expect(mesh).toMatchObject({ cellCount: 0, origin: [0.5, 0.5] });
    expect(mesh.triangles.length).toBe(0);
  });
});
