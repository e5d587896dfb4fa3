import { describe, expect, it } from 'vitest';
import { dbfEncoding } from '../../src/io/dbfEncoding.js';
import { thrownBy } from '../helpers/errors.js';

describe('dbfEncoding', () => {
  it('reads the labels and Windows code pages ESRI writes in a .cpg', () => {
    expect(dbfEncoding('UTF-8', 'a.cpg')).toBe('utf-8');
    expect(dbfEncoding('65001\r\n', 'a.cpg')).toBe('utf-8');
    expect(dbfEncoding('1252', 'a.cpg')).toBe('windows-1252');
    expect(dbfEncoding('ANSI 1251', 'a.cpg')).toBe('windows-1251');
    // WHATWG decodes ISO-8859-1 as windows-1252, of which it is a subset.
    expect(dbfEncoding('ISO-8859-1', 'a.cpg')).toBe('windows-1252');
  });

  it('is UTF-8 without a .cpg or with an empty one', () => {
    expect(dbfEncoding(undefined, 'a.cpg')).toBe('utf-8');
    expect(dbfEncoding('  ', 'a.cpg')).toBe('utf-8');
  });

  it('refuses an encoding it cannot decode, naming the file (E_INPUT)', () => {
    const error = thrownBy(() => dbfEncoding('EBCDIC-XYZ', 'tracts.zip: tracts.cpg'));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toMatch(/^tracts\.zip: tracts\.cpg: .*"EBCDIC-XYZ"/);
  });
});
