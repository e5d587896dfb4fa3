import { HexreachError } from '@hexreach/core';
import { describe, expect, it } from 'vitest';
import { parseCells } from '../../src/data/parseCells.js';

const ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];

function collection(properties: Record<string, unknown>[]) {
  return {
    type: 'FeatureCollection',
    features: properties.map((p, i) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { h3: `89${i}`, ...p },
    })),
  };
}

describe('parseCells', () => {
  it('keeps text columns as strings, null where a cell has none, apart from the numeric ones', () => {
    const { numericColumns, textColumns, texts } = parseCells(
      collection([
        { lisa_quadrant: 'High-High', eh_pattern: null, score: 0.5, zone: 'Z01' },
        { lisa_quadrant: 'Not significant', eh_pattern: 'New Hot Spot', score: 0.1, zone: null },
        { lisa_quadrant: 'Low-Low', score: null },
      ]),
      'cells.geojson',
    );
    expect(numericColumns).toEqual(['score']);
    expect(textColumns).toEqual(['lisa_quadrant', 'eh_pattern', 'zone']);
    expect(texts).toEqual({
      lisa_quadrant: ['High-High', 'Not significant', 'Low-Low'],
      eh_pattern: [null, 'New Hot Spot', null],
      zone: ['Z01', null, null],
    });
  });

  it('reads columns named toString, constructor and __proto__ as columns of their own', () => {
    const cells = JSON.parse(
      JSON.stringify(
        collection([
          { toString: 'a', constructor: 1, score: 0.5 },
          { toString: 'b', constructor: 2, score: 0.1 },
          { score: 0.2 },
        ]),
      ).replace(/"score"/g, '"__proto__"'),
    );
    const { numericColumns, columns, textColumns, texts } = parseCells(cells, 'cells.geojson');
    expect(numericColumns).toEqual(['constructor', '__proto__']);
    expect(textColumns).toEqual(['toString']);
    expect(Object.entries(columns).map(([name, values]) => [name, [...values]])).toEqual([
      ['constructor', [1, 2, Number.NaN]],
      ['__proto__', [0.5, 0.1, 0.2]],
    ]);
    expect(Object.entries(texts)).toEqual([['toString', ['a', 'b', null]]]);
  });

  it('reads a public export’s suppressed counts ("<5") as no value, counting them per column', () => {
    const { numericColumns, columns, textColumns, suppressed } = parseCells(
      collection([
        { incidents: '<5', rate_per_1000: '<5', note: 'x' },
        { incidents: 12, rate_per_1000: 3.5, note: 3 },
        { incidents: null, rate_per_1000: '<5', note: null },
      ]),
      'cells.geojson',
    );
    expect(numericColumns).toEqual(['incidents', 'rate_per_1000']);
    expect(Array.from(columns.incidents)).toEqual([Number.NaN, 12, Number.NaN]);
    expect(Array.from(columns.rate_per_1000)).toEqual([Number.NaN, 3.5, Number.NaN]);
    expect(suppressed).toEqual({ incidents: 1, rate_per_1000: 2 });
    // Other text mixed with numbers still keeps a column out of both.
    expect(textColumns).toEqual([]);
  });

  it('refuses a number in a category column the viewer draws, naming file and feature', () => {
    let error: unknown;
    try {
      parseCells(collection([{ eh_pattern: 'New Hot Spot' }, { eh_pattern: 2 }]), 'cells.geojson');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HexreachError);
    expect((error as HexreachError).code).toBe('E_INPUT');
    expect((error as HexreachError).message).toBe(
      'cells.geojson: feature 1: eh_pattern is 2, expected a string or null',
    );
  });
});
