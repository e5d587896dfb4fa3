import { describe, expect, it } from 'vitest';
import { priorityScore } from '../../src/priority/priorityScore.js';
import { weightRobustness } from '../../src/priority/weightRobustness.js';
import { mulberry32 } from '../../src/util/random.js';
import { selectCells } from '../../src/zones/selectCells.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

/** A seeded priority score over `n` cells: three components, some values missing. */
function fixture(n: number, seed: number) {
  const random = mulberry32(seed);
  const column = (missing: number) =>
    Array.from({ length: n }, () => (random() < missing ? Number.NaN : random()));
  return priorityScore([
    { name: 'hotspot', values: column(0), weight: 0.4 },
    { name: 'crimeRate', values: column(0.15), weight: 0.2 },
    { name: 'need', values: column(0.05), weight: 0.4 },
  ]);
}

const threshold = (t: number) => (score: Float64Array) => selectCells(score, { threshold: t });

describe('weightRobustness', () => {
  it('selects, under the configured weights, exactly what priorityScore and the selection select', () => {
    const p = fixture(400, 1);
    const r = weightRobustness(p.normalized, p.weights, threshold(0.7), { draws: 5, seed: 1 });
    expect(r.baseSelected).toEqual(selectCells(p.score, { threshold: 0.7 }));
    expect(r.components).toEqual(['hotspot', 'crimeRate', 'need']);
    expect(Array.from(r.baseWeights)).toEqual([0.4, 0.2, 0.4]);
  });

  it('with κ = ∞ selects the configured selection in every draw (probability 1 or 0)', () => {
    const p = fixture(400, 2);
    const r = weightRobustness(p.normalized, p.weights, threshold(0.7), {
      draws: 10,
      concentration: Number.POSITIVE_INFINITY,
    });
    expect(Array.from(r.probability)).toEqual(Array.from(r.baseSelected));
    expect(Array.from(r.agreement)).toEqual(new Array(10).fill(1));
  });

  it('with a very large κ selects the configured selection with probability 1 when no score is near the cut', () => {
    // The cut sits in the widest gap between scores; κ = 1e10 moves weights by about 1e-5.
    const p = fixture(400, 3);
    const sorted = Array.from(p.score)
      .filter((s) => !Number.isNaN(s))
      .sort((a, b) => a - b);
    let cut = 0;
    let gap = 0;
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] - sorted[i - 1] > gap) {
        gap = sorted[i] - sorted[i - 1];
        cut = (sorted[i] + sorted[i - 1]) / 2;
      }
    }
    expect(gap).toBeGreaterThan(1e-3);
    const r = weightRobustness(p.normalized, p.weights, threshold(cut), {
      draws: 50,
      concentration: 1e10,
      seed: 4,
    });
    expect(r.baseSelected.some((m) => m === 1)).toBe(true);
    expect(Array.from(r.probability)).toEqual(Array.from(r.baseSelected));
  });

  it('always selects a cell whose every component clears the threshold and never one whose every component misses it', () => {
    // The score is a weighted mean of the components, so it lies between their min and max.
    const p = fixture(600, 5);
    const t = 0.6;
    const r = weightRobustness(p.normalized, p.weights, threshold(t), {
      draws: 100,
      concentration: 3,
      seed: 9,
    });
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      const values = Object.values(p.normalized)
        .map((c) => c[i])
        .filter((v) => !Number.isNaN(v));
      if (Math.min(...values) >= t) {
        expect(r.probability[i]).toBe(1);
        checked++;
      }
      if (Math.max(...values) < t) {
        expect(r.probability[i]).toBe(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    const some = r.probability.filter((q) => q > 0 && q < 1).length;
    expect(some).toBeGreaterThan(0);
  });

  it('agrees with a brute-force rescoring of every recorded draw', () => {
    const p = fixture(300, 6);
    const r = weightRobustness(p.normalized, p.weights, (s) => selectCells(s, { topN: 30 }), {
      draws: 40,
      seed: 2,
    });
    const names = r.components;
    const hits = new Float64Array(300);
    for (let d = 0; d < r.draws; d++) {
      const w = names.map((_, k) => r.weights[d * names.length + k]);
      const score = Array.from({ length: 300 }, (_, i) => {
        let sum = 0;
        let available = 0;
        names.forEach((name, k) => {
          const v = p.normalized[name][i];
          if (Number.isNaN(v)) return;
          sum += w[k] * v;
          available += w[k];
        });
        return available === 0 ? Number.NaN : sum / available;
      });
      const mask = selectCells(score, { topN: 30 });
      let both = 0;
      let count = 0;
      mask.forEach((m, i) => {
        hits[i] += m;
        count += m;
        both += m & r.baseSelected[i];
      });
      expect(r.selectedCount[d]).toBe(count);
      expectClose(r.agreement[d], both / (2 * 30 - both), 1e-15, `agreement ${d}`);
    }
    for (let i = 0; i < 300; i++) expectClose(r.probability[i], hits[i] / r.draws, 1e-15);
  });

  it('draws weights with mean w and standard deviation √(w(1 − w)/(κ + 1))', () => {
    const p = fixture(20, 7);
    const kappa = 20;
    const r = weightRobustness(p.normalized, p.weights, threshold(0.5), {
      draws: 4000,
      concentration: kappa,
      seed: 3,
    });
    [0.4, 0.2, 0.4].forEach((w, k) => {
      const xs = Array.from({ length: r.draws }, (_, d) => r.weights[d * 3 + k]);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
      expectClose(mean, w, 0.01, `mean ${k}`);
      expectClose(sd, Math.sqrt((w * (1 - w)) / (kappa + 1)), 0.01, `sd ${k}`);
    });
  });

  it('keeps a component with weight 0 at 0 in every draw', () => {
    const p = fixture(50, 8);
    const r = weightRobustness(p.normalized, { ...p.weights, crimeRate: 0 }, threshold(0.5), {
      draws: 30,
      seed: 1,
    });
    for (let d = 0; d < r.draws; d++) expect(r.weights[d * 3 + 1]).toBe(0);
  });

  it('gives identical output for the same seed and different draws for another seed', () => {
    const p = fixture(200, 9);
    const run = (seed: number) =>
      weightRobustness(p.normalized, p.weights, threshold(0.65), { draws: 25, seed });
    expect(run(11)).toEqual(run(11));
    expect(run(11).weights).not.toEqual(run(12).weights);
  });

  it('rejects invalid draws, concentration, seed, weights and selections', () => {
    const p = fixture(10, 10);
    const select = threshold(0.5);
    const call = (
      options: Parameters<typeof weightRobustness>[3],
      weights: Record<string, number> = p.weights,
      s = select,
    ) => codeOf(() => weightRobustness(p.normalized, weights, s, options));
    expect(call({ draws: 0 })).toBe('E_ARGUMENT');
    expect(call({ draws: 1.5 })).toBe('E_ARGUMENT');
    expect(call({ concentration: 0 })).toBe('E_ARGUMENT');
    expect(call({ concentration: Number.NaN })).toBe('E_ARGUMENT');
    expect(call({ seed: 0.5 })).toBe('E_ARGUMENT');
    expect(call({}, {})).toBe('E_ARGUMENT');
    expect(call({}, { unknown: 1 })).toBe('E_ARGUMENT');
    expect(call({}, { hotspot: -1, need: 1 })).toBe('E_ARGUMENT');
    expect(call({}, { hotspot: 0, need: 0 })).toBe('E_ARGUMENT');
    expect(call({}, p.weights, () => new Uint8Array(3))).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        weightRobustness({ a: [1, 2], b: [1] }, { a: 1, b: 1 }, () => new Uint8Array(2)),
      ),
    ).toBe('E_ARGUMENT');
  });
});
