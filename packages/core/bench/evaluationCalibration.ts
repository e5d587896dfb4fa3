/**
 * Evaluation on real data with no intervention: Chicago's aggravated assaults 2010–2019
 * (../shared/data), zones drawn at random at random starts. A method that invents no effect
 * finds about 10 % of them significant at 0.10 and 5 % at 0.05; the bench prints the shares, and
 * the time of one evaluation of 10 zones with 999 placebos each.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areaAttributesOf } from '../src/config/areaAttributesOf.js';
import type { HexreachConfig } from '../src/config/configSchema.js';
import { parseConfig } from '../src/config/parseConfig.js';
import { type EvaluationInputs, evaluationInputs } from '../src/evaluate/evaluateRun.js';
import { evaluateZones } from '../src/evaluate/evaluateZones.js';
import { drawPlaceboZones } from '../src/evaluate/placeboZones.js';
import { zoneRing } from '../src/evaluate/zoneRing.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { mulberry32 } from '../src/util/random.js';

const shared = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/** The calibration's configuration: resolution 9, population and one need indicator. */
export const CALIBRATION_CONFIG: HexreachConfig = parseConfig(
  {
    resolution: 9,
    population: 'Pop2014',
    indicators: [{ name: 'Pov14', direction: 'higher' }],
    robustness: { draws: 0, resolutions: false },
  },
  'calibration',
);

/**
 * Chicago's aggravated assaults 2010–2019 and its 2014 tracts, binned by cell and month.
 *
 * @example
 * ```ts
 * const inputs = await chicagoAssaults();
 * inputs.cube.steps; // 120
 * ```
 */
export async function chicagoAssaults(config = CALIBRATION_CONFIG): Promise<EvaluationInputs> {
  const crimes = join(shared, 'chicago_aggravated_assaults_2010_2019.csv');
  const tracts = join(shared, 'chicago_sdoh_tracts_2014.geojson');
  const incidents = await readIncidentsCsv(createReadStream(crimes, 'utf8'), { source: crimes });
  const areas = readAreasGeoJson(JSON.parse(readFileSync(tracts, 'utf8')), {
    source: tracts,
    attributes: areaAttributesOf(config),
  });
  return evaluationInputs({ incidents: incidents.data, areas: areas.data }, config);
}

/**
 * Random zones of 10–30 contiguous cells with random starts, 12 months on each side; with
 * `disjoint`, no two share or touch a cell (as one evaluation's zones must not share one).
 */
export function randomZones(
  inputs: EvaluationInputs,
  count: number,
  seed: number,
  disjoint = false,
) {
  const random = mulberry32(seed);
  const everywhere = new Uint8Array(inputs.grid.cells.length).fill(1);
  const { stepStarts, steps } = inputs.cube;
  return Array.from({ length: count }, (_, i) => {
    const size = 10 + Math.floor(random() * 21);
    const [cells] = drawPlaceboZones(inputs.contiguity, everywhere, {
      count: 1,
      size,
      random,
    }).zones;
    if (disjoint) {
      for (const c of cells) everywhere[c] = 0;
      for (const c of zoneRing(inputs.contiguity, cells, 1)) everywhere[c] = 0;
    }
    const month = 12 + Math.floor(random() * (steps - 23));
    return { id: `R${i + 1}`, cells, start: stepStarts[month] };
  });
}

/**
 * The share of random zones without any intervention found significant, each evaluated alone
 * against its own placebos.
 *
 * @example
 * ```ts
 * const { at10, at05 } = placeboCalibration(await chicagoAssaults(), { zones: 200, placebos: 199 });
 * ```
 */
export function placeboCalibration(
  inputs: EvaluationInputs,
  options: { readonly zones: number; readonly placebos: number; readonly seed?: number },
): { readonly at10: number; readonly at05: number; readonly p: readonly number[] } {
  const zones = randomZones(inputs, options.zones, options.seed ?? 2026);
  const p = zones.map((zone, i) => {
    const evaluation = evaluateZones(
      { ...inputs, zones: [zone] },
      { placebos: options.placebos, seed: 1000 + i, months: 12 },
    );
    return evaluation.zones[0].crime.p;
  });
  const usable = p.filter(Number.isFinite);
  return {
    at10: usable.filter((x) => x <= 0.1).length / usable.length,
    at05: usable.filter((x) => x <= 0.05).length / usable.length,
    p,
  };
}

/** `npm run bench`: the calibration and the time of 10 zones × 999 placebos. */
export async function benchEvaluation(): Promise<void> {
  console.log('Outcome evaluation, Chicago aggravated assaults 2010–2019, resolution 9');
  const t0 = performance.now();
  const inputs = await chicagoAssaults();
  const prepared = (performance.now() - t0) / 1000;
  const zones = randomZones(inputs, 10, 7, true).map((z) => ({
    ...z,
    start: inputs.cube.stepStarts[60],
  }));
  const t1 = performance.now();
  evaluateZones({ ...inputs, zones }, { placebos: 999, months: 12 });
  const seconds = (performance.now() - t1) / 1000;
  console.log(
    `  evaluate 10 zones × 999 placebos: ${seconds.toFixed(2)} s (target < 5 s), after reading and binning ${prepared.toFixed(1)} s`,
  );
  const t2 = performance.now();
  const { at10, at05 } = placeboCalibration(inputs, { zones: 200, placebos: 199 });
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(
    `  200 random zones, no intervention: significant at 0.10 ${pct(at10)} (target 6–14 %), at 0.05 ${pct(at05)} (target 2–8 %) [${((performance.now() - t2) / 1000).toFixed(1)} s]`,
  );
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href
) {
  await benchEvaluation();
}
