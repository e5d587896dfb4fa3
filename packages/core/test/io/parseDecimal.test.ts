import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/io/parseDecimal.js';

describe('parseDecimal', () => {
  it('reads decimal numbers as Number does, with surrounding spaces', () => {
    const cases: [string, number][] = [
      ['41.88', 41.88],
      ['-87.6', -87.6],
      ['+3', 3],
      [' 1e3 ', 1000],
      ['.5', 0.5],
      ['5.', 5],
      ['00012', 12],
      ['-0', -0],
      ['1E-2', 0.01],
    ];
    for (const [text, value] of cases) expect(parseDecimal(text), text).toBe(value);
  });

  it('gives NaN for hexadecimal, octal and binary text, blank text and words', () => {
    for (const text of [
      '0x10',
      '0X1F',
      ' 0x10',
      '\u00a00x10',
      '0o17',
      '0b11',
      '',
      '  ',
      'abc',
      '1,5',
      '12a',
    ])
      expect(parseDecimal(text), JSON.stringify(text)).toBeNaN();
  });

  it('passes infinities on, for the caller to refuse as not finite', () => {
    expect(parseDecimal('Infinity')).toBe(Number.POSITIVE_INFINITY);
  });
});
