import { describe, expect, it } from 'vitest';
import { spaceTimeBins } from '../../src/stats/spaceTimeBins.js';
import { wholeSteps } from '../../src/stats/wholeSteps.js';
import { codeOf } from '../helpers/errors.js';

const utc = Date.UTC;

/** `perDay(day)` incidents on each day of [from, to), all in cell 0. */
function daily(from: number, to: number, perDay: (day: number) => number) {
  const time: number[] = [];
  for (let day = from; day < to; day += 86_400_000) {
    for (let k = 0; k < perDay(day); k++) time.push(day + 3_600_000);
  }
  return { time, cells: time.map(() => 0) };
}

describe('wholeSteps', () => {
  // Chicago 2018's shape: 1 January to 8 August, 2 incidents a day.
  const coverage = { from: utc(2018, 0, 1), to: utc(2018, 7, 9) };
  const { time, cells } = daily(coverage.from, coverage.to, () => 2);
  const cube = spaceTimeBins(time, cells, 1, { step: 'month' });

  it('leaves out a trailing month of 8 days and names it', () => {
    expect(cube.steps).toBe(8);
    const whole = wholeSteps(cube, coverage);
    expect(whole.cube.steps).toBe(7);
    expect(Array.from(whole.cube.stepStarts).at(-1)).toBe(utc(2018, 6, 1));
    expect(whole.cube.end).toBe(utc(2018, 7, 1));
    expect(whole.partial).toEqual([
      { start: utc(2018, 7, 1), end: utc(2018, 8, 1), days: 31, coveredDays: 8 },
    ]);
    expect(whole.partialAs).toBe('drop');
  });

  it('divides each month by its days: 28 and 31 days at 2 a day are both 2', () => {
    const whole = wholeSteps(cube, coverage);
    expect(Array.from(whole.days)).toEqual([31, 28, 31, 30, 31, 30, 31]);
    expect(Array.from(whole.cube.counts)).toEqual([62, 56, 62, 60, 62, 60, 62]);
    expect(Array.from(whole.perDay)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it('keeps a partial month per covered day with partial "rate"', () => {
    const whole = wholeSteps(cube, coverage, { partial: 'rate' });
    expect(whole.cube.steps).toBe(8);
    expect(whole.days[7]).toBe(8);
    expect(whole.cube.counts[7]).toBe(16);
    expect(whole.perDay[7]).toBe(2);
    expect(whole.partial).toHaveLength(1);
  });

  it('leaves out a leading partial step too, and steps the coverage misses', () => {
    // Coverage 15 March – 30 June 2018 on a cube from January: January and February are not
    // covered at all, March is covered 17 of 31 days, June is whole.
    const partial = wholeSteps(cube, { from: utc(2018, 2, 15), to: utc(2018, 6, 1) });
    expect(Array.from(partial.cube.stepStarts)).toEqual([
      utc(2018, 3, 1),
      utc(2018, 4, 1),
      utc(2018, 5, 1),
    ]);
    expect(partial.partial).toEqual([
      { start: utc(2018, 2, 1), end: utc(2018, 3, 1), days: 31, coveredDays: 17 },
    ]);
    const rate = wholeSteps(
      cube,
      { from: utc(2018, 2, 15), to: utc(2018, 6, 1) },
      { partial: 'rate' },
    );
    expect(Array.from(rate.days)).toEqual([17, 30, 31, 30]);
  });

  it('keeps every step of a fully covered cube, a cube of 0 cells included', () => {
    const year = spaceTimeBins([], [], 0, {
      step: 'quarter',
      start: utc(2023, 0, 1),
      end: utc(2025, 0, 1),
    });
    const whole = wholeSteps(year, { from: utc(2023, 0, 1), to: utc(2025, 0, 1) });
    expect(whole.cube.steps).toBe(8);
    expect(whole.partial).toEqual([]);
    expect(Array.from(whole.days)).toEqual([90, 91, 92, 92, 91, 91, 92, 92]);
  });

  it('refuses an empty coverage or an unknown mode (E_ARGUMENT)', () => {
    expect(codeOf(() => wholeSteps(cube, { from: 1, to: 1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => wholeSteps(cube, coverage, { partial: 'keep' as unknown as 'rate' }))).toBe(
      'E_ARGUMENT',
    );
  });
});
