import { describe, expect, it } from 'vitest';
import { generalizedGini } from '../../src/stats/generalizedGini.js';
import { gini } from '../../src/stats/gini.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

const zeros = (k: number) => new Array<number>(k).fill(0);

describe('generalizedGini', () => {
  it("reproduces the lorenzgini examples of Bernasco & Steenbeek's G′", () => {
    // 8 crimes over 10 places: G = 0.8, G′ = (10/8)·(0.8 − 1) + 1 = 0.75.
    expectClose(generalizedGini([5, 2, 1, ...zeros(7)]), 0.75, 1e-14);
    // 20 crimes over 10 places: G′ = G = 0.78.
    expectClose(generalizedGini([10, 8, 2, ...zeros(7)]), 0.78, 1e-14);
  });

  it('is 0 at maximal equality (one incident in each of n cells) and 1 − 1/n with all in one cell', () => {
    for (const [n, places] of [
      [3, 10],
      [7, 100],
      [1, 5],
    ]) {
      expectClose(generalizedGini([...new Array(n).fill(1), ...zeros(places - n)]), 0, 1e-14);
      expectClose(generalizedGini([n, ...zeros(places - 1)]), 1 - 1 / n, 1e-14, `n ${n}`);
    }
    // unbiased (lorenzgini's default) scales by m/(m − 1), m = min(N, n): all in one cell gives 1.
    expectClose(generalizedGini([4, ...zeros(9)], { unbiased: true }), 1, 1e-14);
    expectClose(generalizedGini([5, 2, 1, ...zeros(7)], { unbiased: true }), (0.75 * 8) / 7, 1e-14);
  });

  it('equals the Gini coefficient when there are at least as many incidents as cells (property)', () => {
    const random = mulberry32(2017);
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + Math.floor(random() * 30);
      const x = Array.from({ length: n }, () => 1 + Math.floor(random() * 9));
      expectClose(generalizedGini(x), gini(x), 1e-15, `trial ${trial}`);
    }
  });

  it('is NaN without incidents and rejects non-integer or negative counts', () => {
    expect(generalizedGini([0, 0])).toBeNaN();
    expect(generalizedGini([1, 0, 0], { unbiased: true })).toBeNaN();
    expect(codeOf(() => generalizedGini([1.5, 0]))).toBe('E_ARGUMENT');
    expect(codeOf(() => generalizedGini([-1, 2]))).toBe('E_ARGUMENT');
    expect(codeOf(() => generalizedGini([]))).toBe('E_ARGUMENT');
  });
});
