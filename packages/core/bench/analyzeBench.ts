import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { readExampleConfig } from '../../../data/readExampleConfig.js';
import { areaAttributesOf } from '../src/config/areaAttributesOf.js';
import { parseConfig } from '../src/config/parseConfig.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { analyze } from '../src/pipeline/analyze.js';
import { benchChicagoPeakMemory } from './peakMemory.js';
import { median, printRow, repoPath } from './report.js';

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
