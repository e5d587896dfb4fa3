import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { cellToLngLat, gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { trustByCell } from '../../src/indicators/trustByCell.js';
import type { SurveyTable } from '../../src/types.js';
import { expectClose } from '../helpers/tolerance.js';

const centre = lngLatToCell(-101.35, 42.35, 9);
const grid = gridFromCells(gridDisk(centre, 1));

/** Survey answers placed at the centres of the given cells. */
function surveysAt(answers: readonly [cell: string, value: number][]): SurveyTable {
  const points = answers.map(([cell]) => cellToLngLat(cell));
  return {
    source: 'fixture',
    length: answers.length,
    lng: Float64Array.from(points, (p) => p[0]),
    lat: Float64Array.from(points, (p) => p[1]),
    time: new Float64Array(answers.length).fill(Number.NaN),
    answers: { trust: Float64Array.from(answers, ([, v]) => v) },
    record: Uint32Array.from(answers, (_, i) => i + 1),
  };
}

describe('trustByCell', () => {
  // Cell A: 5, 5, 4, 4 (mean 4.5); cell B: 1, 2 (mean 1.5); cell C: 3. N = 7, city mean 24/7.
  // Within: SSW = 4·0.25 + 2·0.25 = 1.5 over N − 3 = 4 → σ² = 0.375.
  // Between: SSB = Σ nᵢx̄ᵢ² − N·m² = 94.5 − 576/7; n0 = (7 − 21/7)/2 = 2; τ² = (SSB/2 − σ²)/n0.
  const [a, b, c] = grid.cells;
  const surveys = surveysAt([
    [a, 5],
    [a, 5],
    [a, 4],
    [a, 4],
    [b, 1],
    [b, 2],
    [c, 3],
  ]);
  const trust = trustByCell(surveys, grid, 'trust', { minResponses: 2 });
  const m = 24 / 7;
  const tau2 = ((94.5 - 576 / 7) / 2 - 0.375) / 2;

  it('counts answers and averages them per cell', () => {
    const i = (cell: string) => grid.indexOf.get(cell)!;
    expect([trust.responses[i(a)], trust.responses[i(b)], trust.responses[i(c)]]).toEqual([
      4, 2, 1,
    ]);
    expectClose(trust.mean[i(a)], 4.5, 1e-15);
    expect(Number.isNaN(trust.mean[i(grid.cells[3])])).toBe(true);
  });

  it('estimates the within- and between-cell variances by the method of moments', () => {
    expectClose(trust.cityMean, m, 1e-15);
    expectClose(trust.withinVariance, 0.375, 1e-15);
    expectClose(trust.betweenVariance, tau2, 1e-12);
  });

  it('shrinks each mean toward the city mean by σ²/(σ² + n·τ²)', () => {
    for (const [cell, n, mean] of [
      [a, 4, 4.5],
      [b, 2, 1.5],
      [c, 1, 3],
    ] as const) {
      const shrink = 0.375 / (0.375 + n * tau2);
      expectClose(
        trust.shrunk[grid.indexOf.get(cell)!],
        m + (1 - shrink) * (mean - m),
        1e-12,
        cell,
      );
    }
  });

  it('turns the shrunk mean into a 0–1 deficit and flags cells with too few answers', () => {
    const i = grid.indexOf.get(b)!;
    expectClose(trust.deficit[i], 1 - (trust.shrunk[i] - 1) / 4, 1e-15);
    expect(trust.fewResponses[grid.indexOf.get(c)!]).toBe(1);
    expect(trust.fewResponses[grid.indexOf.get(a)!]).toBe(0);
  });

  it('pulls a mean of two answers toward the city mean further than the same mean of twenty', () => {
    const alternating = (cell: string, low: number, count: number): [string, number][] =>
      Array.from({ length: count }, (_, k): [string, number] => [cell, low + (k % 2)]);
    const t = trustByCell(
      surveysAt([...alternating(a, 1, 20), ...alternating(b, 1, 2), ...alternating(c, 4, 20)]),
      grid,
      'trust',
    );
    // Both cells average 1.5; the city mean is 3.
    expect(t.shrunk[grid.indexOf.get(b)!]).toBeGreaterThan(t.shrunk[grid.indexOf.get(a)!]);
    expect(t.shrunk[grid.indexOf.get(a)!]).toBeGreaterThan(1.5);
  });

  it('gives every cell the city mean when cells do not differ more than their noise', () => {
    const t = trustByCell(
      surveysAt([
        [a, 1],
        [a, 5],
        [b, 1],
        [b, 5],
      ]),
      grid,
      'trust',
    );
    expect(t.betweenVariance).toBe(0);
    expectClose(t.shrunk[grid.indexOf.get(a)!], 3, 1e-15);
  });

  it('counts answers outside the grid', () => {
    const far = lngLatToCell(-100, 40, 9);
    expect(
      trustByCell(
        surveysAt([
          [a, 3],
          [far, 3],
        ]),
        grid,
        'trust',
      ).outside,
    ).toBe(1);
  });
});
