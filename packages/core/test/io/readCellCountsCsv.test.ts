import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { cellToLngLat } from '../../src/hex/h3.js';
import { createCellCountBuilder } from '../../src/io/createCellCountBuilder.js';
import { readCellCountsCsv } from '../../src/io/readCellCountsCsv.js';
import { thrownBy } from '../helpers/errors.js';

const CELL = '892613140abffff'; // resolution 9

describe('readCellCountsCsv', () => {
  it('turns each row into count incidents at the cell centre, dated the start of its period', async () => {
    const csv = `H3,Count,Category,Month\n${CELL.toUpperCase()},3,THEFT,2024-02\n${CELL},0,THEFT,2024-03-01\n`;
    const read = await readCellCountsCsv(csv, { source: 'cells.csv', resolution: 9 });
    const { data } = read;
    expect(data.length).toBe(3);
    expect(data.aggregated).toEqual({ rows: 2, period: 'month' });
    expect([data.lng[0], data.lat[0]]).toEqual(cellToLngLat(CELL));
    expect(data.time[2]).toBe(Date.UTC(2024, 1, 1));
    expect(data.categories).toEqual(['THEFT']);
    expect(Array.from(data.record)).toEqual([1, 1, 1]);
    expect(read.read).toBe(3);
  });

  it('rejects each bad row once, with its row and reason', async () => {
    const csv = [
      'h3,count,period',
      `${CELL},1,2024-01-01`,
      '882613140bfffff,1,2024-01-01',
      'zzz,1,2024-01-01',
      `${CELL},-1,2024-01-01`,
      `${CELL},1.5,2024-01-01`,
      `${CELL},1,2024-01-08`,
      `${CELL},2,`,
    ].join('\n');
    const read = await readCellCountsCsv(csv, { source: 'cells.csv', resolution: 9 });
    expect(read.rejections.map((r) => [r.record, r.reason])).toEqual([
      [2, 'wrong-resolution'],
      [3, 'invalid-cell'],
      [4, 'invalid-count'],
      [5, 'invalid-count'],
      [6, 'invalid-date'],
    ]);
    expect(read.rejections[4].message).toMatch(/not the start of a month .*2024-01-01 is/);
    // An empty period is no date, as an incident without one.
    expect(Number.isNaN(read.data.time[2])).toBe(true);
    expect(read.read).toBe(3 + 5);
  });

  it('takes weeks from Monday when the period is week', async () => {
    const csv = `h3,count,week\n${CELL},1,2024-01-01\n${CELL},1,2024-01-03\n`;
    const read = await readCellCountsCsv(csv, { source: 'c.csv', resolution: 9, period: 'week' });
    expect(read.data.length).toBe(1); // 2024-01-01 is a Monday; the 3rd is not
    expect(read.rejections[0].record).toBe(2);
  });

  it('refuses a file without an h3 or a count column, listing its header', async () => {
    const error = await readCellCountsCsv('cell_id,n_rows\n', {
      source: 'c.csv',
      resolution: 9,
    }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('E_INPUT');
    expect((error as Error).message).toMatch(/^c\.csv: .*the file has: cell_id, n_rows$/);
  });

  it('takes typed values from other row sources: BigInt index and count, Date period', () => {
    const builder = createCellCountBuilder('cells.parquet', { resolution: 9, hasPeriod: true });
    builder.add(1, BigInt(`0x${CELL}`), 2n, undefined, new Date(Date.UTC(2024, 4, 1)));
    // A Number cannot hold a 64-bit index exactly: refused rather than rounded to another cell.
    builder.add(2, Number(BigInt(`0x${CELL}`)), 1, undefined, Date.UTC(2024, 4, 1));
    const read = builder.finish();
    expect(read.data.length).toBe(2);
    expect(read.data.time[0]).toBe(Date.UTC(2024, 4, 1));
    expect(read.rejections.map((r) => r.reason)).toEqual(['invalid-cell']);
  });

  it('stops when the counts would add up to more incidents than may be held', () => {
    const builder = createCellCountBuilder('c.csv', { resolution: 9, maxIncidents: 10 });
    builder.add(1, CELL, 6, undefined, undefined);
    expect(thrownBy(() => builder.add(2, CELL, 6, undefined, undefined)).code).toBe('E_INPUT');
  });
});

describe('inputs.cells in the configuration', () => {
  it('refuses incidents and cells together, and periods that do not fall into the steps', () => {
    const both = { inputs: { incidents: { path: 'a.csv' }, cells: { path: 'b.csv' } } };
    expect(thrownBy(() => parseConfig(both, 'c.json')).code).toBe('E_CONFIG');
    const weeks = { inputs: { cells: { path: 'b.csv', period: 'week' } } };
    expect(thrownBy(() => parseConfig(weeks, 'c.json')).message).toMatch(/inputs\.cells\.period/);
    const months = {
      inputs: { cells: { path: 'b.csv', period: 'month' } },
      emerging: { step: 'quarter' },
    };
    expect(parseConfig(months, 'c.json').inputs.cells?.period).toBe('month');
  });
});
