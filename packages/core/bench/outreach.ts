import { createReadStream, existsSync, readFileSync } from 'node:fs';
import * as h3 from 'h3-js';
import { parseConfig } from '../src/config/parseConfig.js';
import { gridFromCells } from '../src/hex/gridFromCells.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { readOrganizationsGeoJson } from '../src/io/readOrganizations.js';
import { analyze } from '../src/pipeline/analyze.js';
import { priorityScore } from '../src/priority/priorityScore.js';
import { weightRobustness } from '../src/priority/weightRobustness.js';
import { mulberry32 } from '../src/util/random.js';
import { kRingWeights } from '../src/weights/kRingWeights.js';
import { groupContiguousCells } from '../src/zones/groupContiguousCells.js';
import { selectCells } from '../src/zones/selectCells.js';
import { median, printRow, repoPath } from './report.js';

function time(run: () => void, runs: number): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * The outreach scoring with 200 robustness draws: on the real Chicago data (full analyze, with
 * and without the draws and the resolution re-runs) and on 100,000 synthetic cells (priority
 * score and 200 draws of score + zone selection, against one score + selection).
 */
export async function benchOutreach(runs: number): Promise<void> {
  const crimes = repoPath('../shared/data/chicago_crimes_2018.csv');
  const tracts = repoPath('../shared/data/chicago_sdoh_tracts_2014.geojson');
  const schools = repoPath('../shared/data/chicago_cps_schools_sy1920.geojson');
  if (existsSync(crimes) && existsSync(tracts) && existsSync(schools)) {
    const indicators = [
      { name: 'Pov14', direction: 'higher' as const },
      { name: 'EP_PCI', direction: 'lower' as const },
      { name: 'EP_NOHSDP', direction: 'higher' as const },
      { name: 'Unemp14', direction: 'higher' as const },
    ];
    const incidents = (await readIncidentsCsv(createReadStream(crimes, 'utf8'), { source: crimes }))
      .data;
    const areas = readAreasGeoJson(JSON.parse(readFileSync(tracts, 'utf8')), {
      source: tracts,
      attributes: [
        { name: 'Pop2014', required: true },
        ...indicators.map((i) => ({ name: i.name })),
      ],
    }).data;
    const organizations = readOrganizationsGeoJson(JSON.parse(readFileSync(schools, 'utf8')), {
      source: schools,
    }).data;
    const base = { population: 'Pop2014', indicators, zones: { threshold: 0.85, minCells: 3 } };
    let cells = 0;
    const run = (robustness: Record<string, unknown>) => () => {
      cells = analyze(
        { incidents, areas, organizations },
        parseConfig({ ...base, robustness }, 'bench'),
      ).grid.cells.length;
    };
    const without = time(run({ draws: 0, resolutions: false }), runs);
    const draws = time(run({ draws: 200, resolutions: false }), runs);
    const full = time(run({ draws: 200, resolutions: true }), runs);
    printRow(
      'outreach analyze, Chicago 2018, no robustness (baseline)',
      `${(without / 1000).toFixed(3)} s`,
      `${cells.toLocaleString('en-US')} cells, ${organizations.length} schools as partners`,
    );
    printRow(
      '  + 200 weight draws',
      `${(draws / 1000).toFixed(3)} s`,
      `${(draws / without).toFixed(2)} × baseline`,
    );
    printRow(
      '  + 200 weight draws and resolutions 7 and 9',
      `${(full / 1000).toFixed(3)} s`,
      `${(full / without).toFixed(2)} × baseline`,
    );
  } else {
    printRow('outreach analyze, Chicago 2018', 'skipped', '../shared/data not found');
  }

  // 100,000 cells: five seeded components, the threshold-and-group zone rule.
  const centre = h3.latLngToCell(41.88, -87.63, 10);
  const grid = gridFromCells(h3.gridDisk(centre, 182));
  const n = grid.cells.length;
  const random = mulberry32(7);
  const names = ['hotspot', 'crimeRate', 'need', 'trustDeficit', 'partnerGap'];
  const columns = names.map((name) => ({
    name,
    values: Float64Array.from({ length: n }, () => random()),
    weight: 1,
  }));
  const priority = priorityScore(columns);
  // As analyze does: the grid's edge neighbours are found once and serve every selection.
  const finding = performance.now();
  const neighbors = kRingWeights(grid, { k: 1, selfIncluded: false });
  const found = performance.now() - finding;
  const select = (score: Float64Array) =>
    Uint8Array.from(
      groupContiguousCells(grid, selectCells(score, { threshold: 0.8 }), { minCells: 3, neighbors })
        .zoneOfCell,
      (z) => (z >= 0 ? 1 : 0),
    );
  const once = time(() => select(priorityScore(columns).score), runs);
  const drawn = time(
    () => weightRobustness(priority.normalized, priority.weights, select, { draws: 200, seed: 1 }),
    1,
  );
  printRow(
    `priority score + zone selection, ${n.toLocaleString('en-US')} cells (baseline)`,
    `${(once / 1000).toFixed(3)} s`,
  );
  printRow(
    '  200 robustness draws (score + selection each)',
    `${(drawn / 1000).toFixed(3)} s`,
    `${(drawn / once).toFixed(0)} × baseline (1 run)`,
  );
  printRow(
    "  the grid's edge neighbours, found once (kRingWeights, k = 1; 1 run)",
    `${(found / 1000).toFixed(3)} s`,
    `${(found / once).toFixed(1)} × baseline`,
  );
}
