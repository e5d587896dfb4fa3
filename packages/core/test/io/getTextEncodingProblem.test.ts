import { describe, expect, it } from 'vitest';
import { getTextEncodingProblem } from '../../src/io/getTextEncodingProblem.js';

/** Bytes decoded as UTF-8, as the readers decode every file. */
const decoded = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const csv = 'date,category,latitude,longitude\n2024-01-01,THEFT,41.8,-87.6\n';

describe('getTextEncodingProblem', () => {
  it('says UTF-16, with or without a byte-order mark, little- or big-endian', () => {
    const files = [
      decoded(Uint8Array.from([0xff, 0xfe, ...utf16le(csv)])),
      decoded(Uint8Array.from([0xfe, 0xff, ...utf16be(csv)])),
      decoded(utf16le(csv)),
      decoded(utf16be(csv)),
      decoded(Uint8Array.from([0xff, 0xfe, ...utf16le('区,市\n')])),
    ];
    for (const text of files) {
      expect(getTextEncodingProblem(text, 'x.csv')).toBe(
        'x.csv: UTF-16 text; save the file as UTF-8',
      );
    }
  });

  it('says "not a text file" for other NUL bytes (a zip archive, an xlsx workbook)', () => {
    const zip = decoded(Uint8Array.from([0x50, 0x4b, 3, 4, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0]));
    expect(getTextEncodingProblem(`${zip}${'x'.repeat(200)}`, 'a.xlsx')).toBe(
      'a.xlsx: not a text file (NUL bytes at the start: a spreadsheet or an archive?); save it as UTF-8 text',
    );
  });

  it('passes UTF-8 text, with its byte-order mark too, and empty text', () => {
    for (const text of [csv, `\ufeff${csv}`, '', 'é,ü\n', '{"type": "FeatureCollection"}'])
      expect(getTextEncodingProblem(text, 'x.csv')).toBeUndefined();
  });
});
