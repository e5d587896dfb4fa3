/**
 * Child process of `largeCsv.ts`: reads and bins the CSV named on the command line as the CLI
 * does (streamed, rejections counted by sinks) and prints its figures as one JSON line. Run
 * alone so that its maxRSS is the reading's.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { pointsToCells } from '../src/hex/pointsToCells.js';
import { studyAreaCells } from '../src/hex/studyAreaCells.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../src/io/readIncidentsCsv.js';
import { repoPath } from './report.js';

const file = process.argv[2];
const tracts = JSON.parse(readFileSync(repoPath('data/demo/tracts.geojson'), 'utf8'));
const areas = readAreasGeoJson(tracts, { source: 'tracts.geojson', attributes: [] }).data;
const grid = studyAreaCells(areas, 8);
let sunk = 0;
const sink = () => {
  sunk++;
};
const start = performance.now();
const read = await readIncidentsCsv(
  createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
  { source: file, onRejection: sink },
);
const binned = pointsToCells(read.data, grid, { onRejection: sink, onOutside: sink });
const ms = performance.now() - start;
console.log(
  JSON.stringify({
    ms,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rows: read.read,
    binned: binned.accepted,
    sunk,
  }),
);
