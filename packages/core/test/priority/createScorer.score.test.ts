import { describe, expect, it } from 'vitest';
import { createScorer } from '../../src/priority/createScorer.js';
import { analyzeDemoCity } from '../helpers/analyzeDemoCity.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { once } from '../helpers/once.js';
import { WEIGHT_SETS } from '../helpers/weightSets.js';

// The demo city (data/demo) with the example configuration; robustness and the other statistics
// are left out because the priority score does not read them.

/** The demo city analysed with Gi* alone and no robustness. */
const demo = once(() => analyzeDemoCity());

/** The bytes of a column: equal bytes mean the same doubles, NaN and −0 included. */
const bytesOf = (values: Float64Array) =>
  new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

describe('createScorer(result).score on the demo city', () => {
  for (const [label, weights] of WEIGHT_SETS) {
    it(`equals createScorer(result).full(weights).priority bit for bit: ${label}`, async () => {
      const result = await demo();
      const actual = createScorer(result).score(weights);
      const expected = createScorer(result).full(weights).priority;
      expect(actual.weights).toEqual(expected.weights);
      expect(bytesOf(actual.score)).toEqual(bytesOf(expected.score));
      expect(Object.keys(actual.contributions)).toEqual(Object.keys(expected.contributions));
      for (const [name, share] of Object.entries(expected.contributions))
        expect(bytesOf(actual.contributions[name]), name).toEqual(bytesOf(share));
      expect(actual.normalized).toEqual(expected.normalized);
    });
  }

  it('scores cells that lack a component on the others, as the full re-score does', async () => {
    const result = await demo();
    // The crime rate is unknown below the minimum population: those cells are the edge case.
    const priority = createScorer(result).score({ crimeRate: 1 });
    const unknownRate = priority.normalized.crimeRate.findIndex(Number.isNaN);
    expect(unknownRate).toBeGreaterThanOrEqual(0);
    expect(priority.contributions.crimeRate[unknownRate]).toBe(0);
    expect(Number.isFinite(priority.score[unknownRate])).toBe(true);
  });

  it('leaves the result it re-scores as it was', async () => {
    const result = await demo();
    const score = result.priority.score.slice();
    const weights = { ...result.config.priority.weights };
    createScorer(result).score({ hotspot: 0.9, need: 0 });
    expect(result.priority.score).toEqual(score);
    expect(result.config.priority.weights).toEqual(weights);
  });

  it('rejects the weights .full rejects, with the same code and offending value', async () => {
    const result = await demo();
    const rejected: unknown[] = [
      { urgency: 1 },
      { need: -0.1 },
      { need: Number.NaN },
      { need: Number.POSITIVE_INFINITY },
      { need: '0.5' },
      null,
      [0.5],
      { hotspot: 0, crimeRate: 0, need: 0, trustDeficit: 0, partnerGap: 0 },
    ];
    for (const weights of rejected) {
      const label = JSON.stringify(weights);
      const error = thrownBy(() => createScorer(result).score(weights as never));
      expect(error.code, label).toBe('E_ARGUMENT');
      expect(error.message, label).toMatch(/^createScorer\.score: /);
      const full = thrownBy(() => createScorer(result).full(weights as never));
      expect(error.code, label).toBe(full.code);
      expect(error.value, label).toEqual(full.value);
    }
    expect(codeOf(() => createScorer(result).score({ need: 0 }))).toBeUndefined();
  });
});
