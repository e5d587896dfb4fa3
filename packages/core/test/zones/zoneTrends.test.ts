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

/** `perDay(month)` incidents on each day of [from, to), all in cell 0. */
function daily(from: number, to: number, perDay: (month: number) => number) {
  const time: number[] = [];
  for (let day = from; day < to; day += 86_400_000) {
    const count = perDay(new Date(day).getUTCMonth());
    for (let k = 0; k < count; k++) time.push(day + 3_600_000);
  }
  return { time, cell: time.map(() => 0) };
}

describe('zoneTrends', () => {
  // The months of the incidents on the 15th: whole months, not 15 January to 15 August.
  const months = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 8, 1) };
  // Cells 0 and 1 form zone 0, cell 2 is zone 1, cell 3 is in no zone.
  const zoneOfCell = [0, 0, 1, -1];
  const rising = incidents([1, 2, 3, 4, 5, 6, 7, 8], 0);
  const risingToo = incidents([0, 1, 0, 1, 0, 1, 0, 1], 1);
  const flat = incidents([3, 3, 3, 3, 3, 3, 3, 3], 2);
  const ignored = incidents([9, 0, 0, 0, 0, 0, 0, 0], 3);
  const all = [rising, risingToo, flat, ignored];
  const time = all.flatMap((x) => x.time);
  const cells = all.flatMap((x) => x.cell);
  const trends = zoneTrends(zoneOfCell, 2, time, cells, { step: 'month', coverage: months });

  it('counts each zone’s incidents per month, its cells together, other cells left out', () => {
    expect(trends[0].counts).toEqual([1, 3, 3, 5, 5, 7, 7, 9]);
    expect(trends[1].counts).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(trends[0].stepStarts[0]).toBe(Date.UTC(2024, 0, 1));
  });

  it('calls a significant Mann–Kendall trend rising or falling, and a flat series no trend', () => {
    expect(trends[0].direction).toBe('rising');
    // Per day, the tied counts of months of unequal length are no longer tied: τ < 1 − ties.
    expect(trends[0].tau).toBeGreaterThan(0.75);
    expect(trends[1].direction).toBe('no significant trend');
    const down = incidents([8, 7, 6, 5, 4, 3, 2, 1], 0);
    expect(zoneTrends([0], 1, down.time, down.cell, { coverage: months })[0].direction).toBe(
      'falling',
    );
  });

  it('says when there are too few steps to test', () => {
    const short = incidents([1, 5], 0);
    expect(zoneTrends([0], 1, short.time, short.cell)[0].direction).toBe('too few steps');
    expect(zoneTrends([0], 1, [], [])[0].direction).toBe('too few steps');
  });

  it('tests incidents per day: months of 28 to 31 days at 2 a day are flat', () => {
    const year = daily(Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1), () => 2);
    const [trend] = zoneTrends([0], 1, year.time, year.cell);
    expect(trend.counts.slice(0, 3)).toEqual([62, 56, 62]);
    expect(trend.perDay).toEqual(new Array(12).fill(2));
    expect(trend.days.slice(0, 3)).toEqual([31, 28, 31]);
    // Every rate tied: no pair says up or down (τ is undefined, 0/0).
    expect(Number.isNaN(trend.tau) || trend.tau === 0).toBe(true);
    expect(trend.direction).toBe('no significant trend');
  });

  it('calls a rising daily rate rising, leaving out a last month of 8 days', () => {
    // 1 January to 8 August 2018, month m (0-based) has m + 1 incidents a day.
    const series = daily(Date.UTC(2018, 0, 1), Date.UTC(2018, 7, 9), (m) => m + 1);
    const [trend] = zoneTrends([0], 1, series.time, series.cell);
    expect(trend.stepStarts).toHaveLength(7);
    expect(trend.stepStarts.at(-1)).toBe(Date.UTC(2018, 6, 1));
    expect(trend.perDay).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(trend.direction).toBe('rising');
  });

  it('keeps the 8-day month as incidents per covered day with partial "rate"', () => {
    const series = daily(Date.UTC(2018, 0, 1), Date.UTC(2018, 7, 9), (m) => m + 1);
    const [trend] = zoneTrends([0], 1, series.time, series.cell, { partial: 'rate' });
    expect(trend.stepStarts).toHaveLength(8);
    expect(trend.counts.at(-1)).toBe(64);
    expect(trend.days.at(-1)).toBe(8);
    expect(trend.perDay.at(-1)).toBe(8);
    expect(trend.direction).toBe('rising');
  });
});
