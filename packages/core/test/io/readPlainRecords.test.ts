import { describe, expect, it } from 'vitest';
import {
  createIncidentTableBuilder,
  type IncidentTableBuilder,
} from '../../src/io/incidentTableBuilder.js';
import { isBlankRow } from '../../src/io/readCsvChunks.js';
import { readIncidentsCsv } from '../../src/io/readIncidentsCsv.js';
import { readPlainRecords } from '../../src/io/readPlainRecords.js';
import type { IncidentTable, ReadResult } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';

const COLUMNS = { date: 1, category: 2, lat: 3, lng: 4, weight: 5 };

/** readIncidentsCsv's reader of one split row, as it is given to readPlainRecords. */
function rowReader(builder: IncidentTableBuilder) {
  return (row: readonly string[], record: number): boolean => {
    const lngText = row[COLUMNS.lng];
    if ((lngText === undefined || lngText.trim() === '') && isBlankRow(row)) return false;
    builder.addValues(
      record,
      row[COLUMNS.lng],
      row[COLUMNS.lat],
      row[COLUMNS.date],
      row[COLUMNS.category],
      row[COLUMNS.weight],
    );
    return true;
  };
}

const newBuilder = () =>
  createIncidentTableBuilder('x.csv', 'row', { hasCategory: true, hasWeight: true });

/** The table as plain arrays (NaN-safe), for comparing two reads. */
function plain(result: ReadResult<IncidentTable>) {
  const { data } = result;
  return {
    read: result.read,
    lng: [...data.lng].map(String),
    lat: [...data.lat].map(String),
    time: [...data.time].map(String),
    categories: data.categories,
    category: [...data.category],
    weight: [...data.weight],
    record: [...data.record],
    rejections: result.rejections,
    warnings: result.warnings,
  };
}

/** Both ways: in place, and papaparse's plain split of every non-empty line. */
function readBothWays(text: string) {
  const inPlace = newBuilder();
  const rows = readPlainRecords(text, ',', COLUMNS, inPlace, 0, rowReader(inPlace));
  const split = newBuilder();
  const read = rowReader(split);
  let record = 0;
  for (const line of text.split('\n'))
    if (line !== '' && read(line.split(','), record + 1)) record++;
  return { rows, record, inPlace: plain(inPlace.finish()), split: plain(split.finish()) };
}

describe('readPlainRecords', () => {
  it('gives every record what the split row gives it, unusual ones included', () => {
    const lines = [
      '1,2018-01-01 10:00:00,THEFT,41.881234,-87.623456,1',
      '2,2018-01-02,  BATTERY ,41.8,-87.6,2.5',
      '3,,THEFT,41.88,-87.63,1', // no date
      '4,2018-01-01,,41.88,-87.63,1', // no category
      '5,2018-01-01,THEFT,,-87.63,1', // missing latitude
      '6,2018-01-01,THEFT,41.88,,1', // missing longitude
      ',,,,,', // blank: no record
      '   ', // blank: no record
      '7,2018-01-01,THEFT,0,0,1', // null island
      '8,2018-01-01,THEFT,-87.63,41.88,1', // swapped
      '9,2018-01-01,THEFT,91,181,1', // out of range
      '10,2018-01-01,THEFT,0x10,-87.6,1', // hexadecimal
      '11,2018-01-01,THEFT,1e1,-8.76e1,1', // exponents
      '12,2018-01-01,THEFT,+41.5,-87.,1', // sign, bare dot
      '13,2018-01-01,THEFT,.5,-.5,1', // no integer digits
      '14,2018-01-01,THEFT, 41.5,-87.5 ,1', // spaces
      '15,2018-01-01,THEFT,41.123456789012345678,-87.12345678901234567,1', // 20 digits
      '16,2018-01-01,THEFT,-0,-0.0,1', // negative zero
      '17,2018-01-01,THEFT,41.88,-87.63', // no weight field
      '18,2018-01-01,THEFT,41.88', // short row
      '19,2018-01-01,THEFT,41.88,-87.63,-1', // negative weight
      '20,2018-13-01,THEFT,41.88,-87.63,1', // invalid date
      '21,2018-01-01,THEFT,41.88,-87.63,1,extra,fields',
      '22,2018-01-01,THEFT,1.2.3,-87.63,1', // two dots
      '23,2018-01-01,THEFT,--41,-87.63,1',
      '24,2018-01-01,THEFT,0041.5,-087.25,1', // leading zeros
    ];
    const result = readBothWays(`${lines.join('\n')}\n\n`);
    expect(result.inPlace).toEqual(result.split);
    expect(result.rows).toBe(result.record);
    expect(result.inPlace.read).toBe(lines.length - 2);
    // The last record may be unended.
    const unended = readBothWays(lines.slice(0, 3).join('\n'));
    expect(unended.inPlace).toEqual(unended.split);
  });

  it('parses 100,000 random decimals exactly as Number does (up to 19 digits)', () => {
    const random = mulberry32(5);
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const digits = 1 + Math.floor(random() * 19);
      const integer = 1 + Math.floor(random() * 2);
      let text = '';
      for (let d = 0; d < digits; d++) text += Math.floor(random() * 10);
      const lat = `${text.slice(0, Math.min(integer, digits))}.${text.slice(integer) || '0'}`;
      const lng = `-${Math.floor(random() * 179)}.${text}`;
      lines.push(`${i},2018-01-01,THEFT,${lat},${lng},1`);
    }
    const result = readBothWays(lines.join('\n'));
    expect(result.inPlace).toEqual(result.split);
  });
});

describe('readIncidentsCsv reads plain chunks in place', () => {
  it('gives the same table as papaparse does on the same rows quoted (several chunks)', async () => {
    const random = mulberry32(11);
    const categories = ['THEFT', 'BATTERY', ' ASSAULT', ''];
    const lines = ['id,date,category,latitude,longitude,weight'];
    for (let i = 0; i < 20_000; i++) {
      const lat = (41.6 + random() * 0.4).toFixed(1 + (i % 8));
      const lng = (-87.9 + random() * 0.4).toFixed(6);
      const row = [i, `2018-02-${1 + (i % 28)} 10:00`, categories[i % 4], lat, lng, i % 3];
      if (i % 997 === 0) row[3] = 'abc';
      if (i % 1009 === 0) row[4] = '';
      lines.push(i % 1013 === 0 ? ',,,,,' : row.join(','));
    }
    const text = `${lines.join('\n')}\n`;
    // A quote in every record sends every chunk to papaparse; the values are the same.
    const quoted = text.replace(/,([A-Z ]*),(?=[-\d.a])/g, ',"$1",');
    expect(quoted).toContain('"THEFT"');
    const fast = await readIncidentsCsv(text, { source: 'x.csv' });
    const papa = await readIncidentsCsv(quoted, { source: 'x.csv' });
    expect(plain(fast)).toEqual(plain(papa));
    expect(fast.rejections.length).toBeGreaterThan(20);
  });
});
