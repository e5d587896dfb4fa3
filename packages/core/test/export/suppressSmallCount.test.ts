import { describe, expect, it } from 'vitest';
import { suppressSmallCount } from '../../src/export/suppressSmallCount.js';
import { codeOf } from '../helpers/errors.js';

describe('suppressSmallCount', () => {
  it('writes counts from 1 to k − 1 as "<k", keeps 0 and counts of k or more', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppressSmallCount(n, 5))).toEqual([0, '<5', '<5', 5, 12]);
    expect(suppressSmallCount(2, 3)).toBe('<3');
  });

  it('shows a derived value only when the count behind it may be shown', () => {
    expect(suppressSmallCount(3, 5, 0.75)).toBe('<5');
    expect(suppressSmallCount(12, 5, 4.8)).toBe(4.8);
    expect(suppressSmallCount(0, 5, 0)).toBe(0);
    expect(suppressSmallCount(0, 5, Number.NaN)).toBeNull();
  });

  it('refuses a threshold below 2', () => {
    expect(codeOf(() => suppressSmallCount(1, 1))).toBe('E_ARGUMENT');
  });
});
