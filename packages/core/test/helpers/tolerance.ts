import { expect } from 'vitest';

/** Asserts two numbers are equal within an absolute tolerance, naming the index when given. */
export function expectClose(actual: number, expected: number, tolerance: number, label = ''): void {
  const ok =
    Math.abs(actual - expected) <= tolerance || (Number.isNaN(actual) && Number.isNaN(expected));
  expect(ok, `${label} expected ${expected}, got ${actual} (tolerance ${tolerance})`).toBe(true);
}

/** Asserts two arrays are element-wise equal within an absolute tolerance. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  label = '',
): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expectClose(actual[i], expected[i], tolerance, `${label}[${i}]`);
}
