import { describe, expect, it } from 'vitest';
import { rejectionsToCsv } from '../../src/export/rejectionsToCsv.js';
import type { Rejection } from '../../src/types.js';

describe('rejectionsToCsv', () => {
  it('writes one line per rejection under the header source,record_kind,record,reason,message', () => {
    const rejections: Rejection[] = [
      {
        source: 'incidents.csv',
        recordKind: 'row',
        record: 12,
        reason: 'invalid-date',
        message: 'date "31/02/2024" is not a date',
      },
      {
        source: 'tracts.geojson',
        recordKind: 'feature',
        record: 0,
        reason: 'wrong-geometry',
        message: 'expected Polygon or MultiPolygon, got Point',
      },
    ];
    expect(rejectionsToCsv(rejections)).toBe(
      'source,record_kind,record,reason,message\n' +
        'incidents.csv,row,12,invalid-date,"date ""31/02/2024"" is not a date"\n' +
        'tracts.geojson,feature,0,wrong-geometry,"expected Polygon or MultiPolygon, got Point"\n',
    );
  });

  it('writes only the header when nothing was rejected', () => {
    expect(rejectionsToCsv([])).toBe('source,record_kind,record,reason,message\n');
  });

  it('guards values from user files against formula injection', () => {
    const csv = rejectionsToCsv([
      {
        source: '=cmd.csv',
        recordKind: 'row',
        record: 1,
        reason: 'missing-attribute',
        message: '@category is empty',
      },
    ]);
    expect(csv.split('\n')[1]).toBe("'=cmd.csv,row,1,missing-attribute,'@category is empty");
  });
});
