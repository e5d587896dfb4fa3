import { type TrustResult, trustByCell } from '../../indicators/trustByCell.js';
import { trustFromAreas } from '../../indicators/trustFromAreas.js';
import type { AreaInterpolator } from '../../interpolate/createAreaInterpolator.js';
import type { CellGrid } from '../../types.js';
import type { RunContext } from '../runContext.js';

/**
 * Trust per cell: from the survey answers when surveys are given, else from the areas' mean
 * answer and response count (`trust.areaMean`, `trust.areaResponses`), else none.
 *
 * @example
 * ```ts
 * const { trust } = trustStage(run, grid, interpolated.interpolator, 'population');
 * trust?.deficit; // per cell
 * ```
 */
export function trustStage(
  run: RunContext,
  grid: CellGrid,
  interpolator: AreaInterpolator,
  populationAttribute: string | undefined,
): { readonly trust: TrustResult | undefined } {
  const { config } = run;
  const { surveys, areas } = run.inputs;
  const scale = { min: config.trust.scaleMin, max: config.trust.scaleMax };
  if (surveys !== undefined) {
    const trust = run.timed('trust', () =>
      trustByCell(surveys, grid, config.trust.answer!, {
        minResponses: config.trust.minResponses,
        scale,
        higherIsMoreTrust: config.trust.higherIsMoreTrust,
      }),
    );
    return { trust };
  }
  const { areaMean, areaResponses } = config.trust;
  if (areaMean === undefined || areaResponses === undefined) return { trust: undefined };
  const trust = run.timed('trust', () =>
    trustFromAreas(interpolator, areas.attributes[areaMean], areas.attributes[areaResponses], {
      answerVariance: config.trust.answerVariance,
      minResponses: config.trust.minResponses,
      scale,
      higherIsMoreTrust: config.trust.higherIsMoreTrust,
      weightBy:
        populationAttribute === undefined ? undefined : areas.attributes[populationAttribute],
    }),
  );
  return { trust };
}
