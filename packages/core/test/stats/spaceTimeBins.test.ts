import { describe, expect, it } from 'vitest';
import { spaceTimeBins } from '../../src/stats/spaceTimeBins.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';

const utc = Date.UTC;

describe('spaceTimeBins', () => {
  it('counts incidents per cell and month, step-major, keeping empty months', () => {
    const time = [
      utc(2020, 0, 5),
      utc(2020, 0, 31, 23, 59),
      utc(2020, 2, 1), // March: February stays empty
      utc(2020, 2, 15),
      utc(2020, 2, 31, 12),
    ];
    const cells = [0, 2, 1, 1, 0];
    const cube = spaceTimeBins(time, cells, 3, {
      step: 'month',
      start: utc(2020, 0, 1),
      end: utc(2020, 3, 1),
    });
    expect(cube.steps).toBe(3);
    expect(cube.cells).toBe(3);
    expect(Array.from(cube.stepStarts)).toEqual([
      utc(2020, 0, 1),
      utc(2020, 1, 1),
      utc(2020, 2, 1),
    ]);
    expect(cube.end).toBe(utc(2020, 3, 1));
    // step 0: cells 0, 2; step 1: nothing; step 2: cell 1 twice, cell 0 once.
    expect(Array.from(cube.counts)).toEqual([1, 0, 1, 0, 0, 0, 1, 2, 0]);
    expect(cube.counted).toBe(5);
  });

  it('starts weeks on Monday 00:00 UTC, also before 1970', () => {
    // 2024-01-01 was a Monday; 1969-12-29 was a Monday.
    const time = [utc(2024, 0, 3), utc(2024, 0, 7, 23, 59, 59), utc(2024, 0, 8), utc(1969, 11, 31)];
    const recent = spaceTimeBins(time.slice(0, 3), [0, 0, 0], 1, { step: 'week' });
    expect(Array.from(recent.stepStarts)).toEqual([utc(2024, 0, 1), utc(2024, 0, 8)]);
    expect(recent.end).toBe(utc(2024, 0, 15));
    expect(Array.from(recent.counts)).toEqual([2, 1]);
    const old = spaceTimeBins(time.slice(3), [0], 1, { step: 'week' });
    expect(Array.from(old.stepStarts)).toEqual([utc(1969, 11, 29)]);
    expect(old.end).toBe(utc(1970, 0, 5));
  });

  it('uses calendar quarters starting in January, April, July and October', () => {
    const cube = spaceTimeBins([utc(2019, 4, 15), utc(2019, 11, 31, 23)], [0, 0], 1, {
      step: 'quarter',
    });
    expect(Array.from(cube.stepStarts)).toEqual([
      utc(2019, 3, 1),
      utc(2019, 6, 1),
      utc(2019, 9, 1),
    ]);
    expect(cube.end).toBe(utc(2020, 0, 1));
    expect(Array.from(cube.counts)).toEqual([1, 0, 1]);
  });

  it('widens start and end to whole steps and infers them from the incidents by default', () => {
    const widened = spaceTimeBins([utc(2021, 5, 10)], [0], 1, {
      start: utc(2021, 4, 20),
      end: utc(2021, 6, 2),
    });
    expect(Array.from(widened.stepStarts)).toEqual([
      utc(2021, 4, 1),
      utc(2021, 5, 1),
      utc(2021, 6, 1),
    ]);
    expect(widened.end).toBe(utc(2021, 7, 1));
    // Default: month of the first to the end of the month of the last incident with a cell.
    const inferred = spaceTimeBins(
      [utc(2021, 1, 3), utc(2022, 0, 1), utc(2023, 0, 1)],
      [0, 0, -1],
      1,
    );
    expect(inferred.step).toBe('month');
    expect(inferred.steps).toBe(12);
    expect(inferred.stepStarts[0]).toBe(utc(2021, 1, 1));
    expect(inferred.end).toBe(utc(2022, 1, 1));
  });

  it('reports incidents without a cell and outside the window instead of binning them', () => {
    const time = [utc(2020, 0, 2), Number.NaN, utc(2019, 11, 31), utc(2020, 1, 1), utc(2020, 0, 9)];
    const cube = spaceTimeBins(time, [0, 0, 1, 1, -1], 2, {
      start: utc(2020, 0, 1),
      end: utc(2020, 1, 1),
    });
    expect(cube.counted).toBe(1);
    expect(cube.outsideGrid).toBe(1);
    expect(cube.outsideWindow).toBe(3);
    expect(Array.from(cube.counts)).toEqual([1, 0]);
  });

  it('sums incident weights', () => {
    const cube = spaceTimeBins([utc(2020, 0, 2), utc(2020, 0, 3)], [1, 1], 2, {
      weights: [2.5, 0.5],
    });
    expect(Array.from(cube.counts)).toEqual([0, 3]);
  });

  it('puts every incident in the bin of its cell and of the step containing its time (property)', () => {
    const random = mulberry32(2010);
    const n = 2000;
    const cells = 17;
    const time = Array.from(
      { length: n },
      () => utc(2010, 0, 1) + random() * 10 * 365.25 * 86_400_000,
    );
    const cellOf = Array.from({ length: n }, () => Math.floor(random() * (cells + 1)) - 1);
    for (const step of ['week', 'month', 'quarter'] as const) {
      const cube = spaceTimeBins(time, cellOf, cells, { step });
      expect(cube.counted + cube.outsideGrid + cube.outsideWindow).toBe(n);
      expect(cube.outsideWindow).toBe(0);
      expect(cube.counts.reduce((a, b) => a + b, 0)).toBe(cube.counted);
      const expected = new Float64Array(cube.counts.length);
      for (let i = 0; i < n; i++) {
        if (cellOf[i] < 0) continue;
        let t = cube.steps - 1;
        while (cube.stepStarts[t] > time[i]) t--;
        const next = t + 1 < cube.steps ? cube.stepStarts[t + 1] : cube.end;
        expect(time[i]).toBeLessThan(next);
        expected[t * cells + cellOf[i]]++;
      }
      expect(cube.counts).toEqual(expected);
    }
  });

  it('rejects malformed input with E_ARGUMENT', () => {
    const t = [utc(2020, 0, 1)];
    expect(codeOf(() => spaceTimeBins(t, [0, 0], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeBins(t, [1], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeBins(t, [0.5], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeBins(t, [-2], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeBins(t, [0], 1, { step: 'day' as 'week' }))).toBe('E_ARGUMENT');
    expect(
      codeOf(() => spaceTimeBins(t, [0], 1, { start: utc(2021, 0, 1), end: utc(2020, 0, 1) })),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeBins(t, [0], 1, { weights: [-1] }))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeBins([Number.NaN], [0], 1))).toBe('E_ARGUMENT');
    expect(codeOf(() => spaceTimeBins(t, [0], 1, { end: Number.POSITIVE_INFINITY }))).toBe(
      'E_ARGUMENT',
    );
    expect(
      codeOf(() =>
        spaceTimeBins(t, [0], 2 ** 20, {
          step: 'week',
          start: utc(1900, 0, 1),
          end: utc(2100, 0, 1),
        }),
      ),
    ).toBe('E_ARGUMENT');
  });
});
