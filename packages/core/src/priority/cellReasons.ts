import { assertArgument } from '../errors.js';
import { getOwn } from '../util/getOwn.js';
import { cellReasonPhrases } from './cellReasonPhrases.js';
import { reasonsFromPhrases } from './reasonsFromPhrases.js';

/** Organizations within a radius of each cell, by type (`PartnerAccess` fits as it is). */
export interface PartnersWithinRadius {
  /** The types in the order they are named (default: the keys of `withinRadius`). */
  readonly types?: readonly string[];
  /** Organizations of each type within the radius, one entry per cell. */
  readonly withinRadius: Readonly<Record<string, ArrayLike<number>>>;
  /** The radius the counts were taken within, in metres. */
  readonly radiusMeters: number;
}

/** The per-cell columns {@link cellReasons} explains; every column has one entry per cell. */
export interface CellReasonsInput {
  /**
   * Each priority component's share of the score (`PriorityResult.contributions`). Components
   * named `hotspot`, `crimeRate`, `need`, `trustDeficit` and `partnerGap` get their own wording;
   * any other is named by `componentLabels` (default: its name).
   */
  readonly contributions: Readonly<Record<string, ArrayLike<number>>>;
  /**
   * Percentile rank (0–1) of each component, by the same names; NaN where the cell has none.
   * With percentile normalisation this is `PriorityResult.normalized`; with min-max or z-score
   * rank the raw components with `percentileRank` instead.
   */
  readonly normalized: Readonly<Record<string, ArrayLike<number>>>;
  /** Gi* confidence bins, −3…3 (`GiStarResult.bin`). */
  readonly giBin: Int8Array;
  /**
   * The need (vulnerability) index, 0–1, shown as the need percentile; where absent or NaN, the
   * `need` percentile of `normalized` is shown.
   */
  readonly needIndex?: ArrayLike<number>;
  /** Each need indicator's percentile rank (`VulnerabilityResult.ranks`), to name the flagged ones. */
  readonly needRanks?: Readonly<Record<string, ArrayLike<number>>>;
  /** Words for each indicator (e.g. `poverty_rate` → `poverty rate`); default: its name. */
  readonly indicatorLabels?: Readonly<Record<string, string>>;
  /** Indicator rank at or above which it is named as a driver of need (default 0.9, the SVI flag). */
  readonly flagAt?: number;
  /** Mean survey answer per cell (`TrustResult.mean`); NaN without answers. */
  readonly trustMean?: ArrayLike<number>;
  /** Survey answers per cell (`TrustResult.responses`). */
  readonly trustResponses?: ArrayLike<number>;
  /** The top of the answer scale, shown as "2.1 of 5" (default 5). */
  readonly trustScaleMax?: number;
  /** What the survey measured, as in "low trust in police" (default `trust in police`). */
  readonly trustSubject?: string;
  /** Organizations within the radius per type, to name the types missing near a cell. */
  readonly partners?: PartnersWithinRadius;
  /** Words for each organization type (e.g. `youth` → `youth organization`). */
  readonly partnerLabels?: Readonly<Record<string, string>>;
  /** Words for components without their own wording, by name. */
  readonly componentLabels?: Readonly<Record<string, string>>;
}

/** Options of {@link cellReasons}. */
export interface CellReasonsOptions {
  /** Most reasons per cell (default 3). */
  readonly max?: number;
  /**
   * A component is a reason only at or above this percentile (default 0.5): below the median it
   * lowers the score rather than explains it. A significant hot spot is a reason at any percentile.
   */
  readonly minPercentile?: number;
}

/**
 * The top reasons for each cell's priority, in plain words, ordered by the component
 * contributions (largest first), e.g. `significant hotspot (99 % confidence)`, `top 5 % for crime
 * rate`, `94th percentile need (poverty rate, median household income ≥ 90th percentile)`,
 * `low trust in police (2.1 of 5, 14 answers)`, `no youth organization within 1 km`.
 *
 * A component is a reason when its contribution is positive and its percentile is at least
 * `minPercentile`, or, for `hotspot`, when the cell is a significant hot spot (Gi* bin ≥ 1).
 * Percentiles read as in the SVI: p = (rank − 1)/(N − 1); "top k %" rounds 1 − p up to a whole
 * percent (p ≥ 0.9), "94th percentile" rounds p down, and p = 1 is "the highest … in the study
 * area". Ties between contributions keep the order of `contributions`. The result depends on the
 * inputs alone. The phrases are written by `cellReasonPhrases` and picked by
 * `reasonsFromPhrases`.
 *
 * @param input - per-cell contributions, percentiles, Gi* bins and the optional need, trust and
 *   partner columns that give the words their numbers
 * @param options - `max` reasons per cell (integer ≥ 0, default 3) and `minPercentile` (in [0, 1],
 *   default 0.5)
 * @returns for every cell its reasons, most important first; `[]` for a cell with no score (every
 *   component NaN) or nothing at or above `minPercentile`
 * @throws HexreachError `E_ARGUMENT` when a column's length differs from `giBin`'s, a component has
 *   no `normalized` column, a percentile lies outside [0, 1], or an option is out of range
 * @example
 * ```ts
 * const reasons = cellReasons({
 *   contributions: priority.contributions,
 *   normalized: priority.normalized,
 *   giBin: hotspots.bin,
 *   needIndex: vulnerability.index,
 *   needRanks: vulnerability.ranks,
 *   indicatorLabels: { poverty_rate: 'poverty rate' },
 * });
 * reasons[i];
 * // ['significant hotspot (99 % confidence)', '94th percentile need (poverty rate ≥ 90th percentile)']
 * ```
 */
export function cellReasons(input: CellReasonsInput, options: CellReasonsOptions = {}): string[][] {
  const fn = 'cellReasons';
  const max = options.max ?? 3;
  const n = input.giBin.length;
  assertArgument(
    Number.isInteger(max) && max >= 0,
    fn,
    `max must be an integer >= 0, got ${max}`,
    max,
  );
  const components = Object.keys(input.contributions);
  for (const name of components) {
    assertArgument(
      getOwn(input.normalized, name) !== undefined,
      fn,
      `normalized has no column for the component "${name}"`,
      name,
    );
    assertArgument(
      input.contributions[name].length === n,
      fn,
      `contributions.${name} has ${input.contributions[name].length} values, expected ${n} (one per cell, as giBin)`,
      name,
    );
  }
  // Only the components that contribute are worded (and their percentiles checked).
  const normalized = Object.fromEntries(components.map((name) => [name, input.normalized[name]]));
  const phrases = cellReasonPhrases(
    { ...input, normalized },
    { minPercentile: options.minPercentile },
  );
  return reasonsFromPhrases(phrases, input.contributions, { max });
}
