import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { percentRankInc } from '../../src/indicators/percentRankInc.js';
import { sviRanks } from '../../src/indicators/sviRanks.js';
import { collectPropertyNames } from '../../src/io/collectPropertyNames.js';
import { getFeatures } from '../../src/io/getFeatures.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { expectAllClose } from '../helpers/tolerance.js';

const NaN_ = Number.NaN;

/** A fixture tract file with every property read as a number column (FIPS aside). */
function tracts(file: string) {
  const data = JSON.parse(
    readFileSync(new URL(`../fixtures/svi/${file}`, import.meta.url), 'utf8'),
  ) as unknown;
  const names = collectPropertyNames(getFeatures(data, file)).filter((n) => n !== 'FIPS');
  return readAreasGeoJson(data, { source: file, attributes: names.map((name) => ({ name })) }).data
    .attributes;
}

describe('percentRankInc', () => {
  it("truncates as Excel's PERCENTRANK.INC does (Microsoft's example: 4 → 0.555)", () => {
    const data = [13, 12, 11, 8, 4, 3, 2, 1, 1, 1];
    const ranks = percentRankInc(data, { significance: 3 });
    expect(ranks[4]).toBe(0.555); // 5/9 = 0.5555…, truncated
    expect(ranks[6]).toBe(0.333); // 3 below, ties at 1 share rank 0
    expect(ranks[7]).toBe(0);
    expect(ranks[0]).toBe(1);
  });

  it('leaves missing values out of n and gives them NaN', () => {
    expectAllClose(percentRankInc([3, NaN_, 1, 2]), [1, NaN_, 0, 0.5], 0);
  });

  it('refuses a significance Excel would not take', () => {
    expect(codeOf(() => percentRankInc([1, 2], { significance: 0 }))).toBe('E_ARGUMENT');
  });
});

// Expected values: packages/core/test/fixtures/svi/makeSviFixture.R (base R, independent of
// this code), which made the fixtures and printed these ranks.
describe('sviRanks (CDC/ATSDR method on tracts alone)', () => {
  it('ranks the SVI 2020/2022 fixture as CDC documents, -999 and empty tracts unranked', () => {
    const columns = tracts('svi2020_tracts.geojson');
    const svi = sviRanks(columns, { population: columns.E_TOTPOP });
    expect(svi.vintage).toBe('2020-2022');
    const v = (name: string) => svi.variables.get(name) as Float64Array;
    expectAllClose(
      v('EP_UNINSUR'),
      [0.5714, 0.8571, NaN_, 1, 0.4285, 0.1428, NaN_, 0, 0.7142, 0.2857],
      1e-12,
    );
    expectAllClose(v('EP_MUNIT'), [0.25, 0.75, 0.125, 0.625, 0, 0.375, NaN_, 1, 0.75, 0.5], 1e-12);
    expectAllClose(v('EP_CROWD'), [0.5, 0.25, 1, 0.875, 0, 0.375, NaN_, 0.625, 0.125, 0.75], 1e-12);
    const theme = (name: 'socioeconomic' | 'household' | 'minority' | 'housing') =>
      svi.themes.get(name)!;
    expectAllClose(
      theme('socioeconomic').sum,
      [3.8214, 2.9821, NaN_, 2.875, 1.9285, 1.0178, NaN_, 1.375, 3.0892, 1.7857],
      1e-12,
    );
    expectAllClose(
      theme('socioeconomic').rank,
      [1, 0.7142, NaN_, 0.5714, 0.4285, 0, NaN_, 0.1428, 0.8571, 0.2857],
      1e-12,
    );
    expectAllClose(
      theme('household').sum,
      [3.375, 2.625, 2.125, 3.25, 2.5, 0.875, NaN_, 2.125, 3.375, 2.25],
      1e-12,
    );
    expectAllClose(
      theme('household').rank,
      [0.875, 0.625, 0.125, 0.75, 0.5, 0, NaN_, 0.125, 0.875, 0.375],
      1e-12,
    );
    expectAllClose(
      theme('minority').rank,
      [0.125, 0, 0.25, 0.625, 0.875, 0.75, NaN_, 0.375, 0.5, 1],
      1e-12,
    );
    expectAllClose(
      theme('housing').sum,
      [2, 3, 2.125, 3.875, 1.875, 2.25, NaN_, 2.75, 1.625, 2.875],
      1e-12,
    );
    expectAllClose(
      theme('housing').rank,
      [0.25, 0.875, 0.375, 1, 0.125, 0.5, NaN_, 0.625, 0, 0.75],
      1e-12,
    );
    expectAllClose(
      svi.sum,
      [9.3214, 8.6071, NaN_, 10.625, 7.1785, 4.8928, NaN_, 6.625, 8.5892, 7.9107],
      1e-12,
    );
    expectAllClose(
      svi.rank,
      [0.8571, 0.7142, NaN_, 1, 0.2857, 0, NaN_, 0.1428, 0.5714, 0.4285],
      1e-12,
    );
    // -999 is counted as missing: UNINSUR in tract 3, every variable of the empty tract 7.
    expect(svi.missing.get('EP_UNINSUR')).toBe(2);
    expect(svi.missing.get('EP_POV150')).toBe(1);
  });

  it('ranks the SVI 2014–2018 fixture, per-capita income reversed', () => {
    const columns = tracts('svi2018_tracts.geojson');
    const svi = sviRanks(columns, { population: columns.E_TOTPOP });
    expect(svi.vintage).toBe('2014-2018');
    // 1 − PERCENTRANK.INC(EP_PCI): tracts 4 and 6 have the same income and share the rank.
    expectAllClose(
      svi.variables.get('EP_PCI')!,
      [1, 0.1429, 0.7143, 0.4286, 0.8572, 0.4286, 0.5715, 0],
      1e-12,
    );
    expectAllClose(
      svi.themes.get('socioeconomic')!.sum,
      [3.1427, 0.7142, 2, 2.7142, 2.5714, 1.7142, 1.857, 1.4285],
      1e-12,
    );
    expectAllClose(
      svi.themes.get('household')!.rank,
      [0, 0.5714, 0.2857, 0.8571, 0.4285, 1, 0.1428, 0.7142],
      1e-12,
    );
    // Theme 3 is minority status and language before 2020; tracts 2 and 5 tie at 0.9999.
    expectAllClose(
      svi.themes.get('minority')!.sum,
      [0.4285, 0.9999, 1.1428, 1.5713, 0.9999, 1.5714, 0.7142, 0.5714],
      1e-12,
    );
    expectAllClose(
      svi.themes.get('minority')!.rank,
      [0, 0.4285, 0.7142, 0.8571, 0.4285, 1, 0.2857, 0.1428],
      1e-12,
    );
    expectAllClose(
      svi.themes.get('housing')!.rank,
      [0.4285, 0.7142, 0.8571, 0.2857, 0.1428, 0, 1, 0.5714],
      1e-12,
    );
    expectAllClose(svi.sum, [6.7137, 6.8565, 8.4283, 8.571, 6.9995, 7.4281, 7.8565, 6.8568], 1e-12);
    expectAllClose(svi.rank, [0, 0.1428, 0.8571, 1, 0.4285, 0.5714, 0.7142, 0.2857], 1e-12);
  });

  it('refuses a file that lacks one of the vintage’s variables, naming it', () => {
    const columns = { ...tracts('svi2020_tracts.geojson') };
    delete columns.EP_NOVEH;
    const error = thrownBy(() => sviRanks(columns));
    expect(error.code).toBe('E_INPUT');
    expect(error.value).toEqual(['EP_NOVEH']);
  });
});
