import { describe, expect, it } from 'vitest';
import { readEngagementCsv } from '../../src/io/readEngagementCsv.js';

describe('readEngagementCsv', () => {
  it('reads activities placed by coordinates or by zone id, with kind, attendance and partner', async () => {
    const csv = [
      'Date,Latitude,Longitude,Zone,Type,Attendees,Organization',
      '2024-03-02,41.85,-87.65,,community meeting,25,Library',
      '2024-03-09,,,Z02,patrol walk,,',
    ].join('\n');
    const { data, rejectedCount } = await readEngagementCsv(csv, { source: 'log.csv' });
    expect(rejectedCount).toBe(0);
    expect(data.length).toBe(2);
    expect(Array.from(data.lat)).toEqual([41.85, Number.NaN]);
    expect(data.zone).toEqual(['', 'Z02']);
    expect(data.kind).toEqual(['community meeting', 'patrol walk']);
    expect(Array.from(data.attendance)).toEqual([25, Number.NaN]);
    expect(data.partner).toEqual(['Library', '']);
    expect(Array.from(data.record)).toEqual([1, 2]);
  });

  it('rejects a row without a date, without a place, or with an attendance that is not a count', async () => {
    const csv = [
      'date,lat,lng,zone,attendance',
      ',41.85,-87.65,,3',
      '2024-01-05,,,,3',
      '2024-01-06,,,Z01,-4',
      '2024-01-07,,,Z01,2.5',
      '2024-01-08,,,Z01,12',
    ].join('\n');
    const { data, rejections } = await readEngagementCsv(csv, { source: 'log.csv' });
    expect(data.length).toBe(1);
    expect(rejections.map((r) => [r.record, r.reason])).toEqual([
      [1, 'invalid-date'],
      [2, 'missing-coordinates'],
      [3, 'invalid-attribute'],
      [4, 'invalid-attribute'],
    ]);
    expect(rejections[1].message).toContain('no zone id');
  });

  it('refuses a log with no date column, or with neither coordinates nor zones, naming the file', async () => {
    await expect(readEngagementCsv('zone,kind\nZ01,walk\n', { source: 'log.csv' })).rejects.toThrow(
      /log\.csv: no date column/,
    );
    await expect(
      readEngagementCsv('date,kind\n2024-01-01,walk\n', { source: 'log.csv' }),
    ).rejects.toThrow(/log\.csv: an activity needs a place/);
  });
});
