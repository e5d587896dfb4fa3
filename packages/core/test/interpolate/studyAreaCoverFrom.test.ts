import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { areaCellOverlaps } from '../../src/interpolate/areaCellOverlaps.js';
import { studyAreaCover } from '../../src/interpolate/studyAreaCover.js';
import { studyAreaCoverFrom } from '../../src/interpolate/studyAreaCoverFrom.js';
import { areaTable } from '../helpers/areaTable.js';

/** A closed rectangle ring, counter-clockwise. */
function box(west: number, south: number, east: number, north: number): number[][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

// Two tracts sharing an edge, one with a hole, and a thin diagonal one, near (−87.65, 41.85).
const tracts = areaTable([
  { type: 'Polygon', coordinates: [box(-87.68, 41.84, -87.66, 41.855)] },
  {
    type: 'Polygon',
    coordinates: [box(-87.66, 41.84, -87.64, 41.87), box(-87.655, 41.85, -87.645, 41.86).reverse()],
  },
  {
    type: 'Polygon',
    coordinates: [
      [
        [-87.63, 41.84],
        [-87.628, 41.84],
        [-87.61, 41.87],
        [-87.612, 41.87],
        [-87.63, 41.84],
      ],
    ],
  } satisfies Polygon,
]);

describe('studyAreaCoverFrom', () => {
  const near = studyAreaCells(tracts, 9);

  for (const resolution of [8, 10]) {
    it(`finds at resolution ${resolution} from 9 the cells studyAreaCells finds, and the same overlaps to the bit`, () => {
      const { grid, overlaps } = studyAreaCoverFrom(tracts, resolution, near);
      const filled = studyAreaCells(tracts, resolution);
      expect(grid.cells).toEqual(filled.cells);
      const measured = areaCellOverlaps(filled, tracts);
      expect(overlaps.offsets).toEqual(measured.offsets);
      expect(overlaps.cell).toEqual(measured.cell);
      expect(overlaps.share).toEqual(measured.share);
      expect(overlaps.overlapM2).toEqual(measured.overlapM2);
      expect(overlaps.cellAreaM2).toEqual(measured.cellAreaM2);
    });
  }
});

describe('studyAreaCover', () => {
  for (const resolution of [3, 9, 10]) {
    it(`finds at resolution ${resolution} the cells studyAreaCells finds, and the same overlaps to the bit`, () => {
      const { grid, overlaps } = studyAreaCover(tracts, resolution);
      const filled = studyAreaCells(tracts, resolution);
      expect(grid.cells).toEqual(filled.cells);
      const measured = areaCellOverlaps(filled, tracts);
      expect(overlaps.cell).toEqual(measured.cell);
      expect(overlaps.share).toEqual(measured.share);
      expect(overlaps.overlapM2).toEqual(measured.overlapM2);
    });
  }
});
