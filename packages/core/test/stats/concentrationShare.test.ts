import { describe, expect, it } from 'vitest';
import { concentrationShare } from '../../src/stats/concentrationShare.js';
import { lorenzCurve } from '../../src/stats/lorenzCurve.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

describe('concentrationShare', () => {
  const counts = [0, 8, 0, 2, 0, 10, 0, 0, 0, 0];

  it('gives the share of incidents in the top cells, the last cell in proportion', () => {
    expect(concentrationShare(counts, 0.1)).toBe(0.5); // the top cell: 10 of 20
    expect(concentrationShare(counts, 0.15)).toBe(0.7); // and half of the next one's 8
    expect(concentrationShare(counts, 0.3)).toBe(1);
    expect(concentrationShare(counts, 0)).toBe(0);
    expect(concentrationShare(counts, 1)).toBe(1);
  });

  it('reads the descending concentration curve at every k/N and between (property)', () => {
    const random = mulberry32(4);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const x = Array.from({ length: n }, () => Math.floor(random() * 6));
      x[0] += 1;
      const curve = lorenzCurve(x, { descending: true });
      for (let k = 0; k <= n; k++)
        expectClose(concentrationShare(x, k / n), curve.incidentShare[k], 1e-12);
      for (let k = 0; k < n; k++) {
        const middle = (curve.incidentShare[k] + curve.incidentShare[k + 1]) / 2;
        expectClose(concentrationShare(x, (k + 0.5) / n), middle, 1e-12, `trial ${trial} k ${k}`);
      }
    }
  });

  it('is NaN without incidents and rejects a share outside [0, 1] or bad counts', () => {
    expect(concentrationShare([0, 0], 0.5)).toBeNaN();
    expect(codeOf(() => concentrationShare(counts, 1.5))).toBe('E_ARGUMENT');
    expect(codeOf(() => concentrationShare(counts, Number.NaN))).toBe('E_ARGUMENT');
    expect(codeOf(() => concentrationShare([1, -1], 0.5))).toBe('E_ARGUMENT');
  });
});
