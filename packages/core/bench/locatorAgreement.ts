/**
 * Whether CellLocator (the raster, the great-circle test of edge pixels, h3 for the rest) puts
 * 1,000,000 seeded random points in the cell h3's latLngToCell gives, over the demo city's grid
 * at resolutions 8 to 11 (points drawn over the grid's bounding box and, half of them, within
 * 10⁻¹⁰ to 10⁻⁵ degrees of a cell edge), and how fast, against h3 alone. Not part of
 * `npm run bench`. Run: npx tsx packages/core/bench/locatorAgreement.ts
 */
import { readFileSync } from 'node:fs';
import { CellLocator } from '../src/hex/cellLocator.js';
import { cellToRing, lngLatToCell } from '../src/hex/h3.js';
import { studyAreaCells } from '../src/hex/studyAreaCells.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { mulberry32 } from '../src/util/random.js';
import { printMachine, printRow, repoPath } from './report.js';

const N = 1_000_000;
const tracts = JSON.parse(readFileSync(repoPath('data/demo/tracts.geojson'), 'utf8'));
const areas = readAreasGeoJson(tracts, { source: 'tracts.geojson', attributes: [] }).data;
printMachine();
for (const resolution of [8, 9, 10, 11]) {
  const grid = studyAreaCells(areas, resolution);
  const random = mulberry32(resolution);
  const rings = grid.cells.map((cell) => cellToRing(cell));
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const ring of rings)
    for (const [x, y] of ring)
      [west, south, east, north] = [
        Math.min(west, x),
        Math.min(south, y),
        Math.max(east, x),
        Math.max(north, y),
      ];
  const lng = new Float64Array(N);
  const lat = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    if (i % 2 === 0) {
      lng[i] = west + random() * (east - west);
      lat[i] = south + random() * (north - south);
      continue;
    }
    const ring = rings[Math.floor(random() * rings.length)];
    const e = Math.floor(random() * 6);
    const t = random();
    const offset = 10 ** (-10 + 5 * random()) * (random() < 0.5 ? -1 : 1);
    lng[i] = ring[e][0] + t * (ring[e + 1][0] - ring[e][0]) + offset * random();
    lat[i] = ring[e][1] + t * (ring[e + 1][1] - ring[e][1]) + offset * random();
  }
  let start = performance.now();
  const expected = new Int32Array(N);
  for (let i = 0; i < N; i++)
    expected[i] = grid.indexOf.get(lngLatToCell(lng[i], lat[i], resolution)) ?? -1;
  const h3Ms = performance.now() - start;
  start = performance.now();
  const locator = new CellLocator(grid, 2 * N);
  const buildMs = performance.now() - start;
  start = performance.now();
  let wrong = 0;
  for (let i = 0; i < N; i++) if (locator.locate(lng[i], lat[i]) !== expected[i]) wrong++;
  const locateMs = performance.now() - start;
  printRow(
    `resolution ${resolution}, ${grid.cells.length.toLocaleString('en-US')} cells: points placed differently from h3`,
    String(wrong),
    'must be 0',
  );
  printRow(
    '  h3 latLngToCell + lookup / CellLocator (build + locate)',
    `${(h3Ms / 1000).toFixed(2)} s`,
    `${((buildMs + locateMs) / 1000).toFixed(2)} s (${(buildMs / 1000).toFixed(2)} s building)`,
  );
  if (wrong > 0) process.exitCode = 1;
}
