import { describe, expect, it } from 'vitest';
import { cellReasonPhrases } from '../../src/priority/cellReasonPhrases.js';
import { cellReasons } from '../../src/priority/cellReasons.js';
import { mulberry32 } from '../../src/util/random.js';
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

  it('names the partner types missing within the radius, or ranks the gap when all are near', () => {
    const phrases = cellReasonPhrases({
      normalized: { partnerGap: Float64Array.of(0.95, 0.8, 0.7, 0.96) },
      giBin: Int8Array.of(0, 0, 0, 0),
      partners: {
        types: ['faith-based', 'school', 'youth'],
        radiusMeters: 1500,
        withinRadius: {
          'faith-based': Uint32Array.of(1, 0, 2, 3),
          school: Uint32Array.of(2, 0, 0, 1),
          youth: Uint32Array.of(0, 0, 0, 1),
        },
      },
    });
    expect(phrases.partnerGap).toEqual([
      'no youth organization within 1.5 km',
      'no partner organization within 1.5 km',
      'no school or youth organization within 1.5 km',
      'top 4 % for distance to partners',
    ]);
  });

  it('words each cell as it would alone, however many cells share a phrase (seeded)', () => {
    const random = mulberry32(41);
    const n = 400;
    const column = () =>
      Float64Array.from({ length: n }, () =>
        random() < 0.05 ? Number.NaN : Math.round(random() * 40) / 40,
      );
    const types = ['business', 'cultural', 'school', 'youth'];
    const withinRadius = Object.fromEntries(
      types.map((t) => [t, Uint32Array.from({ length: n }, () => (random() < 0.5 ? 0 : 1))]),
    );
    const whole = {
      normalized: { hotspot: column(), crimeRate: column(), partnerGap: column(), other: column() },
      giBin: Int8Array.from({ length: n }, () => Math.floor(random() * 7) - 3),
      partners: { types, radiusMeters: 800, withinRadius },
      componentLabels: { other: 'something else' },
    };
    const phrases = cellReasonPhrases(whole);
    for (let i = 0; i < n; i++) {
      const one = (values: ArrayLike<number>) => [values[i]];
      const alone = cellReasonPhrases({
        ...whole,
        normalized: Object.fromEntries(
          Object.entries(whole.normalized).map(([name, values]) => [name, one(values)]),
        ),
        giBin: Int8Array.of(whole.giBin[i]),
        partners: {
          types,
          radiusMeters: 800,
          withinRadius: Object.fromEntries(types.map((t) => [t, one(withinRadius[t])])),
        },
      });
      for (const name of Object.keys(whole.normalized))
        expect(phrases[name][i], `${name}[${i}]`).toBe(alone[name][0]);
    }
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
