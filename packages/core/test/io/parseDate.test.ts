import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/io/parseDate.js';
import { mulberry32 } from '../../src/util/random.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseDate', () => {
  it('reads ISO 8601 dates and date-times as UTC wall-clock time', () => {
    const cases: [string, number][] = [
      ['2018-01-01', Date.UTC(2018, 0, 1)],
      ['2018-01-01T13:45:00', Date.UTC(2018, 0, 1, 13, 45)],
      ['2018-01-01t13:45:00', Date.UTC(2018, 0, 1, 13, 45)],
      ['2018-01-01 13:45:00', Date.UTC(2018, 0, 1, 13, 45)],
      ['2018-01-01 13:45', Date.UTC(2018, 0, 1, 13, 45)],
      ['2018-08-08 23:59:59', Date.UTC(2018, 7, 8, 23, 59, 59)],
      ['2018-01-01T13:45:07.5', Date.UTC(2018, 0, 1, 13, 45, 7, 500)],
      ['2018-01-01T13:45:07.123', Date.UTC(2018, 0, 1, 13, 45, 7, 123)],
      ['2018-01-01T13:45:07,25', Date.UTC(2018, 0, 1, 13, 45, 7, 250)],
      ['2018-01-01T13:45:07.123456789', Date.UTC(2018, 0, 1, 13, 45, 7, 123)],
      ['2018-01-01T13:45:00Z', Date.UTC(2018, 0, 1, 13, 45)],
      ['2018-01-01T13:45:00.250z', Date.UTC(2018, 0, 1, 13, 45, 0, 250)],
      ['  2018-01-01 13:45:00\t', Date.UTC(2018, 0, 1, 13, 45)],
    ];
    for (const [text, expected] of cases) expect(parseDate(text), text).toBe(expected);
  });

  it('honours a UTC offset: a local time at +hh:mm is that much earlier in UTC', () => {
    const cases: [string, number][] = [
      ['2018-01-01T13:45:00+02:00', Date.UTC(2018, 0, 1, 11, 45)],
      ['2018-01-01T13:45:00-05:00', Date.UTC(2018, 0, 1, 18, 45)],
      ['2018-01-01T13:45:00-0530', Date.UTC(2018, 0, 1, 19, 15)],
      ['2018-01-01T13:45:00+01', Date.UTC(2018, 0, 1, 12, 45)],
      ['2018-01-01 00:30:00+01:00', Date.UTC(2017, 11, 31, 23, 30)],
      ['2018-01-01T13:45:00.5-06:00', Date.UTC(2018, 0, 1, 19, 45, 0, 500)],
    ];
    for (const [text, expected] of cases) expect(parseDate(text), text).toBe(expected);
  });

  it('reads US portal dates with AM/PM, 12 AM being midnight and 12 PM noon', () => {
    const cases: [string, number][] = [
      ['01/02/2018 01:45:00 PM', Date.UTC(2018, 0, 2, 13, 45)],
      ['01/02/2018 01:45:00 AM', Date.UTC(2018, 0, 2, 1, 45)],
      ['01/02/2018 12:00:00 AM', Date.UTC(2018, 0, 2, 0, 0)],
      ['01/02/2018 12:30:15 PM', Date.UTC(2018, 0, 2, 12, 30, 15)],
      ['12/31/2018 11:59:59 PM', Date.UTC(2018, 11, 31, 23, 59, 59)],
      ['01/02/2018 01:45 PM', Date.UTC(2018, 0, 2, 13, 45)],
      ['1/2/2018 1:05 pm', Date.UTC(2018, 0, 2, 13, 5)],
      ['1/2/2018 1:05am', Date.UTC(2018, 0, 2, 1, 5)],
    ];
    for (const [text, expected] of cases) expect(parseDate(text), text).toBe(expected);
  });

  it('reads US dates with a 24-hour time and date-only US dates', () => {
    expect(parseDate('07/04/2018 13:45')).toBe(Date.UTC(2018, 6, 4, 13, 45));
    expect(parseDate('07/04/2018 13:45:30')).toBe(Date.UTC(2018, 6, 4, 13, 45, 30));
    expect(parseDate('07/04/2018 00:00')).toBe(Date.UTC(2018, 6, 4));
    expect(parseDate('07/04/2018')).toBe(Date.UTC(2018, 6, 4));
    expect(parseDate('7/4/2018')).toBe(Date.UTC(2018, 6, 4));
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseDate('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseDate('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
    expect(parseDate('02/29/2016')).toBe(Date.UTC(2016, 1, 29));
    expect(parseDate('1900-02-29')).toBeNaN();
    expect(parseDate('2018-02-29')).toBeNaN();
    expect(parseDate('02/29/2019')).toBeNaN();
  });

  it('rejects impossible dates and times', () => {
    const impossible = [
      '2018-02-30',
      '2018-04-31',
      '2018-13-01',
      '2018-00-10',
      '2018-01-00',
      '13/01/2018',
      '00/10/2018',
      '02/30/2018',
      '2018-01-01 25:00',
      '2018-01-01 24:00:00',
      '2018-01-01 12:60',
      '2018-01-01 12:30:60',
      '01/02/2018 13:00:00 PM',
      '01/02/2018 00:30:00 AM',
      '2018-01-01T13:45:00+24:00',
      '2018-01-01T13:45:00+02:60',
    ];
    for (const text of impossible) expect(parseDate(text), text).toBeNaN();
  });

  it('gives NaN for empty, blank and malformed text', () => {
    const malformed = [
      '',
      '   ',
      'yesterday',
      '2018',
      '2018-1-1',
      '18-01-01',
      '2018/01/01',
      '20180101',
      '2018-01-01T',
      '2018-01-01 1:45',
      '2018-01-01T13',
      '2018-01-01T13:4',
      '2018-01-01T13:45:00.',
      '2018-01-01T13:45:00X',
      '2018-01-01T13:45:00Zulu',
      '2018-01-01T13:45:00+2',
      '2018-01-01 13:45:00 PM',
      '01/02/18',
      '01-02-2018',
      '01/02/2018 1:45 XM',
      '01/02/2018 1:45 PM extra',
      '01/02/2018T13:45',
      '1514764800000',
    ];
    for (const text of malformed) expect(parseDate(text), text).toBeNaN();
  });

  it('agrees with Date.UTC on 2,000 seeded random date-times in every format', () => {
    const random = mulberry32(20180101);
    for (let k = 0; k < 2000; k++) {
      const year = 1950 + Math.floor(random() * 100);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * new Date(Date.UTC(year, month, 0)).getUTCDate());
      const hour = Math.floor(random() * 24);
      const minute = Math.floor(random() * 60);
      const second = Math.floor(random() * 60);
      const expected = Date.UTC(year, month - 1, day, hour, minute, second);
      const iso = `${year}-${pad(month)}-${pad(day)}`;
      const time = `${pad(hour)}:${pad(minute)}:${pad(second)}`;
      const hour12 = hour % 12 === 0 ? 12 : hour % 12;
      const us = `${pad(month)}/${pad(day)}/${year} ${pad(hour12)}:${pad(minute)}:${pad(second)} ${hour < 12 ? 'AM' : 'PM'}`;
      expect(parseDate(`${iso} ${time}`)).toBe(expected);
      expect(parseDate(`${iso}T${time}Z`)).toBe(expected);
      expect(parseDate(us)).toBe(expected);
      expect(parseDate(`${pad(month)}/${pad(day)}/${year} ${time}`)).toBe(expected);
      expect(parseDate(iso)).toBe(Date.UTC(year, month - 1, day));
    }
  });
});
