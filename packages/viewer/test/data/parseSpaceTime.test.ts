import { describe, expect, it } from 'vitest';
import { parseSpaceTime } from '../../src/data/parseSpaceTime.js';

const file = {
  step: 'month',
  stepStarts: ['2024-01-01', '2024-02-01'],
  cells: ['a', 'b', 'c'],
  binEncoding: 'one character per cell',
  bins: ['630', '253'],
};

describe('parseSpaceTime', () => {
  it("aligns each step's bins with the map's cells, digits 0…6 read as bins −3…3", () => {
    const { steps, missing } = parseSpaceTime(file, ['c', 'a', 'b'], 'spacetime.json');
    expect(steps.step).toBe('month');
    expect(steps.stepStarts).toEqual(['2024-01-01', '2024-02-01']);
    expect(steps.bins.map((row) => Array.from(row))).toEqual([
      [-3, 3, 0],
      [0, -1, 2],
    ]);
    expect(missing).toBe(0);
  });

  it('counts map cells the file lacks and shows them as not significant', () => {
    const { steps, missing } = parseSpaceTime(file, ['a', 'z'], 'spacetime.json');
    expect(steps.bins.map((row) => Array.from(row))).toEqual([
      [3, 0],
      [-1, 0],
    ]);
    expect(missing).toBe(1);
  });

  it('names the file and the problem for a malformed file', () => {
    const cases: [unknown, RegExp][] = [
      [[], /expected a JSON object/],
      [{ ...file, step: 3 }, /"step" must be a string/],
      [{ ...file, cells: [1, 2, 3] }, /"cells" must be a list/],
      [{ ...file, stepStarts: ['2024-01-01'] }, /same length/],
      [{ ...file, stepStarts: ['2024-01-01', 'Feb'] }, /stepStarts\[1\] must be a date/],
      [{ ...file, bins: ['630', '25'] }, /bins\[1\] must be a string of one digit per cell \(3\)/],
      [{ ...file, bins: ['630', '2x3'] }, /bins\[1\] has "x" for cell b, not 0…6/],
    ];
    for (const [value, message] of cases) {
      expect(() => parseSpaceTime(value, ['a', 'b', 'c'], 'spacetime.json')).toThrow(message);
      expect(() => parseSpaceTime(value, ['a', 'b', 'c'], 'spacetime.json')).toThrow(
        /^spacetime\.json: /,
      );
    }
  });
});
