import { cellsToFeatureCollection } from '@hexreach/core/export';
import { gridDisk, gridFromCells, lngLatToCell } from '@hexreach/core/grid';
import { mulberry32 } from '@hexreach/core/util';
import { describe, expect, it } from 'vitest';
import { cellsOutline } from '../../src/map/cellsOutline.js';

const centre = lngLatToCell(-101.35, 42.34, 9);

function cellFeatures(cells: readonly string[]) {
  return cellsToFeatureCollection(gridFromCells(cells), {}).features;
}

function segmentCount(rings: number[][][]): number {
  return rings.reduce((n, ring) => n + ring.length - 1, 0);
}

describe('cellsOutline', () => {
  it('outlines one hexagon with its own closed ring of six edges', () => {
    const outline = cellsOutline(cellFeatures([centre]));
    expect(outline.coordinates).toHaveLength(1);
    const ring = outline.coordinates[0];
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
  });

  it('keeps only the 18 outer edges of a 7-cell disk (the 12 shared edges are interior)', () => {
    const outline = cellsOutline(cellFeatures(gridDisk(centre, 1)));
    expect(outline.coordinates).toHaveLength(1);
    expect(segmentCount(outline.coordinates)).toBe(18);
  });

  it('gives a ring with a hole two closed rings: outer 30 edges, inner 6', () => {
    const ring2 = gridDisk(centre, 2).filter((c) => c !== centre);
    const outline = cellsOutline(cellFeatures(ring2));
    const sizes = outline.coordinates.map((r) => r.length - 1).sort((a, b) => a - b);
    expect(sizes).toEqual([6, 30]);
    for (const ring of outline.coordinates) expect(ring[ring.length - 1]).toEqual(ring[0]);
  });

  it('counts boundary edges as a brute force does, for random blobs of cells', () => {
    const random = mulberry32(4);
    const disk = gridDisk(centre, 6);
    for (let trial = 0; trial < 5; trial++) {
      const cells = disk.filter(() => random() < 0.6);
      const features = cellFeatures(cells);
      // An edge is on the boundary when exactly one chosen cell has it.
      const seen = new Map<string, number>();
      for (const f of features) {
        const r = f.geometry.coordinates[0];
        for (let i = 0; i + 1 < r.length; i++) {
          const id = [r[i].join(), r[i + 1].join()].sort().join('|');
          seen.set(id, (seen.get(id) ?? 0) + 1);
        }
      }
      const expected = [...seen.values()].filter((n) => n === 1).length;
      const outline = cellsOutline(features);
      expect(segmentCount(outline.coordinates)).toBe(expected);
      for (const ring of outline.coordinates) expect(ring[ring.length - 1]).toEqual(ring[0]);
    }
  });

  it('returns an empty MultiLineString for no cells', () => {
    expect(cellsOutline([])).toEqual({ type: 'MultiLineString', coordinates: [] });
  });
});
