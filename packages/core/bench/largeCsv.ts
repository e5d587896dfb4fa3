import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as h3 from 'h3-js';
import { studyAreaCells } from '../src/hex/studyAreaCells.js';
import { readAreasGeoJson } from '../src/io/readAreasGeoJson.js';
import { mulberry32 } from '../src/util/random.js';
import { printRow, repoPath } from './report.js';

/** What the child process reports: see `largeCsvRead.ts`. */
interface LargeCsvFigures {
  readonly ms: number;
  readonly maxRssBytes: number;
  readonly rows: number;
  readonly binned: number;
}

/**
 * A 1 GB incident CSV (11,000,000 Chicago-like rows of 8 columns, seeded) read and binned to the
 * demo city's resolution-8 cells in a child process, as the CLI reads it (streamed, rejections to
 * sinks): its wall time and its peak resident memory (the kernel's maxRSS of the child, so the
 * whole process, Node itself included). Targets: under 30 s and under 1 GB.
 *
 * @param rows - rows to write (default 11,000,000)
 * @example
 * ```ts
 * await benchLargeCsv(1_000_000);
 * ```
 */
export async function benchLargeCsv(rows = 11_000_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hexreach-large-'));
  const file = join(dir, 'incidents.csv');
  try {
    writeLargeCsv(file, rows);
    const child = fileURLToPath(new URL('./largeCsvRead.ts', import.meta.url));
    const output = execFileSync(process.execPath, ['--import', 'tsx', child, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const figures = JSON.parse(output.trim().split('\n').pop()!) as LargeCsvFigures;
    const bytes = statSync(file).size;
    const rowsText = `${(rows / 1e6).toFixed(0)} M rows`;
    printRow(
      `${(bytes / 1e9).toFixed(2)} GB CSV, ${rowsText}: read + bin (child process)`,
      `${(figures.ms / 1000).toFixed(1)} s`,
      `target < 30 s; ${figures.binned.toLocaleString('en-US')} binned`,
    );
    printRow(
      '  peak resident memory of that process (maxRSS)',
      `${(figures.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
      `target < 1 GB; ${(figures.maxRssBytes / rows).toFixed(0)} bytes a row`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the seeded file of `benchLargeCsv` in blocks of rows, so that it is never held whole.
 *
 * @param file - where to write it
 * @param rows - data rows to write
 * @example
 * ```ts
 * writeLargeCsv('/tmp/incidents.csv', 11_000_000); // about 1.1 GB
 * ```
 */
export function writeLargeCsv(file: string, rows: number): void {
  const tracts = JSON.parse(readFileSync(repoPath('data/demo/tracts.geojson'), 'utf8'));
  const areas = readAreasGeoJson(tracts, { source: 'tracts.geojson', attributes: [] }).data;
  const grid = studyAreaCells(areas, 8);
  const random = mulberry32(20261207);
  // 65,536 points inside the study area, reused row after row.
  let west = 180;
  let east = -180;
  let south = 90;
  let north = -90;
  for (const cell of grid.cells) {
    const [lat, lng] = h3.cellToLatLng(cell);
    [west, east] = [Math.min(west, lng), Math.max(east, lng)];
    [south, north] = [Math.min(south, lat), Math.max(north, lat)];
  }
  const points: string[] = [];
  while (points.length < 65_536) {
    const lat = (south + random() * (north - south)).toFixed(6);
    const lng = (west + random() * (east - west)).toFixed(6);
    if (grid.indexOf.has(h3.latLngToCell(Number(lat), Number(lng), 8)))
      points.push(`${lat},${lng}`);
  }
  const types = ['THEFT', 'BATTERY', 'CRIMINAL DAMAGE', 'ASSAULT', 'DECEPTIVE PRACTICE', 'ROBBERY'];
  const descriptions = ['$500 AND UNDER', 'SIMPLE', 'TO VEHICLE', 'OVER $500', 'DOMESTIC BATTERY'];
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, 'ID,Case Number,Date,Block,Primary Type,Description,Latitude,Longitude\n');
    const block: string[] = [];
    for (let i = 0; i < rows; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const day = String(1 + (i % 28)).padStart(2, '0');
      const hour = String(i % 24).padStart(2, '0');
      block.push(
        `${10_000_000 + i},JA${String(i).padStart(7, '0')},2018-${month}-${day} ${hour}:${String(i % 60).padStart(2, '0')}:00,0${i % 100}XX W MADISON ST,${types[i % 6]},${descriptions[i % 5]},${points[(i * 40_503) & 65_535]}`,
      );
      if (block.length === 100_000 || i === rows - 1) {
        writeSync(fd, `${block.join('\n')}\n`);
        block.length = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
}
