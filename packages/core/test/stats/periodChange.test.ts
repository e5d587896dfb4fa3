import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.js';
import { binomialTwoSidedP } from '../../src/stats/binomial.js';
import { periodChange } from '../../src/stats/periodChange.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose, expectClose } from '../helpers/tolerance.js';

describe('periodChange', () => {
  // A year before an outreach programme (365 days), half a year after (181 days).
  const before = [20, 4, 0, 0];
  const after = [3, 2, 5, 0];
  const change = periodChange(before, after, { exposureBefore: 365, exposureAfter: 181 });
  const share = 181 / 546;

  it('gives the difference, rate ratio and expected count of each cell', () => {
    expect(Array.from(change.difference)).toEqual([-17, -2, 5, 0]);
    expectClose(change.rateRatio[0], 3 / 181 / (20 / 365), 1e-15, 'cell 0');
    expectClose(change.rateRatio[1], 2 / 181 / (4 / 365), 1e-15, 'cell 1');
    expect(change.rateRatio[2]).toBe(Number.POSITIVE_INFINITY);
    expect(change.rateRatio[3]).toBeNaN();
    expectAllClose(change.expectedAfter, [23 * share, 6 * share, 5 * share, 0], 1e-13);
  });

  it('tests equal rates with the conditional binomial test, two-sided, as R poisson.test', () => {
    // R: poisson.test(c(3, 20), c(181, 365)) = binom.test(3, 23, 181/546); scipy.stats.binomtest
    // gives 0.045343419193119114, (5 of 5) 0.004003406231346079, (2 of 6) 1.
    expectClose(change.p[0], 0.045343419193119114, 1e-13, 'cell 0');
    expectClose(change.p[1], 1, 1e-13, 'cell 1');
    expectClose(change.p[2], 0.004003406231346079, 1e-13, 'cell 2');
    expect(change.p[3]).toBe(1);
    expectAllClose(change.pFdr, benjaminiHochberg(change.p), 0, 'pFdr');
  });

  it("reproduces R's poisson.test example: rate ratio 1.971488, p-value 0.07967", () => {
    // ?poisson.test: poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)), Fredericia against the
    // three other cities (eba1977); here the 'after' period is Fredericia's.
    const r = periodChange([21], [11], { exposureBefore: 3011, exposureAfter: 800 });
    expectClose(r.rateRatio[0], 1.9714880952380953, 1e-13, 'rate ratio');
    expectClose(r.p[0], 0.0796686330333295, 1e-13, 'p');
  });

  it('summarises the whole area from the total counts and exposures', () => {
    expect(change.overall.difference).toBe(10 - 24);
    expectClose(change.overall.rateRatio, 10 / 181 / (24 / 365), 1e-15, 'rate ratio');
    expectClose(change.overall.p, binomialTwoSidedP(10, 34, share), 1e-15, 'p');
    expectClose(change.overall.p, 0.7186148930844245, 1e-13, 'p (scipy)');
  });

  it('takes per-cell exposures such as populations, and defaults to equal exposures', () => {
    const perCell = periodChange([10, 10], [10, 20], {
      exposureBefore: [1000, 2000],
      exposureAfter: [1000, 1000],
    });
    expectClose(perCell.rateRatio[0], 1, 1e-15, 'equal rates');
    expectClose(perCell.rateRatio[1], 20 / 1000 / (10 / 2000), 1e-15, 'rate ratio');
    expectClose(perCell.p[1], binomialTwoSidedP(20, 30, 1000 / 3000), 1e-15, 'p');
    expectClose(perCell.overall.rateRatio, 30 / 2000 / (20 / 3000), 1e-15, 'overall');
    const plain = periodChange([4, 9], [8, 3]);
    expectClose(plain.p[0], binomialTwoSidedP(8, 12, 0.5), 1e-15, 'equal exposures');
  });

  it('rejects mismatched lengths, non-integer or negative counts and non-positive exposures', () => {
    expect(codeOf(() => periodChange([1, 2], [1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => periodChange([1.5], [1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => periodChange([1], [-1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => periodChange([1], [1], { exposureAfter: 0 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => periodChange([1], [1], { exposureBefore: [1, 2] }))).toBe('E_ARGUMENT');
  });
});
