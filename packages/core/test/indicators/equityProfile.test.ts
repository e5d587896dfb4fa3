import { describe, expect, it } from 'vitest';
import { equityProfile } from '../../src/indicators/equityProfile.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

describe('equityProfile', () => {
  // Cell 2 has no population figure and cell 3 no residents: neither weighs in anywhere.
  const population = [1000, 3000, Number.NaN, 0];
  const selected = Uint8Array.of(1, 0, 1, 1);
  const profile = equityProfile(
    population,
    {
      pct_black: { values: [60, 20, 90, 50], kind: 'share', label: 'Black' },
      pct_white: { values: [30, Number.NaN, 5, 40], kind: 'share' },
      median_income: {
        values: [30_000, 70_000, 50_000, Number.NaN],
        kind: 'level',
        label: 'Median household income',
        unit: 'USD',
      },
    },
    selected,
  );

  it('counts the residents of the selection and of the study area, NaN as none', () => {
    expect(profile.selectedPopulation).toBe(1000);
    expect(profile.totalPopulation).toBe(4000);
  });

  it('averages a share over residents: 60 % in the selection against 30 % overall, ratio 2, half the group reached', () => {
    expect(profile.rows[0]).toEqual({
      name: 'pct_black',
      label: 'Black',
      kind: 'share',
      selected: 60,
      all: 30,
      ratio: 2,
      reach: 0.5,
      unit: '%',
    });
  });

  it('skips cells where the attribute is missing, in the selection and in the whole', () => {
    const row = profile.rows[1];
    expect([row.selected, row.all, row.ratio, row.reach]).toEqual([30, 30, 1, 1]);
    expect(row.label).toBe('pct_white');
  });

  it('averages a level over residents, with its unit and no reach', () => {
    const row = profile.rows[2];
    expect(row.selected).toBe(30_000);
    expect(row.all).toBe(60_000); // (1000 × 30,000 + 3000 × 70,000) / 4000
    expect(row.ratio).toBe(0.5);
    expect(row.reach).toBeNaN();
    expect(row.unit).toBe('USD');
  });

  it('gives NaN means and a reach of 0 when nothing is selected', () => {
    const none = equityProfile(
      [10, 20],
      { a: { values: [50, 50], kind: 'share' } },
      new Uint8Array(2),
    );
    expect(none.selectedPopulation).toBe(0);
    expect(none.rows[0].selected).toBeNaN();
    expect(none.rows[0].ratio).toBeNaN();
    expect(none.rows[0].reach).toBe(0);
    expect(none.rows[0].all).toBe(50);
  });

  it('keeps shares that add up to 100 adding up to 100, and reach = ratio × selected / total residents', () => {
    const random = mulberry32(5);
    const n = 200;
    const groups = ['a', 'b', 'c', 'd'];
    const parts = groups.map(() => new Float64Array(n));
    const pop = Float64Array.from({ length: n }, () => Math.floor(random() * 5000));
    const mask = Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
    for (let i = 0; i < n; i++) {
      const raw = groups.map(() => random());
      const sum = raw.reduce((s, v) => s + v, 0);
      raw.forEach((v, g) => {
        parts[g][i] = (100 * v) / sum;
      });
    }
    const result = equityProfile(
      pop,
      Object.fromEntries(groups.map((g, k) => [g, { values: parts[k], kind: 'share' as const }])),
      mask,
    );
    const selectedSum = result.rows.reduce((s, r) => s + r.selected, 0);
    const allSum = result.rows.reduce((s, r) => s + r.all, 0);
    expectClose(selectedSum, 100, 1e-9, 'selected shares');
    expectClose(allSum, 100, 1e-9, 'all shares');
    for (const row of result.rows)
      expectClose(
        row.reach,
        (row.ratio * result.selectedPopulation) / result.totalPopulation,
        1e-12,
        row.name,
      );
  });

  it('rejects mismatched lengths, negative populations, shares beyond 100 and unknown kinds with E_ARGUMENT', () => {
    const share = { values: [10, 20], kind: 'share' as const };
    expect(codeOf(() => equityProfile([1, 2], { share }, Uint8Array.of(1)))).toBe('E_ARGUMENT');
    expect(codeOf(() => equityProfile([1], { share }, Uint8Array.of(1)))).toBe('E_ARGUMENT');
    expect(codeOf(() => equityProfile([1, -2], { share }, Uint8Array.of(1, 0)))).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        equityProfile([1, 2], { share: { values: [10, 120], kind: 'share' } }, Uint8Array.of(1, 0)),
      ),
    ).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        equityProfile(
          [1, 2],
          { x: { values: [1, 2], kind: 'count' as unknown as 'level' } },
          Uint8Array.of(1, 0),
        ),
      ),
    ).toBe('E_ARGUMENT');
  });
});
