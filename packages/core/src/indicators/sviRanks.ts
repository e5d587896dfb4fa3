import { assertArgument } from '../errors.js';
import { getOwn } from '../util/getOwn.js';
import { detectSviVintage } from './detectSviVintage.js';
import { percentRankInc } from './percentRankInc.js';
import { SVI_THEMES, type SviTheme, type SviVintage } from './sviVariables.js';

/** Options of {@link sviRanks}. */
export interface SviRanksOptions {
  /** The vintage, instead of detecting it from the column names. */
  readonly vintage?: SviVintage;
  /** Residents per tract (`E_TOTPOP`): tracts with none are not ranked (CDC's rule). */
  readonly population?: ArrayLike<number>;
  /** The code for "no data" (default −999, CDC's): such values are missing, not numbers. */
  readonly missingValue?: number;
}

/** One theme's sum and rank, CDC's `SPL_THEMEn`, `RPL_THEMEn` and `F_THEMEn`. */
export interface SviThemeRanks {
  /** The theme's variables (`EP_*`), in CDC's order. */
  readonly variables: readonly string[];
  /** Sum of the variables' ranks; NaN where one is missing (CDC writes −999). */
  readonly sum: Float64Array;
  /** `sum` ranked by `PERCENTRANK.INC`, 4 digits. */
  readonly rank: Float64Array;
  /** Variables of the theme at or above the 90th percentile. */
  readonly flags: Uint8Array;
}

/** Result of {@link sviRanks}: every column has one entry per tract, NaN where not ranked. */
export interface SviRanks {
  readonly vintage: SviVintage;
  /** Each variable's rank (`EPL_*`), by its `EP_*` name; per-capita income reversed. */
  readonly variables: ReadonlyMap<string, Float64Array>;
  /** Each theme's sum, rank and flags, in CDC's order (theme 1 first). */
  readonly themes: ReadonlyMap<SviTheme, SviThemeRanks>;
  /** Sum of the theme sums (`SPL_THEMES`). */
  readonly sum: Float64Array;
  /** The overall SVI (`RPL_THEMES`). */
  readonly rank: Float64Array;
  /** Every variable at or above the 90th percentile (`F_TOTAL`). */
  readonly flags: Uint8Array;
  /** Values equal to the no-data code, by variable (only variables that have some). */
  readonly missing: ReadonlyMap<string, number>;
}

const DIGITS = 4;
const SCALE = 10 ** DIGITS;

/**
 * Ranks census tracts by the CDC/ATSDR SVI method, on the tracts alone (no cells): each
 * variable's `PERCENTRANK.INC` to 4 digits, truncated ((rank − 1)/(n − 1), ties at the lowest
 * rank; per-capita income as 1 − its rank, higher income being less vulnerable); each theme's
 * ranks summed and the sums ranked the same way; the theme sums summed and ranked for the
 * overall SVI (CDC/ATSDR SVI 2022 Documentation, "Overall tract rankings"; 2018 likewise).
 * Values of −999 are missing: the variable is ranked among the tracts that have it, and the
 * tract gets no theme sum or overall rank (CDC's −999), never a rank computed from a 0. Tracts
 * with no residents are not ranked. Sums are exact (in units of 10⁻⁴), so ties stay ties.
 *
 * @param columns - the tract file's `EP_*` columns by name (others are ignored)
 * @param options - vintage, residents per tract, the no-data code
 * @returns each variable's, theme's and the overall rank per tract
 * @throws HexreachError `E_INPUT` when a variable of the vintage is missing (see
 *   `detectSviVintage`); `E_ARGUMENT` when the columns' lengths differ
 * @example
 * ```ts
 * const svi = sviRanks(tracts.attributes, { population: tracts.attributes.E_TOTPOP });
 * svi.rank; // RPL_THEMES per tract
 * svi.themes.get('socioeconomic')?.rank; // RPL_THEME1
 * ```
 */
export function sviRanks(
  columns: Readonly<Record<string, ArrayLike<number>>>,
  options: SviRanksOptions = {},
): SviRanks {
  const { vintage, variables } = detectSviVintage(
    Object.keys(columns),
    'sviRanks',
    options.vintage,
  );
  const noData = options.missingValue ?? -999;
  const n = (getOwn(columns, variables[0].name) as ArrayLike<number>).length;
  const population = options.population;
  assertArgument(
    population === undefined || population.length === n,
    'sviRanks',
    `population has ${population?.length} entries for ${n} tracts`,
  );
  const include = Uint8Array.from({ length: n }, (_, i) =>
    population === undefined || population[i] > 0 ? 1 : 0,
  );
  const ranks = new Map<string, Float64Array>();
  const units = new Map<string, Int32Array>();
  const missing = new Map<string, number>();
  for (const v of variables) {
    const raw = getOwn(columns, v.name) as ArrayLike<number>;
    assertArgument(
      raw.length === n,
      'sviRanks',
      `${v.name} has ${raw.length} values, expected ${n}`,
    );
    let codes = 0;
    const values = Float64Array.from(raw, (x) => {
      if (x !== noData) return x;
      codes++;
      return Number.NaN;
    });
    if (codes > 0) missing.set(v.name, codes);
    const rank = percentRankInc(values, { significance: DIGITS, include });
    // Ranks as whole units of 10^-4 (exact: each is the double nearest k/10^4).
    const unit = Int32Array.from(rank, (r) => (Number.isNaN(r) ? -1 : Math.round(r * SCALE)));
    if (v.direction === 'lower') {
      for (let i = 0; i < n; i++) if (unit[i] >= 0) unit[i] = SCALE - unit[i];
    }
    units.set(v.name, unit);
    ranks.set(
      v.name,
      Float64Array.from(unit, (u) => (u < 0 ? Number.NaN : u / SCALE)),
    );
  }
  const themes = new Map<SviTheme, SviThemeRanks>();
  const total = new Float64Array(n);
  const flags = new Uint8Array(n);
  for (const theme of SVI_THEMES) {
    const members = variables.filter((v) => v.theme === theme).map((v) => v.name);
    const sum = sumOfUnits(
      members.map((name) => units.get(name) as Int32Array),
      n,
    );
    const themeFlags = flagsOf(
      members.map((name) => units.get(name) as Int32Array),
      n,
    );
    for (let i = 0; i < n; i++) {
      total[i] += sum[i];
      flags[i] += themeFlags[i];
    }
    themes.set(theme, {
      variables: members,
      sum: Float64Array.from(sum, (u) => u / SCALE),
      rank: percentRankInc(sum, { significance: DIGITS }),
      flags: themeFlags,
    });
  }
  return {
    vintage,
    variables: ranks,
    themes,
    sum: Float64Array.from(total, (u) => u / SCALE),
    rank: percentRankInc(total, { significance: DIGITS }),
    flags,
    missing,
  };
}

/** Each tract's sum of ranks in units of 10⁻⁴; NaN when one of them is missing. */
function sumOfUnits(members: readonly Int32Array[], n: number): Float64Array {
  const sum = new Float64Array(n);
  for (const unit of members) {
    for (let i = 0; i < n; i++) sum[i] = unit[i] < 0 ? Number.NaN : sum[i] + unit[i];
  }
  return sum;
}

/** The number of ranks at or above the 90th percentile (CDC's flags). */
function flagsOf(members: readonly Int32Array[], n: number): Uint8Array {
  const flags = new Uint8Array(n);
  for (const unit of members) {
    for (let i = 0; i < n; i++) if (unit[i] >= 0.9 * SCALE) flags[i]++;
  }
  return flags;
}
