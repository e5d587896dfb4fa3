import { assertArgument } from '../errors.js';

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

/** Confidence of Gi* bins 1, 2 and 3. */
const CONFIDENCE = [90, 95, 99] as const;

/** Organization types that are nouns on their own; any other reads as "<type> organization". */
const NOUN_TYPES = new Set(['business', 'church', 'clinic', 'library', 'nonprofit', 'school']);

/** How many flagged indicators to name before "and n more". */
const MAX_INDICATORS = 3;

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
 * inputs alone.
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
  const minPercentile = options.minPercentile ?? 0.5;
  const flagAt = input.flagAt ?? 0.9;
  const scaleMax = input.trustScaleMax ?? 5;
  const n = input.giBin.length;
  assertArgument(
    Number.isInteger(max) && max >= 0,
    fn,
    `max must be an integer >= 0, got ${max}`,
    max,
  );
  assertArgument(
    minPercentile >= 0 && minPercentile <= 1,
    fn,
    `minPercentile must be in [0, 1], got ${minPercentile}`,
    minPercentile,
  );
  assertArgument(flagAt > 0 && flagAt <= 1, fn, `flagAt must be in (0, 1], got ${flagAt}`, flagAt);
  const components = Object.keys(input.contributions);
  const checkLength = (column: ArrayLike<number> | undefined, name: string) =>
    assertArgument(
      column === undefined || column.length === n,
      fn,
      `${name} has ${column?.length} values, expected ${n} (one per cell, as giBin)`,
      name,
    );
  for (const name of components) {
    const percentile = input.normalized[name];
    assertArgument(
      percentile !== undefined,
      fn,
      `normalized has no column for the component "${name}"`,
      name,
    );
    checkLength(input.contributions[name], `contributions.${name}`);
    checkLength(percentile, `normalized.${name}`);
    for (let i = 0; i < n; i++) {
      const p = percentile[i];
      assertArgument(
        Number.isNaN(p) || (p >= 0 && p <= 1),
        fn,
        `normalized.${name}[${i}] = ${p} is not a percentile in [0, 1]; rank the component first`,
        { name, index: i, value: p },
      );
    }
  }
  checkLength(input.needIndex, 'needIndex');
  checkLength(input.trustMean, 'trustMean');
  checkLength(input.trustResponses, 'trustResponses');
  for (const [name, ranks] of Object.entries(input.needRanks ?? {}))
    checkLength(ranks, `needRanks.${name}`);
  const partners = input.partners;
  const partnerTypes = partners?.types ?? Object.keys(partners?.withinRadius ?? {});
  if (partners !== undefined) {
    assertArgument(
      partners.radiusMeters > 0 && Number.isFinite(partners.radiusMeters),
      fn,
      `partners.radiusMeters must be > 0, got ${partners.radiusMeters}`,
      partners.radiusMeters,
    );
    for (const type of partnerTypes) {
      assertArgument(
        partners.withinRadius[type] !== undefined,
        fn,
        `partners.withinRadius has no column for the type "${type}"`,
        type,
      );
      checkLength(partners.withinRadius[type], `partners.withinRadius.${type}`);
    }
  }

  const indicators = Object.keys(input.needRanks ?? {});
  const reasons: string[][] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    order.length = 0;
    let scored = false;
    for (let c = 0; c < components.length; c++) {
      const name = components[c];
      const p = input.normalized[name][i];
      if (Number.isNaN(p)) continue;
      scored = true;
      const significant = name === 'hotspot' && input.giBin[i] > 0;
      if (input.contributions[name][i] > 0 && (p >= minPercentile || significant)) order.push(c);
    }
    if (!scored) {
      reasons.push([]);
      continue;
    }
    // Largest contribution first; equal contributions keep the components' order.
    order.sort(
      (a, b) =>
        input.contributions[components[b]][i] - input.contributions[components[a]][i] || a - b,
    );
    const words: string[] = [];
    for (let k = 0; k < order.length && words.length < max; k++) {
      const name = components[order[k]];
      const p = input.normalized[name][i];
      switch (name) {
        case 'hotspot':
          words.push(
            input.giBin[i] > 0
              ? `significant hotspot (${CONFIDENCE[Math.min(input.giBin[i], 3) - 1]} % confidence)`
              : `${rankPhrase(p, 'incident clustering')}, not a significant hotspot`,
          );
          break;
        case 'crimeRate':
          words.push(rankPhrase(p, 'crime rate'));
          break;
        case 'need': {
          const need = input.needIndex?.[i] ?? Number.NaN;
          words.push(needPhrase(i, Number.isNaN(need) ? p : need, indicators, flagAt, input));
          break;
        }
        case 'trustDeficit':
          words.push(trustPhrase(i, p, scaleMax, input));
          break;
        case 'partnerGap':
          words.push(partnerPhrase(i, p, partnerTypes, input));
          break;
        default:
          words.push(rankPhrase(p, input.componentLabels?.[name] ?? name));
      }
    }
    reasons.push(words);
  }
  return reasons;
}

/** `1st`, `2nd`, `3rd`, `4th`, … `11th`, `12th`, `13th`, … `21st`. */
function ordinal(k: number): string {
  const teens = k % 100;
  if (teens >= 11 && teens <= 13) return `${k}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th';
  return `${k}${suffix}`;
}

/** The whole percentile at or below p, as an ordinal (p = 0.944 → `94th`). */
function percentileOrdinal(p: number): string {
  // The 1e-9 keeps p = 0.29 (28.999… × 100 in binary) from reading as the 28th.
  return ordinal(Math.floor(p * 100 + 1e-9));
}

/** Where a percentile places a cell: the highest, the top k % (p ≥ 0.9), or the nth percentile. */
function rankPhrase(p: number, subject: string): string {
  if (p >= 1) return `highest ${subject} in the study area`;
  if (p >= 0.9) return `top ${Math.max(1, Math.ceil((1 - p) * 100 - 1e-9))} % for ${subject}`;
  return `${percentileOrdinal(p)} percentile for ${subject}`;
}

/** `94th percentile need (poverty rate, no vehicle ≥ 90th percentile)`, indicators highest first. */
function needPhrase(
  i: number,
  need: number,
  indicators: readonly string[],
  flagAt: number,
  input: CellReasonsInput,
): string {
  const head =
    need >= 1 ? 'highest need in the study area' : `${percentileOrdinal(need)} percentile need`;
  const flagged: { name: string; rank: number; at: number }[] = [];
  indicators.forEach((name, at) => {
    const rank = input.needRanks![name][i];
    if (rank >= flagAt) flagged.push({ name, rank, at });
  });
  if (flagged.length === 0) return head;
  flagged.sort((a, b) => b.rank - a.rank || a.at - b.at);
  const named = flagged
    .slice(0, MAX_INDICATORS)
    .map((f) => input.indicatorLabels?.[f.name] ?? f.name)
    .join(', ');
  const more =
    flagged.length > MAX_INDICATORS ? ` and ${flagged.length - MAX_INDICATORS} more` : '';
  return `${head} (${named}${more} ≥ ${ordinal(Math.round(flagAt * 100))} percentile)`;
}

/** `low trust in police (2.1 of 5, 14 answers)`, or the deficit's rank without a mean. */
function trustPhrase(i: number, p: number, scaleMax: number, input: CellReasonsInput): string {
  const subject = input.trustSubject ?? 'trust in police';
  const mean = input.trustMean?.[i] ?? Number.NaN;
  if (Number.isNaN(mean)) return rankPhrase(p, `low ${subject}`);
  const responses = input.trustResponses?.[i];
  const count =
    responses === undefined ? '' : `, ${responses} ${responses === 1 ? 'answer' : 'answers'}`;
  return `low ${subject} (${mean.toFixed(1)} of ${scaleMax}${count})`;
}

/** `no youth organization within 1 km`, or the gap's rank when every type is near. */
function partnerPhrase(
  i: number,
  p: number,
  types: readonly string[],
  input: CellReasonsInput,
): string {
  const partners = input.partners;
  const missing =
    partners === undefined ? [] : types.filter((type) => partners.withinRadius[type][i] === 0);
  if (partners === undefined || missing.length === 0)
    return rankPhrase(p, input.componentLabels?.partnerGap ?? 'distance to partners');
  const within = `within ${formatDistance(partners.radiusMeters)}`;
  if (missing.length === types.length && types.length > 1)
    return `no partner organization ${within}`;
  const labels = missing.map(
    (type) =>
      input.partnerLabels?.[type] ??
      (NOUN_TYPES.has(type) || type.endsWith('organization') ? type : `${type} organization`),
  );
  const list =
    labels.length === 1
      ? labels[0]
      : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
  return `no ${list} ${within}`;
}

/** `800 m`, `1 km`, `1.5 km`. */
function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters)} m`;
  return `${Number((meters / 1000).toFixed(1))} km`;
}
