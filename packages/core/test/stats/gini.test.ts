import { describe, expect, it } from 'vitest';
import { gini } from '../../src/stats/gini.js';
import { lorenzCurve } from '../../src/stats/lorenzCurve.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

const zeros = (k: number) => new Array<number>(k).fill(0);

describe('gini', () => {
  it('is 0 for equal counts and (N − 1)/N with every incident in one cell', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0.3, 0.3, 0.3])).toBe(0);
    for (let n = 1; n <= 50; n++)
      expectClose(gini([7, ...zeros(n - 1)]), (n - 1) / n, 1e-14, `N = ${n}`);
  });

  it('reproduces the lorenzgini examples (gini(x, generalized = FALSE, unbiased = FALSE))', () => {
    expectClose(gini([10, 8, 2, ...zeros(7)]), 0.78, 1e-14);
    expectClose(gini([5, 2, 1, ...zeros(7)]), 0.8, 1e-14);
    expectClose(gini([10, ...zeros(9)]), 0.9, 1e-14);
    expectClose(gini([10, ...zeros(99)]), 0.99, 1e-14);
    // unbiased = TRUE multiplies by N/(N − 1): all in one cell gives 1.
    expectClose(gini([10, ...zeros(9)], { unbiased: true }), 1, 1e-14);
  });

  it('equals the mean absolute difference over all pairs, and 1 − 2·(area under the Lorenz curve)', () => {
    const random = mulberry32(17);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const x = Array.from({ length: n }, () => (random() < 0.4 ? 0 : Math.floor(random() * 20)));
      if (!x.some((v) => v > 0)) x[0] = 1;
      let differences = 0;
      for (const a of x) for (const b of x) differences += Math.abs(a - b);
      const mean = x.reduce((s, v) => s + v, 0) / n;
      const g = gini(x);
      expectClose(g, differences / (2 * n * n * mean), 1e-12, `trial ${trial}`);
      const { cellShare, incidentShare } = lorenzCurve(x);
      let area = 0;
      for (let k = 1; k <= n; k++)
        area += ((cellShare[k] - cellShare[k - 1]) * (incidentShare[k] + incidentShare[k - 1])) / 2;
      expectClose(g, 1 - 2 * area, 1e-12, `Lorenz area, trial ${trial}`);
    }
  });

  it('is NaN without incidents and rejects negative or non-finite counts and an empty list', () => {
    expect(gini([0, 0, 0])).toBeNaN();
    expect(gini([4], { unbiased: true })).toBeNaN();
    expect(codeOf(() => gini([]))).toBe('E_ARGUMENT');
    expect(codeOf(() => gini([1, -1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => gini([1, Number.NaN]))).toBe('E_ARGUMENT');
  });
});
