import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HexreachError } from '../../src/errors.js';
import { readIncidentsCsv } from '../../src/io/readIncidentsCsv.js';
import type { IncidentTable, ReadResult } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url), 'utf8');

/** Every record read is either accepted or rejected, never dropped. */
function expectConserved(result: ReadResult<IncidentTable>): void {
  expect(result.data.length + result.rejections.length).toBe(result.read);
}

async function rejectionOf(promise: Promise<unknown>): Promise<HexreachError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HexreachError) return error;
    throw error;
  }
  throw new Error('expected a HexreachError');
}

/** The table as plain arrays, for comparing two reads. */
function tableToPlain(result: ReadResult<IncidentTable>) {
  const { data } = result;
  return {
    read: result.read,
    lng: [...data.lng],
    lat: [...data.lat],
    time: [...data.time],
    categories: data.categories,
    category: [...data.category],
    weight: [...data.weight],
    record: [...data.record],
    rejections: result.rejections,
  };
}

describe('readIncidentsCsv', () => {
  it('rejects each bad row of incidents-bad.csv with its reason, by 1-based data row', async () => {
    const result = await readIncidentsCsv(fixture('incidents-bad.csv'), {
      source: 'incidents-bad.csv',
      columns: { weight: 'count' },
    });
    expect(result.rejections.map((r) => [r.record, r.reason])).toEqual([
      [2, 'missing-coordinates'],
      [3, 'invalid-coordinates'],
      [4, 'invalid-coordinates'],
      [5, 'swapped-coordinates'],
      [6, 'out-of-range-coordinates'],
      [7, 'invalid-date'],
      [9, 'invalid-weight'],
      [10, 'invalid-weight'],
      [11, 'missing-coordinates'],
    ]);
    for (const rejection of result.rejections) {
      expect(rejection.source).toBe('incidents-bad.csv');
      expect(rejection.recordKind).toBe('row');
    }
    const message = (row: number) => result.rejections.find((r) => r.record === row)!.message;
    expect(message(3)).toContain('"abc"');
    expect(message(4)).toContain('null island');
    expect(message(5)).toContain('swapped');
    expect(message(6)).toContain('-200');
    expect(message(7)).toContain('"2018-02-30 00:00:00"');
    expect(message(9)).toContain('negative');
    expect(message(10)).toContain('"two"');
    expect(result.read).toBe(15);
    expectConserved(result);
  });

  it('accepts the good rows of incidents-bad.csv, with quoted commas, quotes and newlines', async () => {
    const { data, warnings } = await readIncidentsCsv(fixture('incidents-bad.csv'), {
      source: 'incidents-bad.csv',
      columns: { weight: 'count' },
    });
    expect(data.source).toBe('incidents-bad.csv');
    expect(data.recordKind).toBe('row');
    expect([...data.record]).toEqual([1, 8, 12, 13, 14, 15]);
    expect([...data.lat]).toEqual([41.88, 41.89, 41.9, 41.91, 41.92, 41.93]);
    expect([...data.lng]).toEqual([-87.63, -87.64, -87.65, -87.66, -87.67, -87.68]);
    expect([...data.time]).toEqual([
      Date.UTC(2018, 0, 1),
      Number.NaN,
      Date.UTC(2018, 0, 4),
      Date.UTC(2018, 0, 5),
      Date.UTC(2018, 0, 6),
      Date.UTC(2018, 6, 4, 13, 45),
    ]);
    expect(data.categories).toEqual([
      'THEFT',
      'THEFT, FROM "AUTO"\nSECOND LINE',
      'BATTERY',
      '(none)',
    ]);
    expect([...data.category]).toEqual([0, 0, 1, 2, 3, 0]);
    expect([...data.weight]).toEqual([1, 1, 2, 1, 1, 0.5]);
    expect(warnings.map((w) => [w.record, w.reason])).toEqual([[14, 'missing-attribute']]);
  });

  it('ignores an unnamed weight column: every weight is 1', async () => {
    const result = await readIncidentsCsv(fixture('incidents-bad.csv'), {
      source: 'incidents-bad.csv',
    });
    expect(result.rejections.some((r) => r.reason === 'invalid-weight')).toBe(false);
    expect(result.data.length).toBe(8);
    expect(new Set(result.data.weight)).toEqual(new Set([1]));
    expectConserved(result);
  });

  it('reads a US portal export with a BOM, CRLF line ends and AM/PM dates', async () => {
    const result = await readIncidentsCsv(fixture('incidents-us-portal.csv'), {
      source: 'portal.csv',
    });
    expect(result.read).toBe(3);
    expect(result.rejections).toEqual([
      {
        source: 'portal.csv',
        recordKind: 'row',
        record: 3,
        reason: 'missing-coordinates',
        message: 'longitude and latitude are missing',
      },
    ]);
    expect([...result.data.lat]).toEqual([41.857, 41.849]);
    expect([...result.data.lng]).toEqual([-87.733, -87.693]);
    expect([...result.data.time]).toEqual([Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 1, 13, 30)]);
    expect(result.data.categories).toEqual(['THEFT', 'ASSAULT']);
    expectConserved(result);
  });

  it('reads a Node Readable of Buffers with a row and a UTF-8 character split across chunks', async () => {
    const text =
      'date,category,lat,lng\n2018-01-01 00:00:00,DAÑO,41.8,-87.6\n2018-01-02 00:00:00,"ROBO, ARMADO",41.9,-87.7\n';
    const bytes = Buffer.from(text, 'utf8');
    const splitInsideN = bytes.indexOf(Buffer.from('Ñ', 'utf8')) + 1;
    const splitInsideRow = bytes.indexOf(Buffer.from('41.9')) + 2;
    const chunks = [
      bytes.subarray(0, splitInsideN),
      bytes.subarray(splitInsideN, splitInsideRow),
      bytes.subarray(splitInsideRow),
    ];
    const result = await readIncidentsCsv(Readable.from(chunks), { source: 'stream.csv' });
    expect(result.data.categories).toEqual(['DAÑO', 'ROBO, ARMADO']);
    expect([...result.data.lat]).toEqual([41.8, 41.9]);
    expect([...result.data.lng]).toEqual([-87.6, -87.7]);
    expect([...result.data.time]).toEqual([Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 2)]);
    expect(result.read).toBe(2);
  });

  it('reads the same from a string, a stream of strings, a Blob and a ReadableStream', async () => {
    const text = fixture('incidents-bad.csv');
    const options = { source: 'incidents-bad.csv', columns: { weight: 'count' } };
    const fromString = tableToPlain(await readIncidentsCsv(text, options));
    const pieces = [text.slice(0, 50), text.slice(50, 333), text.slice(333)];
    const fromStream = tableToPlain(await readIncidentsCsv(Readable.from(pieces), options));
    const fromBlob = tableToPlain(await readIncidentsCsv(new Blob([text]), options));
    const fromWeb = tableToPlain(await readIncidentsCsv(new Blob([text]).stream(), options));
    expect(fromStream).toEqual(fromString);
    expect(fromBlob).toEqual(fromString);
    expect(fromWeb).toEqual(fromString);
  });

  it('gives the same table whatever the chunking, on 5,000 seeded rows with quoted newlines', async () => {
    const random = mulberry32(7);
    const lines = ['id,occurred_on,offense,y,x'];
    for (let i = 1; i <= 5000; i++) {
      const category =
        random() < 0.1 ? '"MULTI\nLINE, ""QUOTED"""' : `C${Math.floor(random() * 20)}`;
      const lat = random() < 0.02 ? '' : (41.6 + random() * 0.4).toFixed(6);
      const lng = (-87.9 + random() * 0.4).toFixed(6);
      const day = 1 + Math.floor(random() * 28);
      lines.push(`${i},2018-02-${String(day).padStart(2, '0')} 10:00,${category},${lat},${lng}`);
    }
    const text = `${lines.join('\r\n')}\r\n`;
    const options = { source: 'seeded.csv' };
    const whole = tableToPlain(await readIncidentsCsv(text, options));
    expect(whole.read).toBe(5000);
    const chunks: string[] = [];
    for (let start = 0; start < text.length; ) {
      const end = start + 1 + Math.floor(random() * 700);
      chunks.push(text.slice(start, end));
      start = end;
    }
    const streamed = tableToPlain(await readIncidentsCsv(Readable.from(chunks), options));
    expect(streamed).toEqual(whole);
    expect(whole.rejections.every((r) => r.reason === 'missing-coordinates')).toBe(true);
    expect(whole.record.length + whole.rejections.length).toBe(5000);
  });

  it('reports progress with the number of data rows read', async () => {
    const calls: number[] = [];
    const result = await readIncidentsCsv(fixture('incidents-bad.csv'), {
      source: 'incidents-bad.csv',
      onProgress: (rows) => calls.push(rows),
    });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toBe(result.read);
  });

  it('reads a header-only file as zero rows', async () => {
    const result = await readIncidentsCsv('latitude,longitude\n', { source: 'empty.csv' });
    expect(result.read).toBe(0);
    expect(result.data.length).toBe(0);
    expect(result.data.categories).toEqual(['all']);
  });

  it('rejects the promise with E_INPUT for an empty file', async () => {
    const error = await rejectionOf(readIncidentsCsv('', { source: 'empty.csv' }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain('empty.csv');
  });

  it('rejects the promise with E_INPUT when no coordinate columns exist, listing the header', async () => {
    const error = await rejectionOf(
      readIncidentsCsv(Readable.from(['a,b,c\n1,2,3\n']), { source: 'nocoords.csv' }),
    );
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain('nocoords.csv');
    expect(error.message).toContain('the file has: a, b, c');
  });

  it('rejects the promise with E_NOT_FOUND for a named column that does not exist', async () => {
    const error = await rejectionOf(
      readIncidentsCsv(fixture('incidents-bad.csv'), {
        source: 'incidents-bad.csv',
        columns: { category: 'Primary Type' },
      }),
    );
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.value).toBe('Primary Type');
  });

  it('rejects the promise with E_INPUT naming the row of a quoted field that is never closed', async () => {
    const text = 'lat,lng,cat\n41.8,-87.6,THEFT\n41.8,-87.6,"THEFT\n41.9,-87.7,BATTERY\n';
    for (const input of [text, Readable.from([text.slice(0, 20), text.slice(20)])]) {
      const error = await rejectionOf(readIncidentsCsv(input, { source: 'quote.csv' }));
      expect(error.code).toBe('E_INPUT');
      expect(error.value).toBe(2);
      expect(error.message).toContain('quote.csv: a quoted field in row 2 is never closed');
    }
  });

  it('rejects a field longer than 1 MB naming its row, after reading only the rows before it', async () => {
    const rows = ['lat,lng,cat', '41.8,-87.6,THEFT', `41.8,-87.6,${'x'.repeat(16 * 2 ** 20)}`];
    const text = `${rows.join('\n')}\n41.9,-87.7,BATTERY\n`;
    const error = await rejectionOf(readIncidentsCsv(text, { source: 'long.csv' }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toBe(
      'long.csv: a field in row 2 is longer than 1 MB (1,048,576 characters), the most a field may hold',
    );
  });

  it('refuses a stray quote near the top of a large file once its field passes 1 MB', async () => {
    const rows = '41.9,-87.7,BATTERY\n'.repeat(3000);
    let read = 0;
    async function* file() {
      yield 'lat,lng,cat\n41.8,-87.6,"THEFT\n';
      // 20 MB of rows would follow: the reader stops soon after the first megabyte.
      for (; read < 20 * 2 ** 20; read += rows.length) yield rows;
    }
    const error = await rejectionOf(readIncidentsCsv(file(), { source: 'stray.csv' }));
    expect(read).toBeLessThan(2 * 2 ** 20);
    expect(error.message).toBe(
      'stray.csv: a quoted field in row 1 runs on past 1 MB (1,048,576 characters), the most a field may hold: a stray " character?',
    );
  });

  it('rejects hexadecimal coordinates and weights, which Number() would read (0x10 is 16)', async () => {
    const text = 'lat,lng,w\n41.8,-87.6,1\n0x29,-87.6,1\n41.8,-87.6,0x2\n';
    const { data, rejections } = await readIncidentsCsv(text, {
      source: 'hex.csv',
      columns: { weight: 'w' },
    });
    expect(data.length).toBe(1);
    expect(rejections.map((r) => [r.record, r.reason, r.message])).toEqual([
      [2, 'invalid-coordinates', 'latitude "0x29" is not a number'],
      [3, 'invalid-weight', 'weight "0x2" is not a finite number'],
    ]);
  });

  it('rejects UTF-16 bytes with a message naming the file, not NUL bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('lat,lng\n41.8,-87.6\n', 'utf16le'),
    ]);
    const error = await rejectionOf(readIncidentsCsv(new Blob([bytes]), { source: 'u16.csv' }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toBe('u16.csv: UTF-16 text; save the file as UTF-8');
  });

  it('reads semicolon-delimited exports', async () => {
    const result = await readIncidentsCsv('lat;lng;type\n41.8;-87.6;THEFT\n', { source: 'eu.csv' });
    expect(result.data.categories).toEqual(['THEFT']);
    expect([...result.data.lat]).toEqual([41.8]);
  });

  it('rejects the promise with the stream error when reading fails', async () => {
    async function* failing() {
      yield 'latitude,longitude\n41.8,-87.6\n';
      throw new Error('disk gone');
    }
    await expect(readIncidentsCsv(failing(), { source: 'broken.csv' })).rejects.toThrow(
      'disk gone',
    );
  });
});
