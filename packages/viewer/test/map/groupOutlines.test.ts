import { cellToRing, gridDisk, lngLatToCell } from '@hexreach/core/grid';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellMesh } from '../../src/map/cellMesh.js';
import { groupOutlines } from '../../src/map/groupOutlines.js';

/** A cell and its six neighbours, as cells.geojson holds them (closed rings, 7 decimals). */
const cells: Feature<Polygon>[] = gridDisk(lngLatToCell(-87.6298, 41.8781, 9), 1).map((h3) => {
  const ring = cellToRing(h3).map(([lng, lat]) => [
    Math.round(lng * 1e7) / 1e7,
    Math.round(lat * 1e7) / 1e7,
  ]);
  return {
    type: 'Feature',
    properties: { h3 },
    geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
  };
});
const mesh = cellMesh(cells);
const segmentsOf = (groups: number[]) => groupOutlines(mesh, Float64Array.from(groups)).length / 4;

describe('groupOutlines', () => {
  it('outlines a lone cell with its six edges', () => {
    expect(segmentsOf([0, -1, -1, -1, -1, -1, -1])).toBe(6);
  });

  it('outlines a group by its outer edges only: 18 around seven cells, none between them', () => {
    expect(segmentsOf([3, 3, 3, 3, 3, 3, 3])).toBe(18);
  });

  it('draws the edges between two groups on both sides, and nothing for cells in none', () => {
    // The centre (group 1) against its ring (group 2): 6 edges each way, plus the ring's 18.
    expect(segmentsOf([1, 2, 2, 2, 2, 2, 2])).toBe(6 + 6 + 18);
    expect(segmentsOf([-1, -1, -1, -1, -1, -1, -1])).toBe(0);
    // Five of the ring in a group, the centre and one of the ring without a value: 5 × 3 outer
    // edges, 5 towards the centre, 2 towards the missing one.
    expect(segmentsOf([Number.NaN, Number.NaN, 0, 0, 0, 0, 0])).toBe(22);
  });

  it('gives each segment the positions of its cell’s vertices', () => {
    const segments = groupOutlines(mesh, Float64Array.of(0, -1, -1, -1, -1, -1, -1));
    const corners = new Set<string>();
    for (let v = 0; v < 6; v++)
      corners.add(`${mesh.positions[2 * v]},${mesh.positions[2 * v + 1]}`);
    for (let s = 0; s < segments.length; s += 2) {
      expect(corners.has(`${segments[s]},${segments[s + 1]}`)).toBe(true);
    }
  });
});
