import { mulberry32 } from '@hexreach/core/util';
import { describe, expect, it } from 'vitest';
import { PairIndex } from '../../src/map/pairIndex.js';

describe('PairIndex', () => {
  it('numbers pairs 0, 1, 2 … in the order first seen, as a Map of string keys does', () => {
    const random = mulberry32(7);
    const index = new PairIndex(4); // small, so that it grows many times
    const brute = new Map<string, number>();
    for (let k = 0; k < 20_000; k++) {
      // Few distinct values, so that pairs repeat; both signs and the int32 extremes.
      const pick = () =>
        [0, -1, 2 ** 31 - 1, -(2 ** 31), Math.floor(random() * 200) - 100][
          Math.floor(random() * 5)
        ];
      const a = pick();
      const b = pick();
      const key = `${a},${b}`;
      if (!brute.has(key)) brute.set(key, brute.size);
      expect(index.idOf(a, b)).toBe(brute.get(key));
    }
    expect(index.size).toBe(brute.size);
    for (const [key, id] of brute) {
      const [a, b] = key.split(',').map(Number);
      expect(index.get(a, b)).toBe(id);
    }
  });

  it('tells a pair from its reverse, and gives −1 for a pair it has not numbered', () => {
    const index = new PairIndex(10);
    expect(index.idOf(1, 2)).toBe(0);
    expect(index.idOf(2, 1)).toBe(1);
    expect(index.get(1, 2)).toBe(0);
    expect(index.get(3, 3)).toBe(-1);
  });
});
