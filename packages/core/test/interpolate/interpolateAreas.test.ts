import { area as areaM2 } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { cellToLngLat, cellToRing, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { interpolateAreas } from '../../src/interpolate/interpolateAreas.js';
import type { AreaTable } from '../../src/types.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

type Geometry = Polygon | MultiPolygon;

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

function polygon(...rings: number[][][]): Polygon {
  return { type: 'Polygon', coordinates: rings };
}

function areaTable(
  geometries: Geometry[],
  attributes: Record<string, readonly number[]> = {},
): AreaTable {
  return {
    source: 'tracts.geojson',
    length: geometries.length,
    geometries,
    record: Uint32Array.from(geometries, (_, i) => i),
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([name, values]) => [name, Float64Array.from(values)]),
    ),
    ids: geometries.map((_, i) => `tract-${i}`),
  };
}

/** A cell's outline scaled about its centre (1: the outline itself). */
function scaledOutline(cell: string, factor: number): number[][] {
  const [cx, cy] = cellToLngLat(cell);
  return cellToRing(cell).map(([x, y]) => [cx + factor * (x - cx), cy + factor * (y - cy)]);
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

const centre = lngLatToCell(-87.65, 41.85, 8);

describe('interpolateAreas: counts', () => {
  // Four tracts near (−87.65, 41.85): two squares sharing an edge, one with a hole, and a
  // MultiPolygon whose parts are far apart.
  const tracts = areaTable(
    [
      polygon(box(-87.68, 41.84, -87.66, 41.855)),
      polygon(box(-87.66, 41.84, -87.64, 41.855)),
      polygon(box(-87.68, 41.855, -87.64, 41.885), box(-87.675, 41.86, -87.645, 41.88).reverse()),
      {
        type: 'MultiPolygon',
        coordinates: [[box(-87.63, 41.84, -87.62, 41.85)], [box(-87.63, 41.86, -87.6, 41.87)]],
      },
    ],
    { pop: [1200, 3400, 5100, 800] },
  );
  const grid = studyAreaCells(tracts, 8);
  const { columns, coverage } = interpolateAreas(grid, tracts, [{ name: 'pop', kind: 'count' }]);

  it('keeps the total of a count over a grid that covers the areas', () => {
    expectClose(sum(columns.pop), 1200 + 3400 + 5100 + 800, 1e-9 * 10_500);
  });

  it('keeps each area’s own total, tract by tract', () => {
    tracts.attributes.pop.forEach((value, p) => {
      const alone = areaTable([tracts.geometries[p]], { pop: [value] });
      const out = interpolateAreas(grid, alone, [{ name: 'pop', kind: 'count' }]).columns.pop;
      expectClose(sum(out), value, 1e-9 * value, `tract ${p}`);
    });
  });

  it('spreads nothing into a hole, and reports the hole’s cells as uncovered', () => {
    const holeCell = lngLatToCell(-87.66, 41.87, 8);
    expect(grid.indexOf.has(holeCell)).toBe(false);
    const withHoleCell = gridFromCells([...grid.cells, holeCell]);
    const ring = areaTable([tracts.geometries[2]], { pop: [5100] });
    const out = interpolateAreas(withHoleCell, ring, [{ name: 'pop', kind: 'count' }]);
    const c = withHoleCell.indexOf.get(holeCell)!;
    expect(out.columns.pop[c]).toBe(0);
    expect(out.coverage[c]).toBe(0);
    expectClose(sum(out.columns.pop), 5100, 1e-9 * 5100);
  });

  it('splits a MultiPolygon’s count between its parts by their areas', () => {
    const split = areaTable([tracts.geometries[3]], { pop: [800] });
    const out = interpolateAreas(grid, split, [{ name: 'pop', kind: 'count' }]).columns.pop;
    let south = 0;
    grid.cells.forEach((cell, c) => {
      if (cellToLngLat(cell)[1] < 41.855) south += out[c];
    });
    // Southern part: 0.01° × 0.01°; northern: 0.03° × 0.01°, so a quarter of the area.
    expectClose(south / 800, 0.25, 0.01);
  });

  it('gives 0 (not NaN) to cells no area reaches, and covers interior cells fully', () => {
    const far = gridFromCells([...grid.cells, lngLatToCell(-87.5, 41.95, 8)]);
    const out = interpolateAreas(far, tracts, [{ name: 'pop', kind: 'count' }]);
    const c = far.indexOf.get(lngLatToCell(-87.5, 41.95, 8))!;
    expect(out.columns.pop[c]).toBe(0);
    expect(out.coverage[c]).toBe(0);
    const interior = grid.indexOf.get(lngLatToCell(-87.66, 41.8475, 8))!;
    expectClose(coverage[interior], 1, 1e-6);
    expect(Math.min(...coverage)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...coverage)).toBeLessThanOrEqual(1);
  });

  it('gives a cell all of a polygon lying inside it', () => {
    const inside = areaTable([polygon(scaledOutline(centre, 0.97))], { pop: [640] });
    const single = studyAreaCells(inside, 8);
    expect(single.cells).toEqual([centre]);
    const out = interpolateAreas(single, inside, [{ name: 'pop', kind: 'count' }]);
    expect(out.columns.pop[0]).toBe(640);
    expectClose(out.coverage[0], 0.97 ** 2, 1e-4);
  });

  it('gives a polygon equal to a cell’s outline to that cell alone, covering it fully', () => {
    const outline = areaTable([polygon(cellToRing(centre))], { pop: [700] });
    const disk = gridFromCells(gridDisk(centre, 1));
    const out = interpolateAreas(disk, outline, [{ name: 'pop', kind: 'count' }]);
    expectClose(out.columns.pop[disk.indexOf.get(centre)!], 700, 1e-9);
    expectClose(sum(out.columns.pop), 700, 1e-9);
    expectClose(out.coverage[disk.indexOf.get(centre)!], 1, 1e-9);
  });

  it('keeps the count of a polygon inside one cell, in that cell', () => {
    const [x, y] = cellToLngLat(centre);
    const tiny = areaTable([polygon(box(x + 1e-5, y + 1e-5, x + 5e-5, y + 4e-5))], { pop: [3] });
    const out = interpolateAreas(grid, tiny, [{ name: 'pop', kind: 'count' }]);
    expect(out.columns.pop[grid.indexOf.get(centre)!]).toBe(3);
    expect(sum(out.columns.pop)).toBe(3);
  });

  it('makes the cells reached by a missing count NaN rather than silently short', () => {
    const missing = areaTable([tracts.geometries[0], tracts.geometries[3]], {
      pop: [Number.NaN, 800],
    });
    const out = interpolateAreas(grid, missing, [{ name: 'pop', kind: 'count' }]).columns.pop;
    const inFirst = grid.indexOf.get(lngLatToCell(-87.67, 41.8475, 8))!;
    const inLast = grid.indexOf.get(lngLatToCell(-87.615, 41.865, 8))!;
    expect(Number.isNaN(out[inFirst])).toBe(true);
    expect(out[inLast]).toBeGreaterThan(0);
  });
});

describe('interpolateAreas: rates', () => {
  const [cx, cy] = cellToLngLat(centre);
  const disk = gridFromCells(gridDisk(centre, 2));

  it('averages two equal halves of a cell: rates 10 and 20 give ≈ 15', () => {
    // Any line through the centre of a hexagon halves it.
    const halves = areaTable(
      [
        polygon(box(cx - 0.02, cy - 0.02, cx, cy + 0.02)),
        polygon(box(cx, cy - 0.02, cx + 0.02, cy + 0.02)),
      ],
      { rate: [10, 20] },
    );
    const out = interpolateAreas(disk, halves, [{ name: 'rate', kind: 'rate' }]).columns.rate;
    expectClose(out[disk.indexOf.get(centre)!], 15, 0.5);
  });

  it('weighs rates by population share with weightBy: a hand computation', () => {
    // Two small squares well inside the centre cell: each gives the cell all of itself.
    const d = 0.0012;
    const pair = areaTable(
      [
        polygon(box(cx - 2 * d, cy - d, cx - 0.0002, cy + d)),
        polygon(box(cx + 0.0002, cy - d / 2, cx + d, cy + d / 2)),
      ],
      { rate: [10, 20], pop: [100, 300] },
    );
    const out = interpolateAreas(disk, pair, [{ name: 'rate', kind: 'rate', weightBy: 'pop' }])
      .columns.rate;
    expect(out[disk.indexOf.get(centre)!]).toBe((100 * 10 + 300 * 20) / 400);
    const byArea = interpolateAreas(disk, pair, [{ name: 'rate', kind: 'rate' }]).columns.rate;
    const [a, b] = pair.geometries.map((g) => areaM2(g));
    expectClose(byArea[disk.indexOf.get(centre)!], (10 * a + 20 * b) / (a + b), 0.4);
  });

  it('skips missing rates, and gives NaN (never 0) to cells no rate reaches', () => {
    const three = areaTable(
      [
        polygon(box(cx - 0.02, cy - 0.02, cx, cy + 0.02)),
        polygon(box(cx, cy - 0.02, cx + 0.02, cy + 0.02)),
      ],
      { rate: [Number.NaN, 20] },
    );
    const out = interpolateAreas(disk, three, [{ name: 'rate', kind: 'rate' }]).columns.rate;
    expect(out[disk.indexOf.get(centre)!]).toBe(20);
    const west = disk.indexOf.get(lngLatToCell(cx - 0.015, cy, 8))!;
    expect(Number.isNaN(out[west])).toBe(true);
    const empty = interpolateAreas(disk, areaTable([], { rate: [] }), [
      { name: 'rate', kind: 'rate' },
    ]);
    expect(empty.columns.rate.every(Number.isNaN)).toBe(true);
  });

  it('leaves out areas with no positive population when weighting by it', () => {
    const halves = areaTable(
      [
        polygon(box(cx - 0.02, cy - 0.02, cx, cy + 0.02)),
        polygon(box(cx, cy - 0.02, cx + 0.02, cy + 0.02)),
      ],
      { rate: [10, 20], pop: [0, Number.NaN] },
    );
    const out = interpolateAreas(disk, halves, [{ name: 'rate', kind: 'rate', weightBy: 'pop' }]);
    expect(out.columns.rate.every(Number.isNaN)).toBe(true);
  });

  it('gives a tiny polygon’s rate to the cell under it', () => {
    const tiny = areaTable([polygon(box(cx + 1e-5, cy + 1e-5, cx + 5e-5, cy + 4e-5))], {
      rate: [42],
    });
    const out = interpolateAreas(disk, tiny, [{ name: 'rate', kind: 'rate' }]).columns.rate;
    expect(out[disk.indexOf.get(centre)!]).toBe(42);
  });

  it('keeps every rate within the range of the areas’ rates', () => {
    const tracts = areaTable(
      [
        polygon(box(cx - 0.03, cy - 0.02, cx - 0.004, cy + 0.02)),
        polygon(box(cx - 0.004, cy - 0.02, cx + 0.011, cy + 0.02)),
        polygon(box(cx + 0.011, cy - 0.02, cx + 0.03, cy + 0.02)),
      ],
      { rate: [3, 17, 8] },
    );
    const out = interpolateAreas(studyAreaCells(tracts, 9), tracts, [
      { name: 'rate', kind: 'rate' },
    ]).columns.rate;
    for (const v of out) if (!Number.isNaN(v)) expect(v >= 3 && v <= 17, `${v}`).toBe(true);
  });
});

describe('interpolateAreas: arguments', () => {
  const small = areaTable([polygon(scaledOutline(centre, 0.5))], { pop: [10], rate: [1] });
  const disk = gridFromCells(gridDisk(centre, 1));

  it('rejects bad requests: unknown columns E_NOT_FOUND, the rest E_ARGUMENT', () => {
    const call = (attributes: Parameters<typeof interpolateAreas>[2]) =>
      codeOf(() => interpolateAreas(disk, small, attributes));
    expect(call([{ name: 'income', kind: 'count' }])).toBe('E_NOT_FOUND');
    expect(call([{ name: 'rate', kind: 'rate', weightBy: 'households' }])).toBe('E_NOT_FOUND');
    expect(call([{ name: 'toString', kind: 'count' }])).toBe('E_NOT_FOUND');
    expect(call([{ name: 'pop', kind: 'count', weightBy: 'pop' }])).toBe('E_ARGUMENT');
    expect(call([{ name: 'pop', kind: 'mean' as 'rate' }])).toBe('E_ARGUMENT');
    expect(
      call([
        { name: 'pop', kind: 'count' },
        { name: 'pop', kind: 'rate' },
      ]),
    ).toBe('E_ARGUMENT');
    expect(call([])).toBeUndefined();
  });
});
