import { describe, expect, it } from 'vitest';
import { zoneTrends } from '../../src/zones/zoneTrends.js';

/** Incidents at the 15th of each month of 2024, `perMonth[m]` of them, in the given cell. */
function incidents(perMonth: readonly number[], cell: number): { time: number[]; cell: number[] } {
  const time: number[] = [];
  for (let m = 0; m < perMonth.length; m++) {
    for (let k = 0; k < perMonth[m]; k++) time.push(Date.UTC(2024, m, 15));
  }
  return { time, cell: time.map(() => cell) };
}

describe('zoneTrends', () => {
  // Cells 0 and 1 form zone 0, cell 2 is zone 1, cell 3 is in no zone.
  const zoneOfCell = [0, 0, 1, -1];
  const rising = incidents([1, 2, 3, 4, 5, 6, 7, 8], 0);
  const risingToo = incidents([0, 1, 0, 1, 0, 1, 0, 1], 1);
  const flat = incidents([3, 3, 3, 3, 3, 3, 3, 3], 2);
  const ignored = incidents([9, 0, 0, 0, 0, 0, 0, 0], 3);
  const all = [rising, risingToo, flat, ignored];
  const time = all.flatMap((x) => x.time);
  const cells = all.flatMap((x) => x.cell);
  const trends = zoneTrends(zoneOfCell, 2, time, cells, { step: 'month' });

  it('counts each zone’s incidents per month, its cells together, other cells left out', () => {
    expect(trends[0].counts).toEqual([1, 3, 3, 5, 5, 7, 7, 9]);
    expect(trends[1].counts).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(trends[0].stepStarts[0]).toBe(Date.UTC(2024, 0, 1));
  });

  it('calls a significant Mann–Kendall trend rising or falling, and a flat series no trend', () => {
    expect(trends[0].direction).toBe('rising');
    expect(trends[0].tau).toBeGreaterThan(0.8);
    expect(trends[1].direction).toBe('no significant trend');
    const down = incidents([8, 7, 6, 5, 4, 3, 2, 1], 0);
    expect(zoneTrends([0], 1, down.time, down.cell)[0].direction).toBe('falling');
  });

  it('says when there are too few steps to test', () => {
    const short = incidents([1, 5], 0);
    expect(zoneTrends([0], 1, short.time, short.cell)[0].direction).toBe('too few steps');
    expect(zoneTrends([0], 1, [], [])[0].direction).toBe('too few steps');
  });
});
