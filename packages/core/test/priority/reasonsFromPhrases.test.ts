import { describe, expect, it } from 'vitest';
import { reasonsFromPhrases } from '../../src/priority/reasonsFromPhrases.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';

describe('reasonsFromPhrases', () => {
  it('picks the phrased components with a positive contribution, largest first, three by default', () => {
    const reasons = reasonsFromPhrases(
      {
        hotspot: ['H0', 'H1', undefined],
        crimeRate: ['C0', 'C1', 'C2'],
        need: ['N0', undefined, 'N2'],
        partnerGap: ['P0', 'P1', 'P2'],
      },
      {
        hotspot: [0.1, 0.4, 0.5],
        crimeRate: [0.3, 0, 0.2],
        need: [0.2, 0.6, Number.NaN],
        partnerGap: [0.05, 0.1, 0.1],
      },
    );
    // Cell 0: four candidates, the smallest dropped; cell 1: no phrase for need, crime rate
    // contributes 0; cell 2: no phrase for hotspot, need is NaN.
    expect(reasons).toEqual([
      ['C0', 'N0', 'H0'],
      ['H1', 'P1'],
      ['C2', 'P2'],
    ]);
  });

  it('keeps the order of the contributions on equal contributions and honours max', () => {
    const phrases = { a: ['a'], b: ['b'], c: ['c'] };
    expect(reasonsFromPhrases(phrases, { c: [0.2], a: [0.2], b: [0.3] })).toEqual([
      ['b', 'c', 'a'],
    ]);
    expect(reasonsFromPhrases(phrases, { c: [0.2], a: [0.2], b: [0.3] }, { max: 1 })).toEqual([
      ['b'],
    ]);
    expect(reasonsFromPhrases(phrases, { a: [0.2] }, { max: 0 })).toEqual([[]]);
  });

  it('equals a plain stable sort by contribution on seeded random cells', () => {
    const random = mulberry32(11);
    const names = ['hotspot', 'crimeRate', 'need', 'trustDeficit', 'partnerGap'];
    const n = 500;
    // Few distinct values, so ties are common.
    const contributions = Object.fromEntries(
      names.map((name) => [
        name,
        Float64Array.from({ length: n }, () =>
          random() < 0.1 ? Number.NaN : Math.floor(random() * 4) / 10,
        ),
      ]),
    );
    const phrases = Object.fromEntries(
      names.map((name) => [
        name,
        Array.from({ length: n }, (_, i) => (random() < 0.2 ? undefined : `${name} ${i}`)),
      ]),
    );
    const expected = Array.from({ length: n }, (_, i) =>
      names
        .map((name, c) => ({ name, c, share: contributions[name][i] }))
        .filter(({ name, share }) => phrases[name][i] !== undefined && share > 0)
        .sort((x, y) => y.share - x.share || x.c - y.c)
        .slice(0, 3)
        .map(({ name }) => phrases[name][i]),
    );
    expect(reasonsFromPhrases(phrases, contributions)).toEqual(expected);
  });

  it('rejects a component without phrases, columns of other lengths and a bad max with E_ARGUMENT', () => {
    expect(codeOf(() => reasonsFromPhrases({}, { a: [0.1] }))).toBe('E_ARGUMENT');
    expect(codeOf(() => reasonsFromPhrases({ a: ['a', 'a'] }, { a: [0.1] }))).toBe('E_ARGUMENT');
    expect(
      codeOf(() => reasonsFromPhrases({ a: ['a'], b: ['b'] }, { a: [0.1], b: [0.1, 0.2] })),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => reasonsFromPhrases({ a: ['a'] }, { a: [0.1] }, { max: 1.5 }))).toBe(
      'E_ARGUMENT',
    );
  });
});
