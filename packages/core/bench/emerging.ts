import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { pointsToCells } from '../src/hex/pointsToCells.js';
import { studyAreaCells } from '../src/hex/studyAreaCells.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { emergingHotspots } from '../src/stats/emergingHotspots.js';
import { spaceTimeBins } from '../src/stats/spaceTimeBins.js';
import { kRingWeights } from '../src/weights/kRingWeights.js';
import { median, printRow, repoPath } from './report.js';

/**
 * Emerging Hot Spot Analysis on ten years of real data: Chicago's aggravated assaults 2010–2019
 * (148,636 incidents, ../shared/data) in monthly steps on the resolution-8 cells of the 77
 * community areas, k = 1, one step back in time. The baseline, timed in the same run, is reading
 * the files and binning the incidents into the space-time cube alone.
 */
export async function benchEmerging(runs: number): Promise<void> {
  const incidentsPath = repoPath('../shared/data/chicago_aggravated_assaults_2010_2019.csv');
  const areasPath = repoPath('../shared/data/chicago_community_areas_2020.geojson');
  if (!existsSync(incidentsPath) || !existsSync(areasPath)) {
    printRow('emerging hot spots: Chicago 2010–2019', 'skipped', '../shared/data not found');
    return;
  }
  const binning: number[] = [];
  const whole: number[] = [];
  let cells = 0;
  let steps = 0;
  let incidents = 0;
  let persistent = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const read = await readIncidentsCsv(
      createReadStream(incidentsPath, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      { source: incidentsPath },
    );
    const areas = readAreasGeoJson(JSON.parse(readFileSync(areasPath, 'utf8')), {
      source: areasPath,
      attributes: [],
    });
    const grid = studyAreaCells(areas.data, 8);
    const binned = pointsToCells(read.data, grid);
    const cube = spaceTimeBins(read.data.time, binned.cellOfIncident, grid.cells.length, {
      step: 'month',
      start: Date.UTC(2010, 0, 1),
      end: Date.UTC(2020, 0, 1),
    });
    const binnedAt = performance.now();
    const result = emergingHotspots(cube, kRingWeights(grid));
    const end = performance.now();
    binning.push(binnedAt - start);
    whole.push(end - start);
    cells = grid.cells.length;
    steps = cube.steps;
    incidents = cube.counted;
    persistent = result.category.filter((c) => c === 'Persistent Hot Spot').length;
  }
  const b = median(binning);
  const w = median(whole);
  printRow(
    'read + bin into the cube (baseline), Chicago 2010–2019',
    `${(b / 1000).toFixed(3)} s`,
    `${incidents.toLocaleString('en-US')} incidents, ${cells} cells × ${steps} months`,
  );
  printRow(
    'read + bin + emerging hot spots (space-time Gi*, Mann–Kendall)',
    `${(w / 1000).toFixed(3)} s`,
    `${persistent} persistent hot spots`,
  );
  printRow(
    '  emerging analysis alone / baseline',
    ((w - b) / b).toFixed(2),
    `${((w - b) / 1000).toFixed(3)} s for ${(cells * steps).toLocaleString('en-US')} bins`,
  );
}
