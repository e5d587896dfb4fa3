import { describe, expect, it } from 'vitest';
import { placeboTest } from '../../src/evaluate/placeboTest.js';

describe('placeboTest', () => {
  const placebos = Array.from({ length: 99 }, (_, i) => (i - 49) / 10); // −4.9 … 4.9

  it('ranks the observed |z| among the placebos, counting itself', () => {
    // |z| ≥ 4.5: −4.9 … −4.5 and 4.5 … 4.9 → 10 placebos; p = (1 + 10) / 100.
    expect(placeboTest(4.5, placebos).p).toBeCloseTo(0.11, 12);
    expect(placeboTest(-10, placebos).p).toBeCloseTo(0.01, 12);
  });

  it('takes the ⌈(n + 1)·confidence⌉-th smallest placebo |z| as the critical value', () => {
    // |z| sorted: 0, 0.1, 0.1, 0.2, 0.2, …: the k-th is ⌊k/2⌋/10, so the 90th of 99 is 4.5.
    const t = placeboTest(1, placebos, 0.9);
    expect(t.critical).toBeCloseTo(4.5, 12);
    expect(t.placebos).toBe(99);
  });

  it('falls back to the normal quantile with fewer than 19 usable placebos', () => {
    const t = placeboTest(1, [0.5, Number.NaN, 1.5], 0.9);
    expect(t.placebos).toBe(2);
    expect(t.critical).toBeCloseTo(1.6448536, 6);
    expect(t.p).toBeCloseTo(2 / 3, 12);
  });
});
