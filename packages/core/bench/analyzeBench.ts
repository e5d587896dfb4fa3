import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { readDemoInputs } from '../../../data/readDemoInputs.js';
import { readExampleConfig } from '../../../data/readExampleConfig.js';
import { CHICAGO_RES9_FULL, readChicago2018 } from '../../../tests/chicagoConfig.js';
import { areaAttributesOf } from '../src/config/areaAttributesOf.js';
import type { HexreachConfig } from '../src/config/configSchema.js';
import { parseConfig } from '../src/config/parseConfig.js';
import { studyAreaCells } from '../src/hex/studyAreaCells.js';
import { interpolateAreas } from '../src/interpolate/interpolateAreas.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { threadedPermutationRunner } from '../src/node/threadedPermutationRunner.js';
import type { AnalyzeInputs } from '../src/pipeline/analysisResult.js';
import { analyze } from '../src/pipeline/analyze.js';
import { benchChicagoPeakMemory } from './peakMemory.js';
import { median, printMachine, printRow, repoPath } from './report.js';

async function timeAnalyze(
  label: string,
  incidentsPath: string,
  areasPath: string,
  config: Record<string, unknown>,
  attributes: { name: string; required?: boolean }[],
  runs: number,
): Promise<void> {
  const times: number[] = [];
  let cells = 0;
  let incidents = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const read = await readIncidentsCsv(
      createReadStream(incidentsPath, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      {
        source: incidentsPath,
      },
    );
    const areas = readAreasGeoJson(JSON.parse(readFileSync(areasPath, 'utf8')), {
      source: areasPath,
      attributes,
    });
    const result = analyze({ incidents: read.data, areas: areas.data }, parseConfig(config, label));
    times.push(performance.now() - t);
    cells = result.grid.cells.length;
    incidents = result.binned.accepted;
  }
  printRow(
    label,
    `${(median(times) / 1000).toFixed(3)} s`,
    `${cells.toLocaleString('en-US')} cells, ${incidents.toLocaleString('en-US')} incidents`,
  );
}

/** Full `analyze` (reading included) on the demo city and on the real Chicago data in ../shared. */
export async function benchAnalyze(runs: number): Promise<void> {
  const demo = readExampleConfig();
  await timeAnalyze(
    'analyze: demo city (example config, incidents and tracts)',
    repoPath('data/demo/incidents.csv'),
    repoPath('data/demo/tracts.geojson'),
    { ...demo, inputs: {} },
    areaAttributesOf(demo),
    runs,
  );
  const crimes = repoPath('../shared/data/chicago_crimes_2018.csv');
  const tracts = repoPath('../shared/data/chicago_sdoh_tracts_2014.geojson');
  if (!existsSync(crimes) || !existsSync(tracts)) {
    printRow('analyze: Chicago 2018', 'skipped', '../shared/data not found');
    return;
  }
  const indicators = [
    { name: 'Pov14', direction: 'higher' },
    { name: 'EP_PCI', direction: 'lower' },
    { name: 'EP_NOHSDP', direction: 'higher' },
    { name: 'Unemp14', direction: 'higher' },
  ];
  await timeAnalyze(
    'analyze: Chicago 2018 (156k) × 791 tracts, res 8, defaults',
    crimes,
    tracts,
    { population: 'Pop2014', indicators },
    [{ name: 'Pop2014', required: true }, ...indicators.map((i) => ({ name: i.name }))],
    runs,
  );
  await timeAnalyze(
    'analyze: the same at res 10, no resolution re-runs',
    crimes,
    tracts,
    { population: 'Pop2014', indicators, resolution: 10, robustness: { resolutions: false } },
    [{ name: 'Pop2014', required: true }, ...indicators.map((i) => ({ name: i.name }))],
    1,
  );
  benchChicagoPeakMemory();
}

/** Seconds as the rows print them. */
const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * Reads the inputs, then analyses them; the median of `runs` of each part, and of each step
 * `steps` names (from the run's own step timer).
 */
async function timeWholeRun(
  read: () => Promise<AnalyzeInputs>,
  config: HexreachConfig,
  steps: readonly string[],
  runs: number,
) {
  const reading: number[] = [];
  const analysing: number[] = [];
  const stepTimes = steps.map(() => [] as number[]);
  let cells = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const inputs = await read();
    reading.push(performance.now() - t);
    t = performance.now();
    // Permutations on every core, as `hexreach analyze` runs them.
    const result = analyze(inputs, config, { permutationRunner: threadedPermutationRunner() });
    analysing.push(performance.now() - t);
    steps.forEach((step, i) => {
      stepTimes[i].push((result.durations[step] ?? 0) * 1000);
    });
    cells = result.grid.cells.length;
  }
  const total = reading.map((ms, r) => ms + analysing[r]);
  return {
    wall: median(total),
    read: median(reading),
    analyze: median(analysing),
    steps: stepTimes.map(median),
    cells,
  };
}

/**
 * Chicago's tracts moved to resolution-9 cells as the full configuration moves them (population
 * as a count, the rest as rates weighted by it), clipping included; median of `runs`, in ms.
 */
function timeInterpolation(runs: number): number {
  const path = repoPath('../shared/data/chicago_sdoh_tracts_2014.geojson');
  const text = readFileSync(path, 'utf8');
  // A fresh table each run: the overlaps' preparation of the rings is kept per table.
  const readTracts = () =>
    readAreasGeoJson(JSON.parse(text), {
      source: path,
      attributes: areaAttributesOf(CHICAGO_RES9_FULL),
    }).data;
  const grid = studyAreaCells(readTracts(), 9);
  const population = CHICAGO_RES9_FULL.population as string;
  const specs = [
    { name: population, kind: 'count' as const },
    ...[...CHICAGO_RES9_FULL.attributes, ...CHICAGO_RES9_FULL.indicators].map((a) => ({
      name: a.name,
      kind: 'rate' as const,
      weightBy: population,
    })),
  ];
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const areas = readTracts();
    const t = performance.now();
    interpolateAreas(grid, areas, specs);
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Issue 17's whole runs, each with its target: Chicago 2018 at resolution 9 in the full
 * configuration (and its interpolation step), the demo city at resolution 11 without and with
 * robustness. Wall time reads the files and analyses them, permutations on every core as the
 * command line runs them.
 */
export async function benchWholeRuns(runs: number): Promise<void> {
  const crimes = repoPath('../shared/data/chicago_crimes_2018.csv');
  if (!existsSync(crimes)) {
    printRow('whole run: Chicago 2018 res 9', 'skipped', '../shared/data not found');
  } else {
    const chicago = await timeWholeRun(
      () => readChicago2018(CHICAGO_RES9_FULL, { schools: true }),
      CHICAGO_RES9_FULL,
      ['interpolation', 'robustness'],
      runs,
    );
    printRow(
      'whole run: Chicago 2018 res 9, Gi* + LISA + emerging + robustness, 6 indicators, budget zones',
      seconds(chicago.wall),
      `(target < 3 s) read ${seconds(chicago.read)}, analyze ${seconds(chicago.analyze)} of which robustness ${seconds(chicago.steps[1])}; ${chicago.cells.toLocaleString('en-US')} cells`,
    );
    const interpolation = timeInterpolation(runs);
    printRow(
      '  interpolation: 791 tracts to 5,724 res 9 cells, 8 attributes',
      seconds(interpolation),
      `(target < 0.4 s) clipping included; in the run the cells step clips and this step took ${seconds(chicago.steps[0])}`,
    );
  }
  const example = readExampleConfig();
  for (const robust of [false, true]) {
    const config = parseConfig(
      {
        ...example,
        inputs: {},
        resolution: 11,
        ...(robust ? {} : { robustness: { draws: 0, resolutions: false } }),
      },
      'demo res 11',
    );
    const demo = await timeWholeRun(() => readDemoInputs(config), config, ['robustness'], runs);
    printRow(
      `whole run: demo city res 11 (example config), ${robust ? 'with' : 'without'} robustness`,
      seconds(demo.wall),
      `(target < ${robust ? 6 : 3} s) read ${seconds(demo.read)}, analyze ${seconds(demo.analyze)}${robust ? ` of which robustness ${seconds(demo.steps[0])}` : ''}; ${demo.cells.toLocaleString('en-US')} cells`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  printMachine();
  console.log(`(median of ${runs} runs)\n`);
  await benchWholeRuns(runs);
}
