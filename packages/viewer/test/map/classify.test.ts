import { mulberry32 } from '@hexreach/core/util';
import { scaleQuantile } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../../../core/test/helpers/tolerance.js';
import { classify, fixedClassification } from '../../src/map/classify.js';
import { giBinColors, missingColor } from '../../src/map/colorSchemes.js';
import { jenksBreaks } from '../../src/map/jenksBreaks.js';

/** Values in [lower, upper) for each class, counted by brute force. */
function bruteCounts(values: readonly number[], thresholds: readonly number[]): number[] {
  const bounds = [Number.NEGATIVE_INFINITY, ...thresholds, Number.POSITIVE_INFINITY];
  return bounds
    .slice(0, -1)
    .map((lower, i) => values.filter((v) => v >= lower && v < bounds[i + 1]).length);
}

describe('classify', () => {
  const random = mulberry32(21);
  const values = Array.from({ length: 1000 }, () => random() * 50);

  it('puts equal numbers of values in each quantile class', () => {
    const c = classify(values, { method: 'quantile', classes: 4 });
    expect(c.scale.domain().length).toBe(3);
    expect(c.counts).toEqual([250, 250, 250, 250]);
    expect(c.counts).toEqual(bruteCounts(values, c.scale.domain()));
  });

  it("breaks at d3's scaleQuantile thresholds, ties and missing values included", () => {
    const rounded = [...values.map((v) => Math.round(v / 5)), Number.NaN, Number.NaN];
    for (const classes of [3, 5, 7]) {
      const expected = scaleQuantile<number>()
        .domain(rounded)
        .range(Array.from({ length: classes }, (_, i) => i))
        .quantiles()
        .filter(
          (t, i, all) => t > Math.min(...rounded.filter(Number.isFinite)) && t !== all[i - 1],
        );
      const c = classify(rounded, { method: 'quantile', classes });
      expect(c.scale.domain()).toEqual(expected);
      expect(c.counts).toEqual(bruteCounts(rounded.filter(Number.isFinite), expected));
      expect(c.missing).toBe(2);
    }
  });

  it('splits the range evenly for equal intervals', () => {
    const c = classify(values, { method: 'equal', classes: 5 });
    const [min, max] = c.extent!;
    expectAllClose(
      c.scale.domain(),
      [1, 2, 3, 4].map((i) => min + ((max - min) * i) / 5),
      1e-9,
    );
    expect(c.counts).toEqual(bruteCounts(values, c.scale.domain()));
  });

  it('uses the Jenks natural breaks for natural breaks', () => {
    const c = classify(values, { method: 'jenks', classes: 6 });
    expect(c.scale.domain()).toEqual(jenksBreaks(values, 6));
    expect(c.counts).toEqual(bruteCounts(values, c.scale.domain()));
  });

  it('spreads the scheme over the classes, first and last colour at its ends', () => {
    const c = classify(values, { classes: 5, scheme: 'viridis' });
    const colors = c.scale.range();
    expect(colors).toHaveLength(5);
    expect(colors[0]).toBe(interpolateViridis(0));
    expect(colors[4]).toBe(interpolateViridis(1));
    expect(new Set(colors).size).toBe(5);
    for (const color of colors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('counts missing values apart and colours them with the unknown colour', () => {
    const c = classify([1, Number.NaN, 2, 3, Number.NaN], { classes: 3 });
    expect(c.missing).toBe(2);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(c.scale(Number.NaN)).toBe(missingColor);
  });

  it('drops breaks that would leave a class empty, as quantiles of mostly-zero counts do', () => {
    const counts = [...new Array(80).fill(0), ...Array.from({ length: 20 }, (_, i) => i + 1)];
    const c = classify(counts, { method: 'quantile', classes: 5 });
    for (const n of c.counts) expect(n).toBeGreaterThan(0);
    expect(c.counts[0]).toBe(80);
    const domain = c.scale.domain();
    for (let i = 1; i < domain.length; i++) expect(domain[i]).toBeGreaterThan(domain[i - 1]);
  });

  it('gives constant data one class and no data no class count', () => {
    const constant = classify([7, 7, 7], { method: 'equal', classes: 5 });
    expect(constant.scale.domain()).toEqual([]);
    expect(constant.counts).toEqual([3]);
    const empty = classify([Number.NaN], { classes: 5 });
    expect(empty.counts).toEqual([0]);
    expect(empty.missing).toBe(1);
    expect(empty.extent).toBeUndefined();
  });

  it('rejects a class count outside 1…12', () => {
    expect(() => classify(values, { classes: 0 })).toThrow(RangeError);
    expect(() => classify(values, { classes: 13 })).toThrow(RangeError);
  });
});

describe('fixedClassification', () => {
  it('classifies Gi* bins −3…3 into seven named classes, hot red and cold blue', () => {
    const bins = [-3, -1, 0, 0, 0, 1, 2, 3, 3, Number.NaN];
    const labels = ['c99', 'c95', 'c90', 'none', 'h90', 'h95', 'h99'];
    const c = fixedClassification(bins, [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5], giBinColors, labels);
    expect(c.counts).toEqual([1, 0, 1, 3, 1, 1, 2]);
    expect(c.missing).toBe(1);
    expect(c.labels).toEqual(labels);
    expect(c.scale(3)).toBe('#b2182b');
    expect(c.scale(-3)).toBe('#2166ac');
  });

  it('rejects colours or labels that do not match the classes', () => {
    expect(() => fixedClassification([1], [0.5], ['#000000'], ['a'])).toThrow(RangeError);
    expect(() =>
      fixedClassification([1], [1, 1], ['#000', '#111', '#222'], ['a', 'b', 'c']),
    ).toThrow(RangeError);
  });
});
