import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { estimateCellCount } from '../../src/hex/estimateCellCount.js';
import { averageCellAreaKm2 } from '../../src/hex/h3.js';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { areaTable } from '../helpers/areaTable.js';
import { expectClose } from '../helpers/tolerance.js';

/** A closed rectangle, counter-clockwise. */
function box(west: number, south: number, east: number, north: number): Polygon {
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

describe('estimateCellCount', () => {
  it('divides the total area by the average cell area, close to the cells studyAreaCells makes', () => {
    const areas = areaTable([box(-87.75, 41.8, -87.65, 41.9), box(-87.65, 41.8, -87.55, 41.9)]);
    const estimate = estimateCellCount(areas, 8);
    expectClose(estimate.areaKm2, 2 * 8.3 * 11.1, 0.02 * 2 * 8.3 * 11.1);
    expect(estimate.cells).toBe(Math.ceil(estimate.areaKm2 / averageCellAreaKm2(8)));
    // The cover holds the boundary cells too: a few more than the estimate.
    const made = studyAreaCells(areas, 8).cells.length;
    expect(made).toBeGreaterThanOrEqual(estimate.cells * 0.9);
    expect(made).toBeLessThan(estimate.cells * 1.3);
  });

  it('counts some 11 million cells for the contiguous US at resolution 8, and a polar cap', () => {
    const us = box(-124.7, 25, -67, 49);
    expect(estimateCellCount(areaTable([us]), 8).cells).toBeGreaterThan(10_000_000);
    const cap = box(-180, 80, 180, 90);
    // 2πR²(1 − sin 80°) ≈ 3.9 million km², about 5.2 million cells of 0.74 km².
    expectClose(estimateCellCount(areaTable([cap]), 8).areaKm2, 3.87e6, 0.05e6);
  });
});
