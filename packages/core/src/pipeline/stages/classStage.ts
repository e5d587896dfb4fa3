import type { PartnerAccess } from '../../indicators/partnerAccess.js';
import type { VulnerabilityResult } from '../../indicators/vulnerabilityIndex.js';
import { jointClasses } from '../../priority/jointClasses.js';
import { partnerClasses } from '../../priority/partnerClasses.js';
import type { GiStarResult } from '../../stats/giStar.js';
import type { RunContext } from '../runContext.js';

/** Each cell's joint class (hotspot × high need) and partner class (none, gap, leverage). */
export interface ClassPart {
  readonly jointClasses: { readonly code: Uint8Array; readonly labels: readonly string[] };
  readonly partnerClasses: Uint8Array | undefined;
}

/**
 * The joint hotspot × need class of each cell, and with organizations and need its partner
 * class (0 none, 1 gap: high need and no partner near, 2 leverage: high need and a partner).
 *
 * @example
 * ```ts
 * const { jointClasses } = classStage(run, hotspots, vulnerability, partners);
 * jointClasses.labels[jointClasses.code[0]];
 * ```
 */
export function classStage(
  run: RunContext,
  hotspots: GiStarResult,
  vulnerability: VulnerabilityResult | undefined,
  partners: PartnerAccess | undefined,
): ClassPart {
  const { config } = run;
  const needIndex = vulnerability?.index ?? new Float64Array(hotspots.z.length).fill(Number.NaN);
  const joint = jointClasses(hotspots.bin, needIndex, {
    hotspotBin: config.classes.hotspotBin,
    needAt: config.classes.needAt,
  });
  const partnerClass =
    partners === undefined || vulnerability === undefined
      ? undefined
      : partnerClasses(vulnerability.index, partners.anyWithinRadius, {
          needAt: config.classes.partnerNeedAt,
        });
  return {
    jointClasses: { code: joint.code, labels: joint.labels },
    partnerClasses: partnerClass,
  };
}
