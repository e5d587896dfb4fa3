import {
  createReadStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as h3 from 'h3-js';
import { pointsToCells } from '../src/hex/pointsToCells.js';
import { studyAreaCells } from '../src/hex/studyAreaCells.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { mulberry32 } from '../src/util/random.js';
import { median, printRow, repoPath } from './report.js';

/**
 * Ingestion + binning of 1,000,000 seeded points (CSV streamed from disk, parsed, validated,
 * binned to resolution-8 cells of the demo city) against a bare `latLngToCell` loop over the
 * same points already in memory. Target: throughput ratio ≥ 1.0 (moonshot 1.5).
 */
export async function benchIngestion(runs: number): Promise<void> {
  const n = 1_000_000;
  const random = mulberry32(20261121);
  const tracts = JSON.parse(readFileSync(repoPath('data/demo/tracts.geojson'), 'utf8'));
  const areas = readAreasGeoJson(tracts, { source: 'tracts.geojson', attributes: [] }).data;
  const grid = studyAreaCells(areas, 8);
  // Points drawn uniformly over the cells' bounding box.
  let west = 180;
  let east = -180;
  let south = 90;
  let north = -90;
  for (const cell of grid.cells) {
    const [lat, lng] = h3.cellToLatLng(cell);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  const lines = ['id,date,category,latitude,longitude'];
  const categories = ['THEFT', 'BATTERY', 'ASSAULT', 'BURGLARY', 'ROBBERY', 'NARCOTICS'];
  // Only points inside the study area, so that both loops make one h3 call per point.
  for (let i = 0; i < n; ) {
    lat[i] = Number((south + random() * (north - south)).toFixed(6));
    lng[i] = Number((west + random() * (east - west)).toFixed(6));
    if (!grid.indexOf.has(h3.latLngToCell(lat[i], lng[i], 8))) continue;
    const day = 1 + Math.floor(random() * 28);
    lines.push(
      `${i},2024-03-${String(day).padStart(2, '0')} 12:30:00,${categories[i % 6]},${lat[i]},${lng[i]}`,
    );
    i++;
  }
  const dir = mkdtempSync(join(tmpdir(), 'hexreach-bench-'));
  const file = join(dir, 'points.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  lines.length = 0;

  const baseline: number[] = [];
  const ours: number[] = [];
  let accepted = 0;
  let peakRss = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    let sink = 0;
    for (let i = 0; i < n; i++) sink += h3.latLngToCell(lat[i], lng[i], 8).length;
    baseline.push(performance.now() - t);
    if (sink === 0) throw new Error('unreachable');

    t = performance.now();
    const read = await readIncidentsCsv(
      createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      {
        source: file,
      },
    );
    const binned = pointsToCells(read.data, grid);
    ours.push(performance.now() - t);
    accepted = binned.accepted;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const fileBytes = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });
  const b = median(baseline);
  const o = median(ours);
  printRow(
    'bare latLngToCell loop, 1,000,000 points (in memory)',
    `${(b / 1000).toFixed(3)} s`,
    `${(n / b / 1000).toFixed(2)} M points/s`,
  );
  printRow(
    'CSV read + validate + bin, 1,000,000 points (from disk)',
    `${(o / 1000).toFixed(3)} s`,
    `${(n / o / 1000).toFixed(2)} M points/s`,
  );
  printRow(
    '  throughput ratio (ours / bare loop; target ≥ 1.0, moonshot 1.5)',
    (b / o).toFixed(2),
    `${accepted.toLocaleString('en-US')} binned`,
  );
  printRow(
    '  peak resident memory during ingestion',
    `${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    `CSV file: ${(fileBytes / 2 ** 20).toFixed(0)} MiB`,
  );
}
