import { describe, expect, it } from 'vitest';
import {
  ascendingOrder,
  createOrderScratch,
} from '../../../src/indicators/ranking/ascendingOrder.js';
import { mulberry32 } from '../../../src/util/random.js';

/** The order by a comparison sort: ascending, equal keys in their given order. */
function comparisonOrder(keys: ArrayLike<number>): number[] {
  return Array.from(keys, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
}

function order(keys: Float64Array): number[] {
  return Array.from(
    ascendingOrder(
      keys,
      keys.length,
      new Uint32Array(keys.length),
      createOrderScratch(keys.length),
    ),
  );
}

describe('ascendingOrder', () => {
  it('orders keys ascending, equal keys in their given order', () => {
    expect(order(Float64Array.of(0.5, -2, 0.25, -2))).toEqual([1, 3, 2, 0]);
  });

  it('orders negative numbers, subnormals and infinities numerically', () => {
    const keys = Float64Array.of(
      1,
      -1e-320,
      Number.POSITIVE_INFINITY,
      -3.5,
      5e-324,
      -1e300,
      0,
      Number.NEGATIVE_INFINITY,
    );
    expect(order(keys).map((i) => keys[i])).toEqual([
      Number.NEGATIVE_INFINITY,
      -1e300,
      -3.5,
      -1e-320,
      0,
      5e-324,
      1,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('puts −0 just before 0, which `<` has equal', () => {
    expect(order(Float64Array.of(0, 1, -0, -1))).toEqual([3, 2, 0, 1]);
  });

  it('orders only the first `count` keys, and reuses its scratch', () => {
    const scratch = createOrderScratch(5);
    const out = new Uint32Array(5);
    expect(
      Array.from(ascendingOrder(Float64Array.of(3, 1, 2, -9, -9), 3, out, scratch).subarray(0, 3)),
    ).toEqual([1, 2, 0]);
    expect(
      Array.from(ascendingOrder(Float64Array.of(2, 1), 2, out, scratch).subarray(0, 2)),
    ).toEqual([1, 0]);
    expect(Array.from(ascendingOrder(new Float64Array(0), 0, out, scratch).subarray(0, 0))).toEqual(
      [],
    );
  });

  it('gives a comparison sort’s order on seeded keys with many ties, and on keys sharing their high bits', () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + Math.floor(random() * 3000);
      const tied = Float64Array.from({ length: n }, () => Math.floor(random() * 40) / 7 - 3);
      const close = Float64Array.from({ length: n }, () => 0.3 + random() * 1e-9);
      expect(order(tied)).toEqual(comparisonOrder(tied));
      expect(order(close)).toEqual(comparisonOrder(close));
    }
  });
});
