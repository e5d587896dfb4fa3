import { describe, expect, it } from 'vitest';
import { HexreachError } from '../../src/errors.js';
import { createIncidentTableBuilder } from '../../src/io/incidentTableBuilder.js';
import { mulberry32 } from '../../src/util/random.js';

describe('createIncidentTableBuilder', () => {
  it('grows its columns past the initial capacity without losing a record', () => {
    const random = mulberry32(11);
    const builder = createIncidentTableBuilder('grow.csv', 'row', { initialCapacity: 1 });
    const lng: number[] = [];
    const lat: number[] = [];
    for (let i = 1; i <= 1000; i++) {
      lng.push(-87.9 + random() * 0.4);
      lat.push(41.6 + random() * 0.4);
      expect(builder.add(i, lng[i - 1], lat[i - 1], i * 1000, undefined, 1)).toBe(true);
    }
    const { data, read } = builder.finish();
    expect(read).toBe(1000);
    expect(data.length).toBe(1000);
    expect([...data.lng]).toEqual(lng);
    expect([...data.lat]).toEqual(lat);
    expect(data.time[999]).toBe(1_000_000);
    expect(data.record[0]).toBe(1);
    expect(data.record[999]).toBe(1000);
    expect(data.lng.length).toBe(1000);
  });

  it('keeps weights of 1 without a column until another weight comes, across growth', () => {
    const ones = createIncidentTableBuilder('w.csv', 'row', { initialCapacity: 2 });
    for (let i = 1; i <= 5; i++) ones.add(i, -87.6, 41.8, 0, undefined, 1);
    expect([...ones.finish().data.weight]).toEqual([1, 1, 1, 1, 1]);
    const mixed = createIncidentTableBuilder('w.csv', 'row', { initialCapacity: 2 });
    const weights = [1, 1, 1, 2.5, 1, 0, 1, 3];
    for (const [i, w] of weights.entries()) mixed.add(i + 1, -87.6, 41.8, 0, undefined, w);
    const { data } = mixed.finish();
    expect([...data.weight]).toEqual(weights);
    expect(data.weight).toBeInstanceOf(Float64Array);
  });

  it('puts every incident in category "all" when records have no category', () => {
    const builder = createIncidentTableBuilder('x.csv', 'row');
    builder.add(1, -87.6, 41.8, Number.NaN, 'THEFT', 1);
    const { data } = builder.finish();
    expect(data.categories).toEqual(['all']);
    expect([...data.category]).toEqual([0]);
  });

  it('dictionary-encodes categories in order of first appearance, trimmed', () => {
    const builder = createIncidentTableBuilder('x.csv', 'row', { hasCategory: true });
    for (const [i, category] of ['THEFT', 'BATTERY', ' THEFT ', 'ASSAULT', 'BATTERY'].entries()) {
      builder.add(i + 1, -87.6, 41.8, Number.NaN, category, 1);
    }
    const { data, warnings } = builder.finish();
    expect(data.categories).toEqual(['THEFT', 'BATTERY', 'ASSAULT']);
    expect([...data.category]).toEqual([0, 1, 0, 2, 1]);
    expect(warnings).toEqual([]);
  });

  it('counts an empty category as "(none)" with a missing-attribute warning', () => {
    const builder = createIncidentTableBuilder('x.csv', 'row', { hasCategory: true });
    builder.addValues(1, '-87.6', '41.8', '', '  ', undefined);
    builder.addValues(2, '-87.6', '41.8', '', null, undefined);
    const { data, warnings } = builder.finish();
    expect(data.categories).toEqual(['(none)']);
    expect(warnings.map((w) => [w.record, w.reason])).toEqual([
      [1, 'missing-attribute'],
      [2, 'missing-attribute'],
    ]);
  });

  it('throws E_INPUT on the 65,536th distinct category', () => {
    const builder = createIncidentTableBuilder('ids.csv', 'row', { hasCategory: true });
    for (let i = 0; i < 65_535; i++) builder.add(i + 1, -87.6, 41.8, Number.NaN, `id${i}`, 1);
    expect(builder.add(65_536, -87.6, 41.8, Number.NaN, 'id0', 1)).toBe(true);
    let error: unknown;
    try {
      builder.add(65_537, -87.6, 41.8, Number.NaN, 'one too many', 1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HexreachError);
    expect((error as HexreachError).code).toBe('E_INPUT');
    expect(builder.finish().data.categories.length).toBe(65_535);
  });

  it('gives each invalid numeric record its reason', () => {
    const builder = createIncidentTableBuilder('x', 'feature', { hasWeight: true });
    builder.add(0, Number.NaN, 41.8, Number.NaN, undefined, 1);
    builder.add(1, 0, 0, Number.NaN, undefined, 1);
    builder.add(2, 41.8, -118.2, Number.NaN, undefined, 1);
    builder.add(3, -120, 95, Number.NaN, undefined, 1);
    builder.add(4, 181, 41.8, Number.NaN, undefined, 1);
    builder.add(5, -87.6, 41.8, Number.POSITIVE_INFINITY, undefined, 1);
    builder.add(6, -87.6, 41.8, Number.NaN, undefined, -1);
    builder.add(7, -87.6, 41.8, Number.NaN, undefined, Number.NaN);
    builder.add(8, 0, 41.8, Number.NaN, undefined, 0);
    builder.add(9, -87.6, 0, Number.NaN, undefined, 2.5);
    const { data, rejections, read } = builder.finish();
    expect(rejections.map((r) => [r.record, r.reason])).toEqual([
      [0, 'invalid-coordinates'],
      [1, 'invalid-coordinates'],
      [2, 'swapped-coordinates'],
      [3, 'out-of-range-coordinates'],
      [4, 'out-of-range-coordinates'],
      [5, 'invalid-date'],
      [6, 'invalid-weight'],
      [7, 'invalid-weight'],
    ]);
    expect([...data.record]).toEqual([8, 9]);
    expect([...data.weight]).toEqual([0, 2.5]);
    expect(read).toBe(10);
  });

  it('reads raw values: blanks are missing, numeric strings are numbers, dates may be epoch ms', () => {
    const builder = createIncidentTableBuilder('x', 'row', { hasWeight: true });
    builder.addValues(1, ' ', '41.8', undefined, undefined, '1');
    builder.addValues(2, '-87.6', undefined, undefined, undefined, '1');
    builder.addValues(3, '-87.6', '41.8', ' 2018-01-01 ', undefined, ' 2 ');
    builder.addValues(4, -87.6, 41.8, 1_514_764_800_000, undefined, 3);
    builder.addValues(5, -87.6, 41.8, true, undefined, 1);
    builder.addValues(6, -87.6, 41.8, '  ', undefined, '');
    builder.addValues(7, -87.6, 41.8, null, undefined, undefined);
    builder.addValues(8, '0', '41.8', 'not a date', undefined, 1);
    const { data, rejections } = builder.finish();
    expect(rejections.map((r) => [r.record, r.reason, r.message])).toEqual([
      [1, 'missing-coordinates', 'longitude is missing'],
      [2, 'missing-coordinates', 'latitude is missing'],
      [5, 'invalid-date', 'date true is not a date'],
      [6, 'invalid-weight', 'weight "" is missing'],
      [7, 'invalid-weight', 'weight undefined is missing'],
      [8, 'invalid-date', expect.stringContaining('"not a date"')],
    ]);
    expect([...data.record]).toEqual([3, 4]);
    expect([...data.time]).toEqual([Date.UTC(2018, 0, 1), 1_514_764_800_000]);
    expect([...data.weight]).toEqual([2, 3]);
  });
});
