import type { HexreachConfig } from '../config/configSchema.js';
import type { PartnerAccess } from '../indicators/partnerAccess.js';
import type { TrustResult } from '../indicators/trustByCell.js';
import type { VulnerabilityResult } from '../indicators/vulnerabilityIndex.js';
import type { GiStarResult } from '../stats/giStar.js';
import type { CellReasonPhrasesInput } from './cellReasonPhrases.js';

/**
 * The columns and words the reasons quote besides the components' percentiles: the Gi* bin,
 * the need index and its indicator ranks, the trust answers, the partners.
 *
 * @example
 * ```ts
 * cellReasonPhrases({ ...reasonColumns(result, config), normalized });
 * ```
 */
export function reasonColumns(
  parts: {
    readonly hotspots: GiStarResult;
    readonly vulnerability: VulnerabilityResult | undefined;
    readonly trust: TrustResult | undefined;
    readonly partners: PartnerAccess | undefined;
  },
  config: HexreachConfig,
): Omit<CellReasonPhrasesInput, 'normalized'> {
  const { hotspots, vulnerability, trust, partners } = parts;
  return {
    giBin: hotspots.bin,
    needIndex: vulnerability?.index,
    needRanks: vulnerability?.ranks,
    indicatorLabels: Object.fromEntries(
      config.indicators.flatMap((i) => (i.label === undefined ? [] : [[i.name, i.label]])),
    ),
    trustMean: trust?.mean,
    trustResponses: trust?.responses,
    trustScaleMax: config.trust.scaleMax,
    partners,
  };
}
