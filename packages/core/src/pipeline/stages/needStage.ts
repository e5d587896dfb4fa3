import { sviPresetNote } from '../../config/resolveNeedPreset.js';
import { assertArgument } from '../../errors.js';
import { type NeedIntervals, needIntervals } from '../../indicators/needIntervals.js';
import { sviVariables } from '../../indicators/sviVariables.js';
import {
  type VulnerabilityResult,
  vulnerabilityIndex,
} from '../../indicators/vulnerabilityIndex.js';
import type { InterpolatedAttributes } from '../../interpolate/interpolateAreas.js';
import { getOwn } from '../../util/getOwn.js';
import type { RunContext } from '../runContext.js';

/** The need index and, when indicators have margins of error, its interval. */
export interface NeedPart {
  readonly vulnerability: VulnerabilityResult | undefined;
  readonly needInterval: NeedIntervals | undefined;
}

/**
 * The SVI-style need index over the configured indicators (ranked among populated cells), and
 * its Monte-Carlo interval under the indicators' margins of error (`indicators[].moe`).
 *
 * @throws HexreachError `E_ARGUMENT` when a margin-of-error attribute was not read
 * @example
 * ```ts
 * const { vulnerability } = needStage(run, interpolated, 'population', population);
 * vulnerability?.index; // 0–1 per cell
 * ```
 */
export function needStage(
  run: RunContext,
  interpolated: InterpolatedAttributes,
  populationAttribute: string | undefined,
  population: Float64Array | undefined,
): NeedPart {
  const { config, timed } = run;
  const { areas } = run.inputs;
  const include = () =>
    population === undefined ? undefined : population.map((p) => (p > 0 ? 1 : 0));
  if (config.need?.preset === 'svi') run.notes.push(presetNote(run));
  const vulnerability = timed('vulnerability', () => {
    if (config.indicators.length === 0) {
      run.notes.push(
        'No need indicators are configured: the priority score has no need component.',
      );
      return undefined;
    }
    return vulnerabilityIndex(
      config.indicators.map((i) => ({
        name: i.name,
        values: interpolated.columns[i.name],
        direction: i.direction,
        weight: i.weight,
        theme: i.theme,
      })),
      { include: include() },
    );
  });
  if (vulnerability === undefined || !config.indicators.some((i) => i.moe !== undefined))
    return { vulnerability, needInterval: undefined };
  for (const i of config.indicators) {
    if (i.moe === undefined) continue;
    assertArgument(
      getOwn(areas.attributes, i.moe) !== undefined,
      'analyze',
      `the areas were read without the margin-of-error attribute "${i.moe}"`,
      i.moe,
    );
  }
  const needInterval = timed('uncertainty', () =>
    needIntervals(
      interpolated.interpolator,
      config.indicators.map((i) => ({
        name: i.name,
        direction: i.direction,
        weight: i.weight,
        theme: i.theme,
        estimate: areas.attributes[i.name],
        moe: i.moe === undefined ? undefined : areas.attributes[i.moe],
      })),
      {
        weightBy:
          populationAttribute === undefined ? undefined : areas.attributes[populationAttribute],
        include: include(),
        draws: config.uncertainty.draws,
        confidence: config.uncertainty.confidence,
        interval: config.uncertainty.interval,
        seed: config.seed,
      },
    ),
  );
  return { vulnerability, needInterval };
}

/**
 * The SVI preset's note: its vintage and the tract values read as missing. The preset must have
 * been resolved against the area file (`resolveNeedPreset`, which `readInputs` applies).
 */
function presetNote(run: RunContext): string {
  const { config } = run;
  const { areas } = run.inputs;
  const vintage = config.need?.vintage;
  assertArgument(
    vintage !== undefined,
    'analyze',
    'need.preset "svi" must be resolved against the area file first (resolveNeedPreset, as readInputs does)',
    config.need,
  );
  const preset = sviVariables(vintage);
  let missing = 0;
  for (const v of preset) {
    const column = getOwn(areas.attributes, v.name);
    if (column !== undefined) for (const value of column) if (Number.isNaN(value)) missing++;
  }
  return sviPresetNote(vintage, preset, missing);
}
