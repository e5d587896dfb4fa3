import { describe, expect, it } from 'vitest';
import type { HexreachConfig } from '../../src/config/configSchema.js';
import type { AnalysisResult } from '../../src/pipeline/analysisResult.js';
import { createScorer } from '../../src/priority/createScorer.js';
import { analyzeDemoCity } from '../helpers/analyzeDemoCity.js';
import { thrownBy } from '../helpers/errors.js';
import { once } from '../helpers/once.js';
import { WEIGHT_SETS } from '../helpers/weightSets.js';

// The demo city (data/demo) with the example configuration (zones: score ≥ 0.8, 3 cells or
// more), then with a top-N and a budget rule; robustness and the statistics the zones do not
// read are left out.

/** The demo city analysed with Gi* alone and no robustness. */
const demo = once(() => analyzeDemoCity());

/** The result with another zones section, as if analysed with it. */
function withZones(
  result: AnalysisResult,
  zones: Partial<HexreachConfig['zones']>,
): AnalysisResult {
  return { ...result, config: { ...result.config, zones: { ...result.config.zones, ...zones } } };
}

describe('createScorer(result).zones on the demo city', () => {
  for (const [label, weights] of WEIGHT_SETS) {
    it(`equals .full's zones, zoneOfCell and droppedCells: ${label}`, async () => {
      const result = await demo();
      const actual = createScorer(result).zones(createScorer(result).score(weights).score);
      const expected = createScorer(result).full(weights);
      expect(actual.zones.length).toBeGreaterThan(0);
      expect(actual.zones).toEqual(expected.zones);
      expect(actual.zoneOfCell).toEqual(expected.zoneOfCell);
      expect(actual.droppedCells).toEqual(expected.droppedCells);
    });
  }

  it('selects by the configured rule: the top 40 cells', async () => {
    const result = await demo();
    const topN = withZones(result, { threshold: undefined, topN: 40, minCells: 1 });
    const weights = { need: 0.7 };
    const actual = createScorer(topN).zones(createScorer(topN).score(weights).score);
    expect(actual.zones).toEqual(createScorer(topN).full(weights).zones);
    expect(actual.zones.reduce((sum, zone) => sum + zone.cellCount, 0)).toBe(40);
  });

  it('selects by the configured rule: a budget of 3 zones', async () => {
    const result = await demo();
    const budget = withZones(result, { budget: { maxZones: 3, maxCells: 60 } });
    const weights = { hotspot: 0.8 };
    const actual = createScorer(budget).zones(createScorer(budget).score(weights).score);
    expect(actual.zones).toEqual(createScorer(budget).full(weights).zones);
    expect(actual.zones.length).toBeGreaterThan(0);
    expect(actual.zones.length).toBeLessThanOrEqual(3);
  });

  it('numbers each cell with its zone in rank order, −1 outside the zones', async () => {
    const result = await demo();
    const { zones, zoneOfCell } = createScorer(result).zones(createScorer(result).score({}).score);
    zones.forEach((zone, z) => {
      expect(zone.rank).toBe(z + 1);
      for (const cell of zone.cells) expect(zoneOfCell[result.grid.indexOf.get(cell)!]).toBe(z);
    });
    const inZones = zones.reduce((sum, zone) => sum + zone.cellCount, 0);
    expect(zoneOfCell.filter((z) => z === -1).length).toBe(zoneOfCell.length - inZones);
  });

  it('leaves the result it re-scores as it was', async () => {
    const result = await demo();
    const zoneOfCell = result.zoneOfCell.slice();
    const ids = result.zones.map((zone) => zone.id);
    createScorer(result).zones(createScorer(result).score({ hotspot: 0.9, need: 0 }).score);
    expect(result.zoneOfCell).toEqual(zoneOfCell);
    expect(result.zones.map((zone) => zone.id)).toEqual(ids);
  });

  it('rejects a score that is not one Float64Array value per cell', async () => {
    const result = await demo();
    const cells = result.grid.cells.length;
    for (const score of [new Float64Array(cells - 1), Array.from({ length: cells }, () => 0.5)]) {
      const error = thrownBy(() => createScorer(result).zones(score as Float64Array));
      expect(error.code).toBe('E_ARGUMENT');
      expect(error.message).toMatch(
        /createScorer\.zones: score must be a Float64Array with one value per cell/,
      );
    }
  });
});
