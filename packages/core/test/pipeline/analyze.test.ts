import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { lngLatToCell } from '../../src/hex/h3.js';
import type { AnalyzeInputs } from '../../src/pipeline/analysisResult.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { analyzeBase } from '../../src/pipeline/analyzeBase.js';
import { startRun } from '../../src/pipeline/runContext.js';
import { scoreAndZone } from '../../src/priority/scoreAndZone.js';
import { mulberry32 } from '../../src/util/random.js';
import { isInZone } from '../../src/zones/isInZone.js';
import { resolutionAgreement } from '../../src/zones/resolutionAgreement.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { once } from '../helpers/once.js';

/**
 * A 4 × 4 km square of two tracts (west poorer and more crowded) and 600 seeded incidents, a
 * third of them in a hot corner, over January to March: small enough to analyse in milliseconds.
 */
function squareCity(): AnalyzeInputs {
  const random = mulberry32(7);
  const west = [-87.7, 41.85, -87.676, 41.886];
  const east = [-87.676, 41.85, -87.652, 41.886];
  const box = ([x0, y0, x1, y1]: number[]) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  });
  const n = 600;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hot = i % 3 === 0;
    lng[i] = hot ? -87.695 + random() * 0.006 : -87.699 + random() * 0.046;
    lat[i] = hot ? 41.852 + random() * 0.005 : 41.851 + random() * 0.034;
    time[i] = Date.UTC(2024, 0, 1) + Math.floor(random() * 91) * 86_400_000;
  }
  return {
    incidents: {
      source: 'incidents.csv',
      recordKind: 'row',
      length: n,
      lng,
      lat,
      time,
      category: new Uint16Array(n),
      categories: ['all'],
      weight: new Float64Array(n).fill(1),
      record: Uint32Array.from({ length: n }, (_, i) => i + 2),
    },
    areas: {
      source: 'tracts.geojson',
      length: 2,
      geometries: [box(west), box(east)],
      record: Uint32Array.of(0, 1),
      attributes: {
        population: Float64Array.of(6000, 3000),
        poverty: Float64Array.of(0.31, 0.08),
      },
      ids: ['west', 'east'],
    },
  };
}

const CONFIG = {
  resolution: 9,
  population: 'population',
  indicators: [{ name: 'poverty', direction: 'higher' as const }],
  statistics: ['gistar' as const, 'emerging' as const],
  hotspots: { permutations: 0 },
  robustness: { draws: 20, resolutions: true },
  zones: { topN: 12, minCells: 2 },
};

describe('analyze: the stages before the weights, then the weight-dependent ones', () => {
  const inputs = once(() => squareCity());
  const result = once(async () => analyze(await inputs(), CONFIG));

  it('is analyzeBase followed by scoreAndZone, field for field', async () => {
    const config = parseConfig(CONFIG, 'test');
    const run = startRun(await inputs(), config);
    const base = analyzeBase(run);
    const scored = scoreAndZone(base, config, { draws: 20, resolutions: true });
    const whole = await result();
    expect(whole.zones).toEqual(scored.fields.zones);
    expect(whole.priority.score).toEqual(scored.fields.priority.score);
    expect(whole.robustness?.probability).toEqual(scored.fields.robustness?.probability);
    expect(whole.hotspots.z).toEqual(base.hotspots.z);
    expect(whole.notes).toEqual([...run.notes, ...scored.notes]);
  });

  it('times each stage in pipeline order', async () => {
    const steps = Object.keys((await result()).durations);
    const order = ['cells', 'binning', 'interpolation', 'hotspots', 'components', 'emerging'];
    const weighted = ['priority', 'zones', 'robustness', 'reasons'];
    expect(steps.filter((s) => order.includes(s))).toEqual(order);
    expect(steps.slice(-weighted.length)).toEqual(weighted);
  });

  it('compares the zones at r ± 1 with the zones a whole analysis makes there', async () => {
    const whole = await result();
    for (const resolution of [8, 10]) {
      const other = analyze(await inputs(), {
        ...CONFIG,
        resolution,
        statistics: ['gistar'],
        robustness: { draws: 0, resolutions: false },
      });
      const share = whole.robustness!.resolutions.find((r) => r.resolution === resolution)!.share;
      expect(share).toEqual(
        resolutionAgreement(whole.grid, other.grid, isInZone(other.zoneOfCell)),
      );
    }
  });

  it('counts every incident in the square, the hot corner in its cells', async () => {
    const { binned, grid } = await result();
    expect(binned.accepted).toBe(600);
    const corner = grid.indexOf.get(lngLatToCell(-87.692, 41.8545, 9))!;
    expect(binned.incidents[corner]).toBeGreaterThan(20);
  });

  it('refuses an area that needs more cells than maxCells before making any, naming the file', async () => {
    const error = thrownBy(() =>
      analyze(squareCity(), { ...CONFIG, resolution: 11, maxCells: 1000 }),
    );
    expect(codeOf(() => analyze(squareCity(), { ...CONFIG, maxCells: 10 }))).toBe('E_INPUT');
    expect(error.message).toMatch(/^tracts\.geojson: the study area/);
  });
});
