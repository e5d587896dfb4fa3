import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRejectedCsv } from '../../src/cli/openRejectedCsv.js';
import { rejectionsToCsv } from '../../src/export/rejectionsToCsv.js';
import { combineTallies, createRejectionTally } from '../../src/run/rejectionTally.js';
import type { Rejection } from '../../src/types.js';

/** `n` rejections of rows 1…n, alternating between two reasons, with text to quote. */
function rejections(n: number, source = 'incidents.csv'): Rejection[] {
  return Array.from({ length: n }, (_, i) => ({
    source,
    recordKind: 'row',
    record: i + 1,
    reason: i % 2 === 0 ? 'invalid-date' : 'missing-coordinates',
    message: i % 2 === 0 ? `date "${i}, or so" is not a date` : '=latitude is missing',
  }));
}

describe('openRejectedCsv', () => {
  it('writes what rejectionsToCsv writes, over several batches, and its size and SHA-256', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hx-')), 'rejected.csv');
    const all = rejections(10_000);
    const file = openRejectedCsv(path);
    for (const r of all) file.write(r);
    const entry = file.close();
    const bytes = readFileSync(path);
    expect(bytes.toString('utf8')).toBe(rejectionsToCsv(all));
    expect(entry).toEqual({
      name: 'rejected.csv',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('writes the header alone when nothing was rejected', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hx-')), 'rejected.csv');
    openRejectedCsv(path).close();
    expect(readFileSync(path, 'utf8')).toBe('source,record_kind,record,reason,message\n');
  });
});

describe('rejectionsToCsv with header: false', () => {
  it('gives the lines to append after the header', () => {
    const some = rejections(3);
    expect(rejectionsToCsv([]) + rejectionsToCsv(some, { header: false })).toBe(
      rejectionsToCsv(some),
    );
  });
});

describe('createRejectionTally', () => {
  it('counts every record by reason and keeps the first 20 only', () => {
    const tally = createRejectionTally();
    const all = rejections(1001);
    for (const r of all) tally.add(r);
    expect(tally.total).toBe(1001);
    expect(tally.byReason).toEqual({ 'invalid-date': 501, 'missing-coordinates': 500 });
    expect(tally.first).toEqual(all.slice(0, 20));
  });

  it('combineTallies adds up totals and reasons and keeps the first records in order', () => {
    const areas = createRejectionTally();
    const incidents = createRejectionTally();
    for (const r of rejections(5, 'areas.geojson')) areas.add(r);
    for (const r of rejections(30)) incidents.add(r);
    const both = combineTallies([areas, undefined, incidents]);
    expect(both.total).toBe(35);
    expect(both.byReason).toEqual({ 'invalid-date': 18, 'missing-coordinates': 17 });
    expect(both.first.map((r) => `${r.source} ${r.record}`)).toEqual([
      ...[1, 2, 3, 4, 5].map((k) => `areas.geojson ${k}`),
      ...Array.from({ length: 15 }, (_, k) => `incidents.csv ${k + 1}`),
    ]);
  });
});
