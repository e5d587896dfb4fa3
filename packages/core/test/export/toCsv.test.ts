import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/toCsv.js';
import { codeOf } from '../helpers/errors.js';

/** The single data field of a one-column CSV. */
const field = (value: unknown) => toCsv(['v'], [[value]]).slice(2, -1);

describe('toCsv', () => {
  it('writes a header and rows, every line ending in \\n', () => {
    expect(
      toCsv(
        ['zone', 'cells', 'score'],
        [
          ['Z01', 12, 0.5],
          ['Z02', 3, 0.25],
        ],
      ),
    ).toBe('zone,cells,score\nZ01,12,0.5\nZ02,3,0.25\n');
  });

  it('writes only the header when there are no rows, and accepts any iterable', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\n');
    function* rows() {
      yield [1];
      yield [2];
    }
    expect(toCsv(['n'], rows())).toBe('n\n1\n2\n');
  });

  it('quotes fields with a quote, comma, CR or LF and doubles inner quotes (RFC 4180)', () => {
    expect(field('say "hi"')).toBe('"say ""hi"""');
    expect(field('a,b')).toBe('"a,b"');
    expect(field('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(field('a\rb')).toBe('"a\rb"');
    expect(field('plain text')).toBe('plain text');
    expect(toCsv(['a,b', 'c'], [])).toBe('"a,b",c\n');
  });

  it('writes null, undefined, NaN and ±Infinity as empty fields', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [[null, undefined, NaN, Infinity, -Infinity]])).toBe(
      'a,b,c,d,e\n,,,,\n',
    );
  });

  it('writes numbers, booleans, bigints and dates as text', () => {
    expect(field(-0.125)).toBe('-0.125');
    expect(field(1e21)).toBe('1e+21');
    expect(field(true)).toBe('true');
    expect(field(12n)).toBe('12');
    expect(field(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02T03:04:05.000Z');
    expect(field(['a', 'b'])).toBe('"[""a"",""b""]"');
  });

  it("prefixes text that a spreadsheet would run as a formula with '", () => {
    expect(field('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(field('+1+2')).toBe("'+1+2");
    expect(field('-2+3+cmd|" /C calc"!A0')).toBe('"\'-2+3+cmd|"" /C calc""!A0"');
    expect(field('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(field('\t=1')).toBe("'\t=1");
    expect(field('\r=1')).toBe('"\'\r=1"');
    expect(field('-')).toBe("'-");
    expect(field('-Infinity')).toBe("'-Infinity");
    expect(toCsv(['=evil'], [])).toBe("'=evil\n");
  });

  it('leaves numbers and number-like text alone, and formula characters later in the text', () => {
    expect(field(-5)).toBe('-5');
    expect(field('-5')).toBe('-5');
    expect(field('+3.25')).toBe('+3.25');
    expect(field('-1e-3')).toBe('-1e-3');
    expect(field('-.5')).toBe('-.5');
    expect(field('a=b')).toBe('a=b');
    expect(field('x@example.org')).toBe('x@example.org');
  });

  it('rejects a row whose length differs from the header', () => {
    expect(codeOf(() => toCsv(['a', 'b'], [['x']]))).toBe('E_ARGUMENT');
    expect(codeOf(() => toCsv(['a'], [['x', 'y']]))).toBe('E_ARGUMENT');
  });
});
