import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryToCellColumns } from '@hexreach/core/export';
import { parseJson } from '@hexreach/core/io';
import { describe, expect, it } from 'vitest';
import { demoRunDir } from '../../../../tests/helpers.js';
import { binaryCells } from '../../src/data/binaryCells.js';
import { parseCells } from '../../src/data/parseCells.js';

/** float32 keeps a number to within half a unit in the last of its 24 bits: 2⁻²⁴, relative. */
const FLOAT32_RELATIVE = 2 ** -24;
/** Polygons rebuilt from H3 against cells.geojson's, rounded to 6 decimals: half of 1e-6°. */
const COORDINATE_TOLERANCE = 5e-7 + 1e-12;

describe.each(['private', 'public'] as const)(
  'the cells of the demo run (%s) in the viewer',
  (kind) => {
    const read = () => {
      const dir = demoRunDir(kind);
      const fromGeojson = parseCells(
        parseJson(readFileSync(join(dir, 'cells.geojson'), 'utf8'), 'cells.geojson'),
        'cells.geojson',
      );
      const fromBinary = binaryCells(binaryToCellColumns(readFileSync(join(dir, 'cells.bin'))));
      return { fromGeojson, fromBinary };
    };

    it('are the same from cells.bin as from cells.geojson: columns, texts, suppressed counts', () => {
      const { fromGeojson, fromBinary } = read();
      expect(fromBinary.cellIds).toEqual(fromGeojson.cellIds);
      expect(fromBinary.numericColumns).toEqual(fromGeojson.numericColumns);
      expect(fromBinary.textColumns).toEqual(fromGeojson.textColumns);
      expect(fromBinary.texts).toEqual(fromGeojson.texts);
      expect(fromBinary.suppressed).toEqual(fromGeojson.suppressed);
      for (const name of fromGeojson.numericColumns) {
        const expected = fromGeojson.columns[name];
        const actual = fromBinary.columns[name];
        for (let i = 0; i < expected.length; i++) {
          if (Number.isNaN(expected[i])) expect(actual[i], `${name}[${i}]`).toBeNaN();
          else
            expect(Math.abs(actual[i] - expected[i]), `${name}[${i}]`).toBeLessThanOrEqual(
              FLOAT32_RELATIVE * Math.abs(expected[i]),
            );
        }
      }
    });

    it('have the same properties, in the same order, and polygons within the rounding', () => {
      const { fromGeojson, fromBinary } = read();
      const features = fromGeojson.cells.features;
      // Differences are collected and asserted once: one expect per value would be 100,000 calls.
      const differences: string[] = [];
      fromBinary.cells.features.forEach((feature, i) => {
        const expected = features[i].properties;
        expect(Object.keys(feature.properties)).toEqual(Object.keys(expected));
        for (const [name, value] of Object.entries(expected)) {
          const actual = feature.properties[name];
          const same =
            typeof value === 'number'
              ? Math.abs((actual as number) - value) <= FLOAT32_RELATIVE * Math.abs(value)
              : actual === value;
          if (!same) differences.push(`cell ${i} ${name}: ${String(actual)}, expected ${value}`);
        }
        const ring = (f: typeof feature) =>
          f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
        const a = ring(feature);
        const b = ring(features[i]);
        expect(a.length).toBe(b.length);
        // The same corners (cells.geojson winds rings counter-clockwise: maybe in another order).
        for (const p of a) {
          const nearest = Math.min(
            ...b.map((q) => Math.max(Math.abs(p[0] - q[0]), Math.abs(p[1] - q[1]))),
          );
          if (!(nearest <= COORDINATE_TOLERANCE))
            differences.push(`cell ${i} corner ${p.join(',')}: ${nearest} from the nearest`);
        }
      });
      expect(differences.slice(0, 10)).toEqual([]);
    });
  },
);
