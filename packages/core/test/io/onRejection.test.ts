import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import { pointsToCells } from '../../src/hex/pointsToCells.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../../src/io/readIncidentsCsv.js';
import { readIncidentsGeoJson } from '../../src/io/readIncidentsGeoJson.js';
import { readOrganizationsGeoJson } from '../../src/io/readOrganizations.js';
import { readSurveysCsv } from '../../src/io/readSurveysCsv.js';
import type { ReadResult, Rejection } from '../../src/types.js';

const fixtureText = (name: string) =>
  readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));

/** Reads once without and once with a sink: the sink must get what the list held, in order. */
async function bothWays<T>(
  read: (onRejection?: (r: Rejection) => void) => ReadResult<T> | Promise<ReadResult<T>>,
) {
  const listed = await read();
  const sunk: Rejection[] = [];
  const streamed = await read((r) => sunk.push(r));
  return { listed, streamed, sunk };
}

/** A CSV of `count` rows, each broken in one of four ways in turn. */
function brokenRows(count: number): string {
  const lines = ['id,date,category,latitude,longitude'];
  for (let i = 1; i <= count; i++) {
    if (i % 4 === 0)
      lines.push(`${i},2023-01-01,THEFT,,`); // missing-coordinates
    else if (i % 4 === 1)
      lines.push(`${i},not a date,THEFT,42.37,-101.37`); // invalid-date
    else if (i % 4 === 2)
      lines.push(`${i},2023-01-01,THEFT,142.37,-101.37`); // out of range
    else lines.push(`${i},2023-01-01,THEFT,N/A,-101.37`); // invalid-coordinates
  }
  return `${lines.join('\n')}\n`;
}

describe('readers with an onRejection sink', () => {
  it('readIncidentsCsv: 200,000 broken rows all reach the sink; the result lists none', async () => {
    const csv = brokenRows(200_000);
    const byReason: Record<string, number> = {};
    let rows = 0;
    let outOfOrder = 0;
    const result = await readIncidentsCsv(csv, {
      source: 'broken.csv',
      onRejection: (r) => {
        rows++;
        byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
        if (r.record !== rows) outOfOrder++;
      },
    });
    expect(rows).toBe(200_000);
    expect(outOfOrder).toBe(0);
    expect(result.rejections.length).toBe(0);
    expect(result.rejectedCount).toBe(200_000);
    expect(result.read).toBe(200_000);
    expect(result.data.length).toBe(0);
    expect(byReason).toEqual({
      'invalid-date': 50_000,
      'out-of-range-coordinates': 50_000,
      'invalid-coordinates': 50_000,
      'missing-coordinates': 50_000,
    });
  });

  it('readIncidentsCsv without a sink lists every rejection, as before', async () => {
    const result = await readIncidentsCsv(brokenRows(8), { source: 'broken.csv' });
    expect(result.rejections.map((r) => r.record)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.rejectedCount).toBe(8);
  });

  it('every reader gives the sink exactly the rejections it would list, and counts them', async () => {
    const results = [
      await bothWays((onRejection) =>
        readIncidentsCsv(fixtureText('incidents-bad.csv'), { source: 'a.csv', onRejection }),
      ),
      await bothWays((onRejection) =>
        readIncidentsGeoJson(fixture('incidents-bad.geojson'), { source: 'a', onRejection }),
      ),
      await bothWays((onRejection) =>
        readAreasGeoJson(fixture('areas-bad.geojson'), {
          source: 'areas',
          attributes: [{ name: 'pop', required: true }, { name: 'rate' }],
          onRejection,
        }),
      ),
      await bothWays((onRejection) =>
        readOrganizationsGeoJson(fixture('organizations.geojson'), { source: 'o', onRejection }),
      ),
      await bothWays((onRejection) =>
        readSurveysCsv('lat,lon,q\n42,-101,3\n,-101,3\n42,-101,\n', {
          source: 's.csv',
          answers: ['q'],
          onRejection,
        }),
      ),
    ];
    for (const { listed, streamed, sunk } of results) {
      expect(listed.rejections.length).toBeGreaterThan(0);
      expect(sunk).toEqual(listed.rejections);
      expect(streamed.rejections).toEqual([]);
      expect(streamed.rejectedCount).toBe(listed.rejections.length);
      expect(listed.rejectedCount).toBe(listed.rejections.length);
      expect(streamed.read).toBe(listed.read);
      expect(streamed.warnings).toEqual(listed.warnings);
    }
  });
});

describe('pointsToCells with onRejection and onOutside sinks', () => {
  const grid = gridFromCells(gridDisk(lngLatToCell(-87.65, 41.85, 8), 1));
  const lng = [-87.65, -200, 41.85, 10, -87.65];
  const lat = [41.85, 41.85, -87.65, 10, 41.85];
  const incidents = {
    source: 'incidents.csv',
    recordKind: 'row' as const,
    length: lng.length,
    lng: Float64Array.from(lng),
    lat: Float64Array.from(lat),
    time: Float64Array.from([1, 1, 1, 1, Number.NaN]),
    category: new Uint16Array(lng.length),
    categories: ['all'],
    weight: new Float64Array(lng.length).fill(1),
    record: Uint32Array.from(lng, (_, i) => i + 1),
  };

  it('passes what it would list to the sinks, keeps none, and still counts them', () => {
    const options = { from: 0, to: 10 };
    const listed = pointsToCells(incidents, grid, options);
    const rejected: Rejection[] = [];
    const outside: Rejection[] = [];
    const streamed = pointsToCells(incidents, grid, {
      ...options,
      onRejection: (r) => rejected.push(r),
      onOutside: (r) => outside.push(r),
    });
    expect(listed.rejections.map((r) => r.reason)).toEqual([
      'out-of-range-coordinates',
      'swapped-coordinates',
    ]);
    expect(listed.outside.map((r) => r.reason)).toEqual([
      'outside-study-area',
      'outside-date-window',
    ]);
    expect(rejected).toEqual(listed.rejections);
    expect(outside).toEqual(listed.outside);
    expect([streamed.rejections, streamed.outside]).toEqual([[], []]);
    expect([streamed.accepted, streamed.rejectedCount, streamed.outsideCount]).toEqual([1, 2, 2]);
    expect([listed.rejectedCount, listed.outsideCount]).toEqual([2, 2]);
    expect([...streamed.count]).toEqual([...listed.count]);
  });
});
