import { describe, expect, it } from 'vitest';
import { cellReasonPhrases } from '../../src/priority/cellReasonPhrases.js';
import { cellReasons } from '../../src/priority/cellReasons.js';
import { codeOf } from '../helpers/errors.js';

// Three cells: a significant hot spot at a low percentile, a cell at the top for every
// component, and one without a score.
const input = {
  normalized: {
    hotspot: Float64Array.of(0.3, 1, Number.NaN),
    need: Float64Array.of(0.4, 0.95, Number.NaN),
    trustDeficit: Float64Array.of(0.5, 0.9, Number.NaN),
  },
  giBin: Int8Array.of(2, 0, 0),
  trustMean: [Number.NaN, 2.14, Number.NaN],
  trustResponses: [0, 14, 0],
};

describe('cellReasonPhrases', () => {
  it('words each component of each cell whatever its weight, undefined where it is no reason', () => {
    expect(cellReasonPhrases(input)).toEqual({
      hotspot: [
        'significant hotspot (95 % confidence)',
        'highest incident clustering in the study area, not a significant hotspot',
        undefined,
      ],
      need: [undefined, '95th percentile need', undefined],
      trustDeficit: [
        '50th percentile for low trust in police',
        'low trust in police (2.1 of 5, 14 answers)',
        undefined,
      ],
    });
  });

  it('leaves out percentiles below minPercentile, but never a significant hot spot', () => {
    const phrases = cellReasonPhrases(input, { minPercentile: 0.6 });
    expect(phrases.hotspot[0]).toBe('significant hotspot (95 % confidence)');
    expect(phrases.trustDeficit[0]).toBeUndefined();
  });

  it('gives the words cellReasons picks from', () => {
    const contributions = {
      hotspot: Float64Array.of(0.1, 0.2, 0),
      need: Float64Array.of(0.3, 0.5, 0),
      trustDeficit: Float64Array.of(0.2, 0.1, 0),
    };
    const phrases = cellReasonPhrases(input);
    expect(cellReasons({ ...input, contributions })).toEqual([
      [phrases.trustDeficit[0], phrases.hotspot[0]],
      [phrases.need[1], phrases.hotspot[1], phrases.trustDeficit[1]],
      [],
    ]);
  });

  it('rejects columns of other lengths, percentiles outside [0, 1] and bad options with E_ARGUMENT', () => {
    expect(codeOf(() => cellReasonPhrases({ ...input, giBin: Int8Array.of(0) }))).toBe(
      'E_ARGUMENT',
    );
    expect(
      codeOf(() => cellReasonPhrases({ ...input, normalized: { need: Float64Array.of(0, 2, 0) } })),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasonPhrases({ ...input, trustMean: [1] }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasonPhrases(input, { minPercentile: -0.1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasonPhrases({ ...input, flagAt: 1.5 }))).toBe('E_ARGUMENT');
  });
});
