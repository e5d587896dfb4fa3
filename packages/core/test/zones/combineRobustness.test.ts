import { describe, expect, it } from 'vitest';
import { combineRobustness } from '../../src/zones/combineRobustness.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

describe('combineRobustness', () => {
  it('averages the weight probability and each resolution share, each check counting once', () => {
    const combined = combineRobustness(
      [0.9, 0.3, 1],
      [
        [1, 0, 0],
        [0.5, 3 / 7, 1],
      ],
    );
    expectAllClose(combined, [2.4 / 3, (0.3 + 3 / 7) / 3, 2 / 3], 1e-15);
  });

  it('leaves a NaN resolution share out of that cell only', () => {
    const combined = combineRobustness(
      [0.8, 0.8],
      [
        [Number.NaN, 1],
        [0.2, 0.2],
      ],
    );
    expectAllClose(combined, [0.5, 2 / 3], 1e-15);
  });

  it('returns the weight probability when there is no resolution check', () => {
    expectAllClose(combineRobustness([0.25, 1]), [0.25, 1], 0);
  });

  it('rejects mismatched lengths and values outside 0–1', () => {
    expect(codeOf(() => combineRobustness([0.5, 0.5], [[1]]))).toBe('E_ARGUMENT');
    expect(codeOf(() => combineRobustness([Number.NaN]))).toBe('E_ARGUMENT');
    expect(codeOf(() => combineRobustness([1.5]))).toBe('E_ARGUMENT');
    expect(codeOf(() => combineRobustness([0.5], [[-0.1]]))).toBe('E_ARGUMENT');
  });
});
