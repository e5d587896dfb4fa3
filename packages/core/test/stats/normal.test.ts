import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedP } from '../../src/stats/normal.js';
import { expectClose } from '../helpers/tolerance.js';

/** Asserts |actual − expected| ≤ relative·|expected|. */
function expectRelative(actual: number, expected: number, relative: number, label: string): void {
  expectClose(actual, expected, relative * Math.abs(expected), label);
}

// Φ(x) to 50 significant digits with mpmath (mp.ncdf), rounded to double: the exact values R's
// pnorm approximates to about 1e-15 relative.
const CDF: readonly (readonly [number, number])[] = [
  [-37.5, 4.605353009581955e-308],
  [-30, 4.906713927148187e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-8.5, 9.479534822203318e-18],
  [-6, 9.86587645037698e-10],
  [-5.5, 1.8989562465887718e-8],
  [-3, 0.0013498980316300946],
  [-1, 0.15865525393145705],
  [-0.5, 0.3085375387259869],
  [-1e-10, 0.49999999996010575],
  [0, 0.5],
  [0.3, 0.6179114221889527],
  [1, 0.8413447460685429],
  [1.959963984540054, 0.975],
  [3, 0.9986501019683699],
  [5, 0.9999997133484281],
  [6, 0.9999999990134123],
  [8, 0.9999999999999993],
];

// 2·Φ(−|z|) with mpmath at 50 digits on a grid to |z| = 8, plus both sides of Cody's switch
// points qnorm(3/4) ≈ 0.67448975 and √32.
const TWO_SIDED: readonly (readonly [number, number])[] = [
  [0.0, 1.0],
  [0.25, 0.8025873486341526],
  [0.5, 0.6170750774519738],
  [0.75, 0.4532547047537364],
  [1.0, 0.3173105078629141],
  [1.25, 0.2112995473337105],
  [1.5, 0.13361440253771614],
  [1.75, 0.08011831372763419],
  [2.0, 0.04550026389635842],
  [2.25, 0.024448945310089405],
  [2.5, 0.01241933065155227],
  [2.75, 0.005959526470109114],
  [3.0, 0.002699796063260189],
  [3.25, 0.001154050084781534],
  [3.5, 0.0004652581580710501],
  [3.75, 0.00017683457040160774],
  [4.0, 6.334248366623985e-5],
  [4.25, 2.137705154986884e-5],
  [4.5, 6.7953462494601205e-6],
  [4.75, 2.0341664851374063e-6],
  [5.0, 5.733031437583878e-7],
  [5.25, 1.520992103297743e-7],
  [5.5, 3.7979124931775436e-8],
  [5.75, 8.924344907803223e-9],
  [6.0, 1.973175290075396e-9],
  [6.25, 4.1045268504378777e-10],
  [6.5, 8.032001167718236e-11],
  [6.75, 1.4784515556035643e-11],
  [7.0, 2.55962508777167e-12],
  [7.25, 4.167716317344139e-13],
  [7.5, 6.381783345821793e-14],
  [7.75, 9.189254871557191e-15],
  [8.0, 1.2441921148543568e-15],
  [0.67448975, 0.5000000001246203],
  [0.6744897500000001, 0.5000000001246203],
  [5.65685424949238, 1.5417257900280063e-8],
  [5.656854249492381, 1.5417257900279984e-8],
  [5.656854249492382, 1.5417257900279825e-8],
];

describe('normalCdf', () => {
  it('matches Φ to 1e-14 relative from the far lower tail to the upper body', () => {
    for (const [x, expected] of CDF) expectRelative(normalCdf(x), expected, 1e-14, `Φ(${x})`);
  });

  it('keeps the lower tail where 1 − Φ(|x|) would round to 0', () => {
    expect(normalCdf(-20)).toBeGreaterThan(0);
    expect(1 - normalCdf(20)).toBe(0);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (let x = 0; x <= 9; x += 0.125)
      expectClose(normalCdf(x) + normalCdf(-x), 1, 2e-16, `x = ${x}`);
  });

  it('is non-decreasing across the switch points of the approximation', () => {
    const decreasesAt: number[] = [];
    let previous = 0;
    for (let x = -40; x <= 10; x += 1 / 1024) {
      const value = normalCdf(x);
      if (value < previous) decreasesAt.push(x);
      previous = value;
    }
    expect(decreasesAt).toEqual([]);
  });

  it('returns 0 and 1 at the infinities and NaN for NaN', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('twoSidedP', () => {
  it("matches R's 2 * pnorm(-abs(z)) to 1e-12 relative for |z| up to 8", () => {
    for (const [z, expected] of TWO_SIDED) {
      expectRelative(twoSidedP(z), expected, 1e-12, `p(${z})`);
      expectRelative(twoSidedP(-z), expected, 1e-12, `p(${-z})`);
    }
  });

  it('gives the conventional critical values their significance levels', () => {
    expectClose(twoSidedP(1.6448536269514722), 0.1, 1e-15, 'p(z₀.₉₅)');
    expectClose(twoSidedP(1.959963984540054), 0.05, 1e-15, 'p(z₀.₉₇₅)');
    expectClose(twoSidedP(2.5758293035489004), 0.01, 1e-15, 'p(z₀.₉₉₅)');
  });

  it('is exactly 1 at z = 0, 0 at infinite |z|, and NaN for NaN', () => {
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(Number.POSITIVE_INFINITY)).toBe(0);
    expect(twoSidedP(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(twoSidedP(Number.NaN)).toBeNaN();
  });

  it('keeps full precision where 1 − Φ(|z|) cancels', () => {
    expectRelative(twoSidedP(12), 3.552964224155358e-33, 1e-13, 'p(12)');
  });
});
