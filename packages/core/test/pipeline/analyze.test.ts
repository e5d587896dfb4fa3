import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { lngLatToCell } from '../../src/hex/h3.js';
import type { AnalyzeInputs } from '../../src/pipeline/analysisResult.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { analyzeBase } from '../../src/pipeline/analyzeBase.js';
import { startRun } from '../../src/pipeline/runContext.js';
import { scoreAndZone } from '../../src/priority/scoreAndZone.js';
import { isInZone } from '../../src/zones/isInZone.js';
import { resolutionAgreement } from '../../src/zones/resolutionAgreement.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { once } from '../helpers/once.js';
import { squareCity } from '../helpers/squareCity.js';

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

describe('analyze counts crimes against persons and property by default', () => {
  /** The square city with every third incident NARCOTICS (against society), the rest THEFT. */
  function withNarcotics(): AnalyzeInputs {
    const inputs = squareCity();
    const category = Uint16Array.from({ length: inputs.incidents.length }, (_, i) =>
      i % 3 === 0 ? 1 : 0,
    );
    return {
      ...inputs,
      incidents: { ...inputs.incidents, category, categories: ['THEFT', 'NARCOTICS'] },
    };
  }
  const options = { ...CONFIG, robustness: { draws: 0, resolutions: false } };

  it('leaves crimes against society out of the weighted count, and counts them with "all"', () => {
    const harm = analyze(withNarcotics(), options);
    const all = analyze(withNarcotics(), { ...options, incidents: { count: 'all' } });
    const K = 2;
    for (let c = 0; c < harm.grid.cells.length; c++) {
      const theft = harm.binned.byCategory[c * K];
      const narcotics = harm.binned.byCategory[c * K + 1];
      expect(harm.binned.count[c]).toBe(theft);
      expect(all.binned.count[c]).toBe(theft + narcotics);
      expect(harm.binned.incidents[c]).toBe(theft + narcotics);
    }
    expect(harm.counting.society).toEqual(['NARCOTICS']);
    expect(all.counting.society).toEqual([]);
  });
});
