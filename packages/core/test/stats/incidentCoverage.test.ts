import { describe, expect, it } from 'vitest';
import { incidentCoverage } from '../../src/stats/incidentCoverage.js';
import { codeOf } from '../helpers/errors.js';

const utc = Date.UTC;

describe('incidentCoverage', () => {
  it('runs from 00:00 of the first day to 00:00 after the last day, counting cells with a time', () => {
    const time = [utc(2018, 7, 8, 23, 10), utc(2018, 0, 1, 0, 5), utc(2017, 5, 1), Number.NaN];
    const cells = [3, 0, -1, 2];
    expect(incidentCoverage(time, cells)).toEqual({
      from: utc(2018, 0, 1),
      to: utc(2018, 7, 9),
    });
  });

  it('takes a configured bound instead of the inferred one', () => {
    const time = [utc(2018, 0, 3), utc(2018, 7, 8)];
    expect(incidentCoverage(time, [0, 0], { from: utc(2018, 0, 1) })).toEqual({
      from: utc(2018, 0, 1),
      to: utc(2018, 7, 9),
    });
    expect(incidentCoverage([], [], { from: utc(2018, 0, 1), to: utc(2019, 0, 1) })).toEqual({
      from: utc(2018, 0, 1),
      to: utc(2019, 0, 1),
    });
  });

  it('is undefined without a timed incident in a cell, and refuses unequal lengths', () => {
    expect(incidentCoverage([Number.NaN, 5], [0, -1])).toBeUndefined();
    expect(codeOf(() => incidentCoverage([1], []))).toBe('E_ARGUMENT');
  });
});
