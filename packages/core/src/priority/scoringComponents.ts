import type { HexreachConfig } from '../config/configSchema.js';
import type { PartnerAccess } from '../indicators/partnerAccess.js';
import type { TrustResult } from '../indicators/trustByCell.js';
import type { VulnerabilityResult } from '../indicators/vulnerabilityIndex.js';
import type { GiStarResult } from '../stats/giStar.js';
import { cellReasonPhrases } from './cellReasonPhrases.js';
import { normalize } from './normalize.js';
import { percentileRank } from './percentileRank.js';
import { reasonColumns } from './reasonColumns.js';

/** A priority component the analysis can score, and what it gives each cell. */
export interface ScoringComponent {
  /** `hotspot`, `crimeRate`, `need`, `trustDeficit` or `partnerGap`. */
  readonly name: string;
  /** Its raw value per cell (higher = more priority), by reference (e.g. `hotspots.z`). */
  readonly values: ArrayLike<number>;
  /** The values normalised as configured (`priority.normalization`); NaN where unknown. */
  readonly normalized: Float64Array;
  /**
   * Its percentile rank per cell (0–1), which the reasons quote: `normalized` itself with
   * percentile normalisation.
   */
  readonly percentile: Float64Array;
  /** Each cell's reason in words should the component weigh in (`cellReasonPhrases`), else undefined. */
  readonly reasons: readonly (string | undefined)[];
}

/**
 * The priority components an analysis can score — hotspot always; crime rate with a population,
 * need with indicators, trust deficit with surveys, partner gap with organizations — each
 * normalised, ranked and worded once, whatever its weight: a new weighting neither ranks nor
 * words anything again.
 *
 * @example
 * ```ts
 * const components = scoringComponents(result, result.config);
 * components.map((c) => c.name); // ['hotspot', 'crimeRate', 'need']
 * ```
 */
export function scoringComponents(
  parts: {
    readonly populationAttribute: string | undefined;
    readonly rate: Float64Array;
    readonly smoothedRate: Float64Array | undefined;
    readonly hotspots: GiStarResult;
    readonly vulnerability: VulnerabilityResult | undefined;
    readonly trust: TrustResult | undefined;
    readonly partners: PartnerAccess | undefined;
  },
  config: HexreachConfig,
): ScoringComponent[] {
  const { hotspots, vulnerability, trust, partners } = parts;
  const available: { name: string; values: ArrayLike<number> }[] = [
    { name: 'hotspot', values: hotspots.z },
  ];
  if (parts.populationAttribute !== undefined)
    available.push({ name: 'crimeRate', values: parts.smoothedRate ?? parts.rate });
  if (vulnerability !== undefined) available.push({ name: 'need', values: vulnerability.index });
  if (trust !== undefined) available.push({ name: 'trustDeficit', values: trust.deficit });
  if (partners !== undefined)
    available.push({ name: 'partnerGap', values: partners.nearestAnyMeters });
  const method = config.priority.normalization;
  const normalized = available.map((c) => normalize(c.values, method));
  // Reasons quote percentiles whatever the normalisation.
  const percentile =
    method === 'percentile' ? normalized : normalized.map((values) => percentileRank(values));
  const phrases = cellReasonPhrases({
    ...reasonColumns(parts, config),
    normalized: Object.fromEntries(available.map((c, k) => [c.name, percentile[k]])),
  });
  return available.map((c, k) => ({
    name: c.name,
    values: c.values,
    normalized: normalized[k],
    percentile: percentile[k],
    reasons: phrases[c.name],
  }));
}
