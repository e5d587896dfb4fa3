import { readFileSync, writeFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellsToFeatureCollection } from '../../src/export/cellsToFeatureCollection.js';
import { cellToRing, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import type { CellGrid } from '../../src/types.js';
import { codeOf } from '../helpers/errors.js';
import { decimalsOf, expectRfc7946Polygonal } from './rfc7946Checks.js';

const CENTER = '882664c1a9fffff';
const GOLDEN = new URL('../fixtures/export/three-cells.geojson', import.meta.url);

function gridOf(cells: readonly string[]): CellGrid {
  const sorted = [...cells].sort();
  return { resolution: 8, cells: sorted, indexOf: new Map(sorted.map((c, i) => [c, i])) };
}

/** The centre cell and its two smallest neighbours. */
const THREE = gridOf([
  CENTER,
  ...gridDisk(CENTER, 1)
    .filter((c) => c !== CENTER)
    .sort()
    .slice(0, 2),
]);

describe('cellsToFeatureCollection', () => {
  it('writes the golden file for a 3-cell grid (REGEN=1 rewrites it)', () => {
    const collection = cellsToFeatureCollection(
      THREE,
      {
        priority: Float64Array.of(0.123456789, NaN, 2),
        incidents: Uint32Array.of(4, 0, 17),
        trend: [-Infinity, 0.5, Infinity],
        label: ['north', null, '=unsafe'],
      },
      { digits: { priority: 3 } },
    );
    // One position per line keeps the fixture's diff readable.
    const text = `${JSON.stringify(collection, null, 2).replace(
      /\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g,
      '[$1, $2]',
    )}\n`;
    if (process.env.REGEN) writeFileSync(GOLDEN, text);
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('gives one Polygon feature per cell with h3 first, then the columns in order', () => {
    const collection = cellsToFeatureCollection(THREE, { a: [1, 2, 3], b: ['x', 'y', 'z'] });
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBe(3);
    for (const [i, feature] of collection.features.entries()) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry.type).toBe('Polygon');
      expect(Object.keys(feature.properties!)).toEqual(['h3', 'a', 'b']);
      expect(feature.properties!.h3).toBe(THREE.cells[i]);
      expect(feature.properties!.a).toBe(i + 1);
    }
  });

  it('writes RFC 7946 geometry: [lng, lat], 6 decimals, CCW exterior, no crs', () => {
    const grid = gridOf(gridDisk(CENTER, 3));
    const collection = cellsToFeatureCollection(grid, {});
    expect(collection).not.toHaveProperty('crs');
    for (const [i, feature] of collection.features.entries()) {
      expect(feature).not.toHaveProperty('crs');
      expectRfc7946Polygonal(feature.geometry);
      const exact = cellToRing(grid.cells[i]);
      expect(feature.geometry.type).toBe('Polygon');
      const ring = (feature.geometry as Polygon).coordinates[0];
      expect(ring.length).toBe(exact.length);
      for (const [k, [lng, lat]] of ring.entries()) {
        expect(Math.abs(lng - exact[k][0])).toBeLessThanOrEqual(5e-7);
        expect(Math.abs(lat - exact[k][1])).toBeLessThanOrEqual(5e-7);
      }
    }
  });

  it('honours a coarser coordinate precision', () => {
    const collection = cellsToFeatureCollection(THREE, {}, { precision: 4 });
    for (const feature of collection.features) expectRfc7946Polygonal(feature.geometry, 4);
  });

  it('writes NaN and ±Infinity as null and rounds the columns named in digits', () => {
    const collection = cellsToFeatureCollection(
      THREE,
      { x: [NaN, Infinity, 1.23456], y: [1.23456, -Infinity, -2.5] },
      { digits: { x: 2, y: 0 } },
    );
    const values = collection.features.map((f) => [f.properties!.x, f.properties!.y]);
    expect(values).toEqual([
      [null, 1],
      [null, null],
      [1.23, -2],
    ]);
    for (const [x] of values) if (x !== null) expect(decimalsOf(x)).toBeLessThanOrEqual(2);
  });

  it('survives a JSON round trip unchanged', () => {
    const collection = cellsToFeatureCollection(gridOf(gridDisk(CENTER, 2)), {
      score: Float64Array.from({ length: 19 }, (_, i) => (i % 4 === 0 ? NaN : i / 3)),
      name: Array.from({ length: 19 }, (_, i) => `cell ${i}`),
    });
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it('writes an empty FeatureCollection for an empty grid', () => {
    expect(cellsToFeatureCollection(gridOf([]), {})).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });

  it('rejects columns of the wrong length, a column named h3 and bad digits or precision', () => {
    expect(codeOf(() => cellsToFeatureCollection(THREE, { a: [1, 2] }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellsToFeatureCollection(THREE, { h3: [1, 2, 3] }))).toBe('E_ARGUMENT');
    expect(
      codeOf(() => cellsToFeatureCollection(THREE, { a: [1, 2, 3] }, { digits: { b: 2 } })),
    ).toBe('E_ARGUMENT');
    expect(
      codeOf(() => cellsToFeatureCollection(THREE, { a: [1, 2, 3] }, { digits: { a: -1 } })),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => cellsToFeatureCollection(THREE, {}, { precision: 20 }))).toBe('E_ARGUMENT');
  });

  it('cuts a cell on the antimeridian in two, at 180 and −180 (RFC 7946 §3.1.9)', () => {
    const cells = [lngLatToCell(180, 10, 8), lngLatToCell(-180, -17.8, 9), CENTER];
    const collection = cellsToFeatureCollection(gridOf(cells), {});
    const byCell = new Map(collection.features.map((f) => [f.properties!.h3, f.geometry]));
    for (const cell of cells.slice(0, 2)) {
      const geometry = byCell.get(cell)!;
      expectRfc7946Polygonal(geometry);
      expect(geometry.type).toBe('MultiPolygon');
      const lngs = (geometry as MultiPolygon).coordinates.map((rings) => rings[0].map((p) => p[0]));
      expect(lngs.map((part) => Math.max(...part.map(Math.abs)))).toEqual([180, 180]);
    }
    expect(byCell.get(CENTER)!.type).toBe('Polygon');
  });
});
