import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readIncidentsCsv } from '../../src/io/readIncidentsCsv.js';
import { readIncidentsParquet } from '../../src/io/readIncidentsParquet.js';
import { byteSource, geoMetadata, parquetBytes, wkbPoint, wkbPolygon } from './parquetFixtures.js';

const source = 'incidents.parquet';

async function rejects(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  return expect.unreachable('expected a rejection');
}

describe('readIncidentsParquet', () => {
  it('reads longitude/latitude columns row group by row group, numbering rows as CSV does', async () => {
    const file = parquetBytes(
      [
        {
          name: 'date',
          data: ['2024-01-02', '2024-01-03', '2024-01-04', 'not a date', '2024-01-06'],
          type: 'STRING',
        },
        {
          name: 'primary_type',
          data: ['THEFT', 'THEFT', 'BATTERY', 'THEFT', 'ROBBERY'],
          type: 'STRING',
        },
        { name: 'latitude', data: [41.88, null, -101.3, 41.8, 41.9], type: 'DOUBLE' },
        { name: 'longitude', data: [-87.63, null, 42.3, -87.6, -87.7], type: 'DOUBLE' },
      ],
      { rowGroupSize: 2 },
    );
    const progress: number[] = [];
    const { data, read, rejections } = await readIncidentsParquet(file, {
      source,
      onProgress: (rows) => progress.push(rows),
    });
    expect(progress).toEqual([2, 4, 5]); // three row groups
    expect(read).toBe(5);
    expect(Array.from(data.record)).toEqual([1, 5]);
    expect(data.categories).toEqual(['THEFT', 'ROBBERY']);
    expect(rejections.map((r) => [r.source, r.recordKind, r.record, r.reason])).toEqual([
      [source, 'row', 2, 'missing-coordinates'],
      [source, 'row', 3, 'swapped-coordinates'],
      [source, 'row', 4, 'invalid-date'],
    ]);
  });

  it('gives the table readIncidentsCsv gives for the same rows', async () => {
    const rows = [
      ['01/01/2023 12:21:55 AM', 'THEFT', 42.369676, -101.377093],
      ['12/31/2024 11:59:59 PM', 'ASSAULT', 42.384318, -101.321005],
    ] as const;
    const csv = `date,category,latitude,longitude\n${rows.map((r) => r.join(',')).join('\n')}\n`;
    const fromCsv = await readIncidentsCsv(csv, { source });
    const fromParquet = await readIncidentsParquet(
      parquetBytes([
        { name: 'date', data: rows.map((r) => r[0]), type: 'STRING' },
        { name: 'category', data: rows.map((r) => r[1]), type: 'STRING' },
        { name: 'latitude', data: rows.map((r) => r[2]), type: 'DOUBLE' },
        { name: 'longitude', data: rows.map((r) => r[3]), type: 'DOUBLE' },
      ]),
      { source },
    );
    expect(fromParquet).toEqual(fromCsv);
  });

  it('reads GeoParquet WKB points, rejecting a null geometry and a polygon by their row', async () => {
    const file = parquetBytes(
      [
        {
          name: 'geometry',
          data: [
            wkbPoint(-87.63, 41.88),
            null,
            wkbPolygon([
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ]),
            wkbPoint(-87.6, 41.8),
          ],
          type: 'BYTE_ARRAY',
        },
        {
          name: 'occurred',
          data: [new Date(Date.UTC(2024, 0, 2, 10)), null, null, null],
          type: 'TIMESTAMP',
        },
      ],
      { geo: geoMetadata() },
    );
    const { data, rejections } = await readIncidentsParquet(file, { source });
    expect(Array.from(data.lng)).toEqual([-87.63, -87.6]);
    expect(Array.from(data.lat)).toEqual([41.88, 41.8]);
    // A timestamp is its milliseconds; a null date is no date, as an empty CSV field.
    expect(Array.from(data.time)).toEqual([Date.UTC(2024, 0, 2, 10), Number.NaN]);
    expect(rejections.map((r) => [r.record, r.reason])).toEqual([
      [2, 'missing-coordinates'],
      [3, 'wrong-geometry'],
    ]);
  });

  it('refuses GeoParquet in a projected coordinate system, naming it (E_INPUT)', async () => {
    const file = parquetBytes(
      [{ name: 'geometry', data: [wkbPoint(1_200_000, 900_000)], type: 'BYTE_ARRAY' }],
      {
        geo: geoMetadata('geometry', { id: { authority: 'EPSG', code: 2236 } }),
      },
    );
    const error = await rejects(readIncidentsParquet(file, { source }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toMatch(
      /^incidents\.parquet: geometry column "geometry" is in EPSG:2236/,
    );
  });

  it('reads gzip pages, and names the row group of a codec it does not read (E_INPUT)', async () => {
    const columns = [
      { name: 'lat', data: [41.8, 41.9], type: 'DOUBLE' as const },
      { name: 'lon', data: [-87.6, -87.7], type: 'DOUBLE' as const },
    ];
    const gzip = parquetBytes(columns, { codec: 'GZIP', compress: (input) => gzipSync(input) });
    expect(Array.from((await readIncidentsParquet(gzip, { source })).data.lat)).toEqual([
      41.8, 41.9,
    ]);
    // Brotli is not among the codecs read: its pages are written here uncompressed, as bait.
    const brotli = parquetBytes(columns, { codec: 'BROTLI', compress: (input) => input });
    const error = await rejects(readIncidentsParquet(brotli, { source }));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toMatch(/^incidents\.parquet: row group 0: cannot be decoded \(.*BROTLI/);
  });

  it('refuses a file that is not Parquet, and a named column that is not there', async () => {
    const notParquet = await rejects(
      readIncidentsParquet(byteSource(new TextEncoder().encode('id,lat,lng\n1,2,3\n')), { source }),
    );
    expect(notParquet.code).toBe('E_INPUT');
    expect(notParquet.message).toMatch(/^incidents\.parquet: not a Parquet file that can be read/);
    const file = parquetBytes([
      { name: 'lat', data: [41.8], type: 'DOUBLE' },
      { name: 'lon', data: [-87.6], type: 'DOUBLE' },
    ]);
    const missing = await rejects(
      readIncidentsParquet(file, { source, columns: { date: 'when' } }),
    );
    expect(missing.code).toBe('E_NOT_FOUND');
  });
});
