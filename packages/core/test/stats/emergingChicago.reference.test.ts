import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pointsToCells } from '../../src/hex/pointsToCells.js';
import { studyAreaCells } from '../../src/hex/studyAreaCells.js';
import { parseJson } from '../../src/io/parseJson.js';
import { readAreasGeoJson } from '../../src/io/readAreasGeoJson.js';
import { readIncidentsCsv } from '../../src/io/readIncidentsCsv.js';
import { emergingHotspots } from '../../src/stats/emergingHotspots.js';
import { EMERGING_PATTERNS } from '../../src/stats/emergingPattern.js';
import { spaceTimeBins } from '../../src/stats/spaceTimeBins.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';
import { once } from '../helpers/once.js';

// Real City of Chicago data (see /work/shared/data/SOURCES.md, file 3): 148,636 aggravated
// assaults 2010–2019, and the 77 community areas as the study area.
const dataDirectory = new URL('../../../../../shared/data/', import.meta.url);
const dataPath = (name: string) => fileURLToPath(new URL(name, dataDirectory));

describe('emerging hot spots of Chicago aggravated assaults 2010–2019, monthly, resolution 8', () => {
  const chicago = once(async () => {
    const incidents = await readIncidentsCsv(
      createReadStream(dataPath('chicago_aggravated_assaults_2010_2019.csv')),
      { source: 'chicago_aggravated_assaults_2010_2019.csv' },
    );
    const name = 'chicago_community_areas_2020.geojson';
    const areas = readAreasGeoJson(parseJson(readFileSync(dataPath(name), 'utf8'), name), {
      source: name,
      attributes: [],
    });
    const grid = studyAreaCells(areas.data, 8);
    const binned = pointsToCells(incidents.data, grid);
    const cube = spaceTimeBins(incidents.data.time, binned.cellOfIncident, grid.cells.length, {
      step: 'month',
      start: Date.UTC(2010, 0, 1),
      end: Date.UTC(2020, 0, 1),
    });
    return {
      grid,
      accepted: binned.accepted,
      cube,
      result: emergingHotspots(cube, kRingWeights(grid)),
    };
  });

  it('bins ten years into 120 monthly steps and keeps every incident inside the study area', async () => {
    const { accepted, cube } = await chicago();
    expect(cube.steps).toBe(120);
    expect(cube.stepStarts[0]).toBe(Date.UTC(2010, 0, 1));
    expect(cube.stepStarts[119]).toBe(Date.UTC(2019, 11, 1));
    expect(cube.end).toBe(Date.UTC(2020, 0, 1));
    expect(accepted).toBeGreaterThan(0.99 * 148_636);
    expect(cube.counted).toBe(accepted);
    expect(cube.outsideWindow).toBe(0);
    expect(cube.counts.reduce((a, b) => a + b, 0)).toBe(accepted);
  });

  it('classifies every cell with one of the seventeen patterns', async () => {
    const { grid, result } = await chicago();
    expect(result.cells).toBe(grid.cells.length);
    expect(result.steps).toBe(120);
    expect(result.category).toHaveLength(grid.cells.length);
    for (const category of result.category) expect(EMERGING_PATTERNS).toContain(category);
    expect(result.z).toHaveLength(120 * grid.cells.length);
    expect(result.z.every(Number.isFinite)).toBe(true);
  });

  it('finds persistent hot spots, and the hot cells have many more assaults than the cold ones', async () => {
    const { accepted, cube, result } = await chicago();
    const counts = new Map<string, number>();
    for (const category of result.category) counts.set(category, (counts.get(category) ?? 0) + 1);
    expect(counts.get('Persistent Hot Spot') ?? 0).toBeGreaterThanOrEqual(1);
    const total = (c: number) => {
      let sum = 0;
      for (let t = 0; t < 120; t++) sum += cube.counts[t * result.cells + c];
      return sum;
    };
    const mean = (pattern: string) => {
      const cells = result.category.flatMap((category, c) => (category === pattern ? [c] : []));
      return cells.reduce((s, c) => s + total(c), 0) / cells.length;
    };
    expect(mean('Persistent Hot Spot')).toBeGreaterThan(3 * (accepted / result.cells));
    for (let c = 0; c < result.cells; c++) {
      if (result.category[c] === 'Persistent Hot Spot')
        expect(result.hotSteps[c]).toBeGreaterThanOrEqual(108);
    }
  });
});
