import { describe, expect, it } from 'vitest';
import { countBelow } from '../../../src/indicators/ranking/countBelow.js';

describe('countBelow', () => {
  const keys = Float64Array.of(-3, 0, 1, 2, 2, 2, 5);

  it('counts the keys strictly below a value, ties sharing the lowest place', () => {
    expect([-4, -3, 0, 1.5, 2, 3, 5, 6].map((key) => countBelow(keys, key))).toEqual([
      0, 0, 1, 3, 3, 6, 6, 7,
    ]);
  });

  it('takes −0 as 0, as < does, and gives 0 for no keys', () => {
    expect(countBelow(keys, -0)).toBe(1);
    expect(countBelow(new Float64Array(0), 1)).toBe(0);
  });
});
