import { intersect, area as turfArea, polygon as turfPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { cellToRing } from '../../src/hex/h3.js';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { areaCellOverlaps } from '../../src/interpolate/areaCellOverlaps.js';
import { clippedRingArea, createClipScratch } from '../../src/interpolate/clippedRingArea.js';
import type { AreaTable } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { expectClose } from '../helpers/tolerance.js';

/** Three tracts near (−87.65, 41.85): an L with a hole, a triangle, and a thin sliver. */
const geometries: Polygon[] = [
  {
    type: 'Polygon',
    coordinates: [
      [
        [-87.66, 41.84],
        [-87.64, 41.84],
        [-87.64, 41.846],
        [-87.652, 41.846],
        [-87.652, 41.856],
        [-87.66, 41.856],
        [-87.66, 41.84],
      ],
      [
        [-87.658, 41.842],
        [-87.656, 41.848],
        [-87.654, 41.842],
        [-87.658, 41.842],
      ],
    ],
  },
  {
    type: 'Polygon',
    coordinates: [
      [
        [-87.652, 41.846],
        [-87.64, 41.846],
        [-87.646, 41.858],
        [-87.652, 41.846],
      ],
    ],
  },
  {
    type: 'Polygon',
    coordinates: [
      [
        [-87.67, 41.857],
        [-87.64, 41.857],
        [-87.64, 41.8575],
        [-87.67, 41.8575],
        [-87.67, 41.857],
      ],
    ],
  },
];

const tracts: AreaTable = {
  source: 'fixture',
  length: geometries.length,
  geometries,
  record: Uint32Array.of(0, 1, 2),
  attributes: {},
  ids: ['L', 'triangle', 'sliver'],
};

describe('areaCellOverlaps', () => {
  const grid = studyAreaCells(tracts, 9);
  const overlaps = areaCellOverlaps(grid, tracts);

  it('gives each tract the areal weight |p ∩ c| / |p| of turf’s intersect and area, within 1e-5', () => {
    let compared = 0;
    for (let p = 0; p < tracts.length; p++) {
      const whole = turfArea(geometries[p]);
      const found = new Map<number, number>();
      for (let e = overlaps.offsets[p]; e < overlaps.offsets[p + 1]; e++)
        found.set(overlaps.cell[e], overlaps.share[e]);
      grid.cells.forEach((cell, c) => {
        const both = intersect({
          type: 'FeatureCollection',
          features: [turfPolygon(geometries[p].coordinates), turfPolygon([cellToRing(cell)])],
        });
        const exact = both === null ? 0 : turfArea(both) / whole;
        // turf's formula measures a sloped edge's pieces apart from the edge whole: 3e-5 of the
        // triangle, 0.012° tall (see COVERED).
        expectClose(found.get(c) ?? 0, exact, 1e-5, `tract ${p}, cell ${cell}`);
        compared++;
      });
    }
    expect(compared).toBe(3 * grid.cells.length);
  });

  it('measures the overlaps in m² as turf does, within 1e-4 of the tract', () => {
    for (let p = 0; p < tracts.length; p++) {
      let total = 0;
      for (let e = overlaps.offsets[p]; e < overlaps.offsets[p + 1]; e++)
        total += overlaps.overlapM2[e];
      const whole = turfArea(geometries[p]);
      expectClose(total / whole, 1, 1e-4, `tract ${p}`);
    }
  });

  it('gives shares summing to 1 for each tract of a covering grid', () => {
    for (let p = 0; p < tracts.length; p++) {
      let total = 0;
      for (let e = overlaps.offsets[p]; e < overlaps.offsets[p + 1]; e++)
        total += overlaps.share[e];
      expectClose(total, 1, 1e-12, `tract ${p}`);
    }
  });
});

describe('areaCellOverlaps in any grid', () => {
  it('measures a cell’s overlap to the bit whatever other cells the grid holds', () => {
    const grid = studyAreaCells(tracts, 11);
    const whole = areaCellOverlaps(grid, tracts);
    const random = mulberry32(17);
    for (let trial = 0; trial < 5; trial++) {
      const part = gridFromCells(grid.cells.filter(() => random() < 0.5));
      const found = areaCellOverlaps(part, tracts);
      let compared = 0;
      for (let p = 0; p < tracts.length; p++) {
        const inWhole = new Map<string, number>();
        for (let e = whole.offsets[p]; e < whole.offsets[p + 1]; e++)
          inWhole.set(grid.cells[whole.cell[e]], whole.overlapM2[e]);
        for (let e = found.offsets[p]; e < found.offsets[p + 1]; e++) {
          expect(found.overlapM2[e]).toBe(inWhole.get(part.cells[found.cell[e]]));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(100);
    }
  });
});

describe('clippedRingArea', () => {
  const scratch = createClipScratch();
  // A 0.01° square near Chicago, and the same as a GeoJSON ring for turf.
  const [x, y] = [-87.65, 41.85];
  const square = Float64Array.of(x, y, x + 0.01, y, x + 0.01, y + 0.01, x, y + 0.01);
  const ringOf = (flat: number[]) => {
    const ring = [];
    for (let i = 0; i < flat.length; i += 2) ring.push([flat[i], flat[i + 1]]);
    return [...ring, ring[0]];
  };
  const turfAreaOf = (flat: number[]) => turfArea(turfPolygon([ringOf(flat)]));

  it('measures a square’s overlap with a square as turf measures it', () => {
    const shifted = [
      x + 0.005,
      y + 0.005,
      x + 0.02,
      y + 0.005,
      x + 0.02,
      y + 0.02,
      x + 0.005,
      y + 0.02,
    ];
    const overlap = [
      x + 0.005,
      y + 0.005,
      x + 0.01,
      y + 0.005,
      x + 0.01,
      y + 0.01,
      x + 0.005,
      y + 0.01,
    ];
    expectClose(
      clippedRingArea(Float64Array.from(shifted), square, scratch) / turfAreaOf(overlap),
      1,
      1e-9,
    );
  });

  it('keeps the ring’s orientation: a clockwise ring gives a negative area', () => {
    const clockwise = Float64Array.of(x, y, x, y + 0.01, x + 0.01, y + 0.01, x + 0.01, y);
    expectClose(clippedRingArea(clockwise, square, scratch) / turfAreaOf([...square]), -1, 1e-9);
  });

  it('clips a concave ring exactly: a U around the square leaves out its notch', () => {
    const d = 0.01;
    const u = [x - d, y - d, x + 2 * d, y - d, x + 2 * d, y + 2 * d, x + 0.7 * d, y + 2 * d];
    u.push(
      x + 0.7 * d,
      y + 0.5 * d,
      x + 0.3 * d,
      y + 0.5 * d,
      x + 0.3 * d,
      y + 2 * d,
      x - d,
      y + 2 * d,
    );
    const notch = [
      x + 0.3 * d,
      y + 0.5 * d,
      x + 0.7 * d,
      y + 0.5 * d,
      x + 0.7 * d,
      y + d,
      x + 0.3 * d,
      y + d,
    ];
    const expected = turfAreaOf([...square]) - turfAreaOf(notch);
    expectClose(clippedRingArea(Float64Array.from(u), square, scratch) / expected, 1, 1e-9);
  });

  it('gives 0 for a ring outside the clip polygon', () => {
    const away = Float64Array.of(x + 0.02, y, x + 0.03, y, x + 0.03, y + 0.01);
    expect(clippedRingArea(away, square, scratch)).toBe(0);
  });
});
