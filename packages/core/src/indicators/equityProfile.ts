import { assertArgument } from '../errors.js';

/** One demographic attribute per cell, for {@link equityProfile}. */
export interface EquityAttribute {
  /** One value per cell; NaN where unknown. */
  readonly values: ArrayLike<number>;
  /**
   * `share`: a percentage of residents, 0–100 (race/ethnicity, age groups), as ACS tables give
   * them; `level`: a quantity per area (median household income, median age).
   */
  readonly kind: 'share' | 'level';
  /** Words for the report (default: the attribute's name). */
  readonly label?: string;
  /** Unit for the report (default `%` for a share, none for a level). */
  readonly unit?: string;
}

/** One line of the equity table. */
export interface EquityRow {
  /** The attribute's name (its key in `attributes`). */
  readonly name: string;
  /** The attribute's label, or its name. */
  readonly label: string;
  /** Whether the attribute is a `share` or a `level`. */
  readonly kind: 'share' | 'level';
  /** Population-weighted mean over the selected cells; NaN when no selected resident has a value. */
  readonly selected: number;
  /** Population-weighted mean over every cell; NaN when no resident has a value. */
  readonly all: number;
  /**
   * Representation index `selected / all`: above 1 the group is over-represented among the
   * residents reached, below 1 under-represented; NaN unless `all` > 0.
   */
  readonly ratio: number;
  /**
   * For a share: the fraction (0–1) of the group's residents in the study area who live in the
   * selected cells, Σ_sel p·v / Σ_all p·v (whom outreach reaches and whom it misses); NaN for a
   * level or when the group has no residents.
   */
  readonly reach: number;
  /** The unit of `selected` and `all`. */
  readonly unit: string;
}

/** Result of {@link equityProfile}. */
export interface EquityProfile {
  /** One row per attribute, in the order of `attributes`. */
  readonly rows: readonly EquityRow[];
  /** Residents of the selected cells (NaN populations count as 0). */
  readonly selectedPopulation: number;
  /** Residents of every cell (NaN populations count as 0). */
  readonly totalPopulation: number;
}

/**
 * The equity report: the demographic make-up of the residents of the selected cells (the zones)
 * against the whole study area, so that a department sees whom its outreach reaches and whom it
 * misses. Each attribute is averaged over residents, Σ pᵢvᵢ / Σ pᵢ, over the cells with a value
 * and residents (NaN values and NaN populations are skipped, never read as 0), in the selection
 * and in all cells; their ratio is the representation index.
 *
 * For shares the population-weighted mean is exact: it is the group's share of the residents
 * counted. For levels it is an approximation: a median (e.g. household income) cannot be
 * aggregated, and the population-weighted mean of area medians is not the median of the pooled
 * residents (nor is income per household weighted by households); it shows the direction and
 * rough size of a difference, not a published statistic.
 *
 * @param population - residents per cell (NaN where unknown, else ≥ 0)
 * @param attributes - demographic columns by name, each a `share` (0–100) or a `level`
 * @param selected - one entry per cell, non-zero when selected (e.g. `zoneOfCell >= 0`)
 * @returns a row per attribute and the residents of the selection and of the study area
 * @throws HexreachError `E_ARGUMENT` when a column does not have one entry per cell, a population
 *   is negative, or a share lies outside [0, 100]
 * @example
 * ```ts
 * const profile = equityProfile(
 *   [1000, 3000],
 *   { pct_black: { values: [60, 20], kind: 'share', label: 'Black' } },
 *   Uint8Array.from([1, 0]),
 * );
 * profile.rows[0]; // { selected: 60, all: 30, ratio: 2, reach: 0.5, unit: '%', … }
 * ```
 */
export function equityProfile(
  population: ArrayLike<number>,
  attributes: Readonly<Record<string, EquityAttribute>>,
  selected: Uint8Array,
): EquityProfile {
  const fn = 'equityProfile';
  const n = population.length;
  assertArgument(
    selected.length === n,
    fn,
    `selected has ${selected.length} entries for ${n} cells`,
    selected.length,
  );
  let selectedPopulation = 0;
  let totalPopulation = 0;
  for (let i = 0; i < n; i++) {
    const p = population[i];
    // Checked before the message is built: these loops run once per cell.
    if (!(Number.isNaN(p) || p >= 0)) {
      assertArgument(false, fn, `population[${i}] = ${p} is negative`, { index: i, value: p });
    }
    if (Number.isNaN(p)) continue;
    totalPopulation += p;
    if (selected[i] !== 0) selectedPopulation += p;
  }

  const rows: EquityRow[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    const { values, kind } = attribute;
    assertArgument(
      kind === 'share' || kind === 'level',
      fn,
      `attribute "${name}" has kind ${String(kind)}; use 'share' or 'level'`,
      kind,
    );
    assertArgument(
      values.length === n,
      fn,
      `attribute "${name}" has ${values.length} values for ${n} cells`,
      name,
    );
    let inSelection = 0;
    let residentsInSelection = 0;
    let inAll = 0;
    let residentsInAll = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (!(kind !== 'share' || Number.isNaN(v) || (v >= 0 && v <= 100))) {
        assertArgument(
          false,
          fn,
          `attribute "${name}" is a share (0–100) but has ${v} at cell ${i}`,
          { name, index: i, value: v },
        );
      }
      const p = population[i];
      if (Number.isNaN(v) || Number.isNaN(p) || p === 0) continue;
      inAll += p * v;
      residentsInAll += p;
      if (selected[i] !== 0) {
        inSelection += p * v;
        residentsInSelection += p;
      }
    }
    const meanSelected = residentsInSelection > 0 ? inSelection / residentsInSelection : Number.NaN;
    const meanAll = residentsInAll > 0 ? inAll / residentsInAll : Number.NaN;
    rows.push({
      name,
      label: attribute.label ?? name,
      kind,
      selected: meanSelected,
      all: meanAll,
      ratio: meanAll > 0 ? meanSelected / meanAll : Number.NaN,
      reach: kind === 'share' && inAll > 0 ? inSelection / inAll : Number.NaN,
      unit: attribute.unit ?? (kind === 'share' ? '%' : ''),
    });
  }
  return { rows, selectedPopulation, totalPopulation };
}
