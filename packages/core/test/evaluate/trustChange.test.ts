import { describe, expect, it } from 'vitest';
import { trustChange } from '../../src/evaluate/trustChange.js';
import type { TrustResult } from '../../src/indicators/trustByCell.js';

/** A wave of 4 cells: answers per cell and their means, with σ² = 1 and τ² as given. */
function wave(responses: number[], mean: number[], cityMean: number, between: number): TrustResult {
  const n = responses.length;
  return {
    responses: Uint32Array.from(responses),
    mean: Float64Array.from(mean),
    shrunk: new Float64Array(n),
    fewResponses: new Uint8Array(n),
    deficit: new Float64Array(n),
    cityMean,
    withinVariance: 1,
    betweenVariance: between,
    outside: 0,
  };
}

describe('trustChange', () => {
  // Zone = cells 0 and 1; comparison = cells 2 and 3.
  const before = wave([10, 10, 50, 50], [2, 3, 3, 3], 2.9, 0.1);
  const after = wave([10, 10, 50, 50], [3, 3.5, 3.2, 3.2], 3.2, 0.1);

  it('takes the zone`s change minus the comparison`s, with a normal interval from σ²/n', () => {
    const t = trustChange([0, 1], [2, 3], { before, after }, { minAnswers: 10 });
    // Zone 2.5 → 3.25 (+0.75); comparison 3.0 → 3.2 (+0.2): +0.55.
    expect(t.change).toBeCloseTo(0.55, 12);
    // se = √(1/20 + 1/20 + 1/100 + 1/100) = √0.12; 90 %: ± 1.6449 · 0.34641
    const half = 1.6448536269514722 * Math.sqrt(0.12);
    expect(t.low).toBeCloseTo(0.55 - half, 8);
    expect(t.high).toBeCloseTo(0.55 + half, 8);
    // Shown levels shrunk toward the city mean: B = 1/(1 + 20·0.1) = 1/3.
    expect(t.before).toBeCloseTo(2.9 + (2 / 3) * (2.5 - 2.9), 12);
    expect(t.answersBefore).toBe(20);
  });

  it('flags and does not score a zone with fewer answers than the minimum in a wave', () => {
    const t = trustChange([0], [2, 3], { before, after }, { minAnswers: 11 });
    expect(t.fewAnswers).toBe(true);
    expect(t.change).toBeNaN();
    expect(t.answersBefore).toBe(10);
  });
});
