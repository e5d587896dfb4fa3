import { describe, expect, it } from 'vitest';
import { lorenzCurve } from '../../src/stats/lorenzCurve.js';
import { codeOf } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

describe('lorenzCurve', () => {
  it('gives N + 1 points from (0, 0) to (1, 1), cells from fewest to most incidents', () => {
    const curve = lorenzCurve([3, 0, 1]);
    expectAllClose(curve.cellShare, [0, 1 / 3, 2 / 3, 1], 1e-15);
    expectAllClose(curve.incidentShare, [0, 0, 0.25, 1], 1e-15);
  });

  it('gives the concentration curve, most incidents first, with descending', () => {
    const curve = lorenzCurve([3, 0, 1], { descending: true });
    expectAllClose(curve.incidentShare, [0, 0.75, 1, 1], 1e-15);
  });

  it('reports where the line of maximal equality reaches 1 when incidents are fewer than cells', () => {
    expect(lorenzCurve([3, 0, 1, 0, 0, 0, 0, 0]).maximalEqualityShare).toBe(0.5);
    expect(lorenzCurve([3, 2]).maximalEqualityShare).toBe(1);
  });

  it('rises monotonically and ends exactly at 1', () => {
    const curve = lorenzCurve([0.1, 0.2, 0.3, 0.7, 0.1]);
    for (let k = 1; k < curve.incidentShare.length; k++)
      expect(curve.incidentShare[k]).toBeGreaterThanOrEqual(curve.incidentShare[k - 1]);
    expect(curve.incidentShare[5]).toBe(1);
  });

  it('rejects all-zero, negative and empty counts with E_ARGUMENT', () => {
    expect(codeOf(() => lorenzCurve([0, 0]))).toBe('E_ARGUMENT');
    expect(codeOf(() => lorenzCurve([1, -2]))).toBe('E_ARGUMENT');
    expect(codeOf(() => lorenzCurve([]))).toBe('E_ARGUMENT');
  });
});
