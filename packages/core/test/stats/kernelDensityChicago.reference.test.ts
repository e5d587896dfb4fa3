import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gridCentroids } from '../../src/hex/gridCentroids.js';
import { pointsToCells } from '../../src/hex/pointsToCells.js';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { parseJson } from '../../src/io/parseJson.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../../src/io/readIncidentsCsv.js';
import { kernelDensity } from '../../src/stats/kernelDensity.js';
import { haversineMeters } from '../../src/util/haversineMeters.js';
import { mulberry32 } from '../../src/util/random.js';
import { once } from '../helpers/once.js';

// Real City of Chicago data (see /work/shared/data/SOURCES.md): the 2018 incidents over the 791
// census tracts, resolution-9 cells, the default 500 m bandwidth.
const dataDirectory = new URL('../../../../../shared/data/', import.meta.url);
const dataPath = (name: string) => fileURLToPath(new URL(name, dataDirectory));
const BANDWIDTH = 500;

const chicago = once(async () => {
  const incidents = await readIncidentsCsv(createReadStream(dataPath('chicago_crimes_2018.csv')), {
    source: 'chicago_crimes_2018.csv',
  });
  const name = 'chicago_sdoh_tracts_2014.geojson';
  const areas = readAreasGeoJson(parseJson(readFileSync(dataPath(name), 'utf8'), name), {
    source: name,
    attributes: [],
  });
  const grid = studyAreaCells(areas.data, 9);
  const binned = pointsToCells(incidents.data, grid);
  // The incidents counted in a cell, as points.
  const kept = [...binned.cellOfIncident.keys()].filter((i) => binned.cellOfIncident[i] >= 0);
  const points = {
    lng: Float64Array.from(kept, (i) => incidents.data.lng[i]),
    lat: Float64Array.from(kept, (i) => incidents.data.lat[i]),
  };
  return { grid, binned, points };
});

describe('kernel density of Chicago 2018 incidents, resolution 9, 500 m', () => {
  it('equals the brute-force quartic sum over every incident to 1e-9, in 400 cells', async () => {
    const { grid, points } = await chicago();
    const density = kernelDensity(grid, points, { bandwidthMeters: BANDWIDTH });
    const centres = gridCentroids(grid, 'test');
    const random = mulberry32(2018);
    for (let s = 0; s < 400; s++) {
      const c = Math.floor(random() * grid.cells.length);
      let sum = 0;
      for (let i = 0; i < points.lng.length; i++) {
        const d = haversineMeters(centres.lng[c], centres.lat[c], points.lng[i], points.lat[i]);
        // Silverman (1986) eq. 4.5: K(u) = 3/π·(1 − u²)², per km².
        if (d < BANDWIDTH) sum += (3 / Math.PI) * (1 - (d / BANDWIDTH) ** 2) ** 2;
      }
      const expected = (sum / BANDWIDTH ** 2) * 1e6;
      expect(Math.abs(density[c] - expected), `cell ${grid.cells[c]}`).toBeLessThanOrEqual(
        1e-9 * Math.max(expected, 1e-300),
      );
    }
  });

  it('differs from the estimate from counts at cell centres by more than a tenth in many cells', async () => {
    // Why analyze uses the points: at these defaults the cell-centre shortcut is not close.
    const { grid, binned, points } = await chicago();
    const exact = kernelDensity(grid, points, { bandwidthMeters: BANDWIDTH });
    const fromCounts = kernelDensity(grid, binned.count, { bandwidthMeters: BANDWIDTH });
    const ratios = [...exact.keys()]
      .filter((c) => exact[c] > 0)
      .map((c) => fromCounts[c] / exact[c])
      .sort((a, b) => a - b);
    const quantile = (q: number) => ratios[Math.floor(q * (ratios.length - 1))];
    expect(quantile(0.05)).toBeLessThan(0.9);
    expect(quantile(0.95)).toBeGreaterThan(1.1);
  });
});
