import { describe, expect, it } from 'vitest';
import { analysisToCells } from '../../src/export/analysisToCells.js';
import { analysisToSpaceTime } from '../../src/export/analysisToSpaceTime.js';
import { analysisToZones } from '../../src/export/analysisToZones.js';
import type { AnalysisResult } from '../../src/pipeline/analysisResult.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { PUBLIC_WITHOUT_WINDOW } from '../../src/pipeline/stages/emergingStage.js';
import { createScorer } from '../../src/priority/createScorer.js';
import { codeOf } from '../helpers/errors.js';
import { squareCity } from '../helpers/squareCity.js';

/** A public run of the square city over its window, January to March 2024. */
const PUBLIC = {
  resolution: 9,
  population: 'population',
  indicators: [{ name: 'poverty', direction: 'higher' as const }],
  statistics: ['gistar' as const, 'lisa' as const, 'kde' as const, 'emerging' as const],
  hotspots: { permutations: 49 },
  incidents: { from: '2024-01-01', to: '2024-04-01' },
  emerging: { step: 'month' as const, timeSteps: 3 },
  robustness: { draws: 10, resolutions: true },
  zones: { topN: 12, minCells: 2 },
  privacy: { public: true, noiseSeed: 3 },
};

/** Every file-shaped output of a result, as text. */
function outputsOf(result: AnalysisResult): string {
  return JSON.stringify([
    analysisToCells(result),
    analysisToZones(result),
    analysisToSpaceTime(result),
    result.notes,
    analysisToZones(createScorer(result).full({ need: 3 })),
  ]);
}

describe('a public run computes everything from noisy counts', () => {
  it('writes the same outputs when every true count is overwritten once the noise is drawn', () => {
    const expected = outputsOf(analyze(squareCity(), PUBLIC));
    const poisoned = analyze(squareCity(), PUBLIC, {
      truthAfterNoise: ({ binned, incidents }) => {
        binned.count.fill(1e6);
        binned.incidents.fill(999);
        binned.byCategory.fill(999);
        binned.cellOfIncident.fill(0);
        for (const column of [incidents.lng, incidents.lat, incidents.time, incidents.weight])
          column.fill(0);
      },
    });
    expect(outputsOf(poisoned)).toBe(expected);
  });

  it('publishes counts that are not the true ones', () => {
    const truth = analyze(squareCity(), { ...PUBLIC, privacy: { public: false } });
    const noisy = analyze(squareCity(), PUBLIC);
    let differ = 0;
    for (let c = 0; c < truth.grid.cells.length; c++)
      if (truth.binned.incidents[c] !== noisy.binned.incidents[c]) differ++;
    expect(differ / truth.grid.cells.length).toBeGreaterThan(0.5);
    expect(Array.from(noisy.binned.count).every((v) => v >= 0)).toBe(true);
  });

  it('draws secret noise unless a test seeds it: two unseeded runs differ, two seeded ones agree', () => {
    const unseeded = { ...PUBLIC, privacy: { public: true } };
    const a = analyze(squareCity(), unseeded).binned.incidents;
    const b = analyze(squareCity(), unseeded).binned.incidents;
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(outputsOf(analyze(squareCity(), PUBLIC))).toBe(outputsOf(analyze(squareCity(), PUBLIC)));
  });

  it('states ε and the share and sensitivity of each noisy table', () => {
    const { noisy } = analyze(squareCity(), {
      ...PUBLIC,
      privacy: { ...PUBLIC.privacy, epsilon: 2 },
    });
    expect(noisy?.privacy.epsilon).toBe(2);
    expect(noisy?.privacy.tables.map((t) => [t.table, t.sensitivity])).toEqual([
      ['byGroup', 1],
      ['byCategory', 1],
      ['byStep', 1],
    ]);
    expect(noisy?.privacy.tables.reduce((sum, t) => sum + t.epsilon, 0)).toBeCloseTo(2, 12);
  });

  it('compares no other resolution, and says why', () => {
    const result = analyze(squareCity(), PUBLIC);
    expect(result.robustness?.resolutions).toEqual([]);
    expect(result.notes.some((n) => n.includes('neighbouring resolutions'))).toBe(true);
  });

  it('publishes no time series without a configured window, whose steps would be the data’s', () => {
    const { incidents: _, ...withoutWindow } = PUBLIC;
    const result = analyze(squareCity(), withoutWindow);
    expect(result.emerging).toBeUndefined();
    expect(result.temporal).toBeUndefined();
    expect(result.notes).toContain(PUBLIC_WITHOUT_WINDOW);
    expect(result.zoneDetails.every((z) => z.trend?.counts.length === 0)).toBe(true);
  });

  it('sums the noisy monthly table for change periods, which must be whole months', () => {
    const change = {
      ...PUBLIC,
      statistics: ['gistar' as const, 'change' as const],
      change: {
        before: { from: '2024-01-01', to: '2024-02-01' },
        after: { from: '2024-02-01', to: '2024-04-01' },
      },
    };
    const result = analyze(squareCity(), change);
    const steps = result.noisy!.steps!.weighted;
    const n = steps.cells;
    for (let c = 0; c < n; c++) {
      expect(result.change!.before[c]).toBe(steps.counts[c]);
      expect(result.change!.after[c]).toBe(steps.counts[n + c] + steps.counts[2 * n + c]);
    }
    const halfMonth = { ...change.change, after: { from: '2024-02-15', to: '2024-04-01' } };
    expect(codeOf(() => analyze(squareCity(), { ...change, change: halfMonth }))).toBe('E_CONFIG');
  });
});

describe('a public run refuses what it cannot protect', () => {
  it('refuses record weights so varied that each would be its own noisy table column', () => {
    const inputs = squareCity();
    const weight = Float64Array.from({ length: inputs.incidents.length }, (_, i) => 1 + i / 1000);
    const varied = { ...inputs, incidents: { ...inputs.incidents, weight } };
    expect(codeOf(() => analyze(varied, PUBLIC))).toBe('E_INPUT');
    const rounded = Float64Array.from(weight, (w) => Math.round(w));
    expect(() =>
      analyze({ ...inputs, incidents: { ...inputs.incidents, weight: rounded } }, PUBLIC),
    ).not.toThrow();
  });
});
