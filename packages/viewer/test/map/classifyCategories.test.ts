import { JOINT_CLASS_LABELS, PARTNER_CLASS_LABELS } from '@hexreach/core/priority';
import { EMERGING_PATTERNS, type LisaQuadrant } from '@hexreach/core/stats';
import { describe, expect, it } from 'vitest';
import {
  emergingColors,
  jointClassColors,
  lisaColors,
  otherCategoryColor,
  partnerClassColors,
  quietColor,
} from '../../src/map/categoryPalettes.js';
import { classifyCategories } from '../../src/map/classifyCategories.js';
import { missingColor } from '../../src/map/colorSchemes.js';

const lisaQuadrants: readonly (LisaQuadrant | 'Not significant')[] = [
  'High-High',
  'Low-Low',
  'High-Low',
  'Low-High',
  'Not significant',
];

type Matrix = readonly (readonly number[])[];

const identity: Matrix = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

/** Dichromacy simulation matrices on linear RGB, severity 1 (Machado et al. 2009, table). */
const visions: Readonly<Record<string, Matrix>> = {
  full: identity,
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIE L*a*b* (D65) of an sRGB colour as seen through a simulation matrix. */
function lab(hex: string, matrix: Matrix): [number, number, number] {
  // sRGB transfer function (IEC 61966-2-1).
  const linear = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = matrix.map((row) =>
    Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])),
  );
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

describe('classifyCategories', () => {
  it('counts each listed category in the palette’s order, absent ones with 0', () => {
    const values = ['Not significant', 'High-High', 'Not significant', 'Low-High', 'High-High'];
    const c = classifyCategories(values, lisaColors);
    expect(c.classes.map((k) => [k.value, k.count])).toEqual([
      ['High-High', 2],
      ['Low-Low', 0],
      ['High-Low', 0],
      ['Low-High', 1],
      ['Not significant', 2],
    ]);
    expect(c.classes.every((k) => k.listed)).toBe(true);
    expect(c.missing).toBe(0);
  });

  it('lists values the palette lacks after it, in the neutral grey, most frequent first', () => {
    const values = ['gap', 'Gap', 'zzz', 'Gap', 'none', 'aaa', 'zzz'];
    const c = classifyCategories(values, partnerClassColors);
    expect(c.classes.map((k) => [k.value, k.count, k.listed, k.color])).toEqual([
      ['gap', 1, true, partnerClassColors[0].color],
      ['leverage', 0, true, partnerClassColors[1].color],
      ['none', 1, true, quietColor],
      ['Gap', 2, false, otherCategoryColor],
      ['zzz', 2, false, otherCategoryColor],
      ['aaa', 1, false, otherCategoryColor],
    ]);
  });

  it('counts null apart as missing, so every cell is counted once', () => {
    const values = [null, 'neither', null, 'hotspot and high need', 'odd'];
    const c = classifyCategories(values, jointClassColors);
    expect(c.missing).toBe(2);
    expect(c.missingColor).toBe(missingColor);
    expect(c.classes.reduce((n, k) => n + k.count, 0) + c.missing).toBe(values.length);
  });

  it('counts like a brute-force tally on a large column', () => {
    const patterns = [...EMERGING_PATTERNS, 'Unheard-of Spot'];
    const values = Array.from({ length: 5000 }, (_, i) =>
      i % 97 === 0 ? null : patterns[(i * 7919) % patterns.length],
    );
    const c = classifyCategories(values, emergingColors);
    for (const k of c.classes) {
      expect(k.count, k.value).toBe(values.filter((v) => v === k.value).length);
    }
    expect(c.missing).toBe(values.filter((v) => v === null).length);
    expect(c.classes.at(-1)).toMatchObject({ value: 'Unheard-of Spot', listed: false });
  });

  it('refuses a palette listing a value twice', () => {
    expect(() => classifyCategories([], [...lisaColors, lisaColors[0]])).toThrow(RangeError);
  });
});

describe('the category palettes', () => {
  it('list exactly the categories @hexreach/core writes, in its order', () => {
    expect(lisaColors.map((c) => c.value)).toEqual(lisaQuadrants);
    expect(emergingColors.map((c) => c.value)).toEqual(EMERGING_PATTERNS);
    expect(new Set(jointClassColors.map((c) => c.value))).toEqual(new Set(JOINT_CLASS_LABELS));
    expect(new Set(partnerClassColors.map((c) => c.value))).toEqual(new Set(PARTNER_CLASS_LABELS));
  });

  it('give each category of a palette its own colour, none the neutral or missing grey', () => {
    for (const palette of [lisaColors, emergingColors, jointClassColors, partnerClassColors]) {
      const colors = palette.map((c) => c.color);
      expect(new Set(colors).size).toBe(colors.length);
      for (const color of colors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(colors).not.toContain(otherCategoryColor);
    }
    // Only "need unknown" shares the missing-value grey: it is a missing need, by name.
    expect(jointClassColors.filter((c) => c.color === missingColor).map((c) => c.value)).toEqual([
      'need unknown',
    ]);
  });

  it('draw LISA clusters in ColorBrewer RdBu: High-High red, Low-Low blue, pink, light blue, grey', () => {
    expect(Object.fromEntries(lisaColors.map((c) => [c.value, c.color]))).toEqual({
      'High-High': '#ca0020',
      'Low-Low': '#0571b0',
      'High-Low': '#f4a582',
      'Low-High': '#92c5de',
      'Not significant': quietColor,
    });
  });

  it('draw hot patterns warm and cold patterns cool, steady ones darker the longer they last', () => {
    const color = Object.fromEntries(emergingColors.map((c) => [c.value, c.color]));
    const channels = (hex: string) =>
      [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    for (const p of EMERGING_PATTERNS) {
      const [r, , b] = channels(color[p]);
      if (p.endsWith('Hot Spot')) expect(r, p).toBeGreaterThan(b);
      if (p.endsWith('Cold Spot')) expect(b, p).toBeGreaterThan(r);
    }
    for (const side of ['Hot', 'Cold']) {
      const lightness = ['Intensifying', 'Persistent', 'Consecutive', 'New', 'Historical'].map(
        (p) => lab(color[`${p} ${side} Spot`], identity)[0],
      );
      expect(
        [...lightness].sort((a, b) => a - b),
        side,
      ).toEqual(lightness);
    }
    expect(color['No Pattern Detected']).toBe(quietColor);
  });

  it('keep every two colours of a layer apart for common colour-vision deficiencies', () => {
    // CIE76 ΔE of at least 5 (about twice a just-noticeable difference) between every two
    // colours a layer may show — its categories, the grey of other values and of missing
    // ones — with full vision and with dichromacy simulated as Machado, Oliveira & Fernandes
    // (2009, IEEE TVCG 15(6)) do at severity 1.
    for (const palette of [lisaColors, emergingColors, jointClassColors, partnerClassColors]) {
      const colors = [
        ...new Set([...palette.map((c) => c.color), otherCategoryColor, missingColor]),
      ];
      for (const [vision, matrix] of Object.entries(visions)) {
        for (let i = 0; i < colors.length; i++) {
          for (let j = i + 1; j < colors.length; j++) {
            const a = lab(colors[i], matrix);
            const b = lab(colors[j], matrix);
            const deltaE = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
            expect(deltaE, `${vision}: ${colors[i]} and ${colors[j]}`).toBeGreaterThan(5);
          }
        }
      }
    }
  });
});
