import { describe, expect, it } from 'vitest';
import { makeDemoCity } from '../data/makeDemoCity.js';
import { readDemoInputs } from '../data/readDemoInputs.js';
import { readExampleConfig } from '../data/readExampleConfig.js';
import { gridDisk, lngLatToCell } from '../packages/core/src/hex/h3.js';
import type { AnalysisResult } from '../packages/core/src/pipeline/analysisResult.js';
import { analyze } from '../packages/core/src/pipeline/analyze.js';
import { once } from '../packages/core/test/helpers/once.js';

// The demo city has planted structure (data/demo/README.md): the analysis must find it.
const facts = makeDemoCity().facts;

describe('the demo analysis finds what was planted in the demo city', () => {
  const analysis = once(async (): Promise<AnalysisResult> => {
    const config = readExampleConfig();
    return analyze(await readDemoInputs(config), {
      ...config,
      statistics: ['gistar', 'emerging', 'change'],
      // Zones do not depend on robustness: its draws and re-runs are left out.
      robustness: { ...config.robustness, draws: 0, resolutions: false },
      change: {
        before: { from: '2023-01-01', to: '2024-01-01' },
        after: { from: '2024-01-01', to: '2025-01-01' },
      },
    });
  });

  /** Zone ids found within one grid step of a point. */
  function zonesNear(result: AnalysisResult, [lng, lat]: readonly [number, number]): Set<string> {
    const found = new Set<string>();
    for (const cell of gridDisk(lngLatToCell(lng, lat, result.grid.resolution), 1)) {
      const i = result.grid.indexOf.get(cell);
      if (i !== undefined && result.zoneOfCell[i] >= 0)
        found.add(result.zones[result.zoneOfCell[i]].id);
    }
    return found;
  }

  it('puts a priority zone on every hotspot that lies in a disadvantaged district', async () => {
    const result = await analysis();
    const withNeed = facts.hotspots.filter((h) => h.withNeed && h.activity !== 'emerging');
    expect(withNeed.length).toBeGreaterThan(0);
    for (const hotspot of withNeed)
      expect(zonesNear(result, hotspot.centre).size, hotspot.name).toBeGreaterThan(0);
  });

  it('gives different zones to different disadvantaged hotspot districts', async () => {
    const result = await analysis();
    const ids = facts.hotspots
      .filter((h) => h.withNeed && h.activity !== 'emerging')
      .map((h) => [...zonesNear(result, h.centre)][0]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves out hotspots in well-off districts: the score weighs need, not crime alone', async () => {
    const result = await analysis();
    // Downtown and Northgate Mall sit in well-off tracts. (West Yards, which emerges in 2024, lies
    // on the fringe of Quarry Row's need and may rightly join its zone.)
    const withoutNeed = facts.hotspots.filter((h) => !h.withNeed && h.activity === 'steady');
    expect(withoutNeed.length).toBeGreaterThan(0);
    for (const hotspot of withoutNeed)
      expect(zonesNear(result, hotspot.centre).size, hotspot.name).toBe(0);
  });

  it('marks every planted hotspot with need as a significant Gi* hot spot', async () => {
    const result = await analysis();
    for (const hotspot of facts.hotspots.filter((h) => h.activity === 'steady')) {
      const i = result.grid.indexOf.get(
        lngLatToCell(hotspot.centre[0], hotspot.centre[1], result.grid.resolution),
      )!;
      expect(result.hotspots.bin[i], hotspot.name).toBeGreaterThanOrEqual(2);
    }
  });

  /** Index of the cell holding a planted hotspot's centre. */
  function cellAt(result: AnalysisResult, name: string): number {
    const h = facts.hotspots.find((x) => x.name === name)!;
    return result.grid.indexOf.get(lngLatToCell(h.centre[0], h.centre[1], result.grid.resolution))!;
  }

  it('classifies the hotspot that appears in 2024 as a new, consecutive or intensifying hot spot', async () => {
    const result = await analysis();
    for (const h of facts.hotspots.filter((x) => x.activity === 'emerging')) {
      expect(['New Hot Spot', 'Consecutive Hot Spot', 'Intensifying Hot Spot'], h.name).toContain(
        result.emerging!.result.category[cellAt(result, h.name)],
      );
    }
  });

  it('classifies the steady hotspots as persistent or intensifying', async () => {
    const result = await analysis();
    for (const h of facts.hotspots.filter((x) => x.activity === 'steady')) {
      expect(['Persistent Hot Spot', 'Intensifying Hot Spot'], h.name).toContain(
        result.emerging!.result.category[cellAt(result, h.name)],
      );
    }
  });

  it('measures a significant rise where a hotspot emerged and a significant fall where one faded', async () => {
    const result = await analysis();
    const change = result.change!.result;
    for (const h of facts.hotspots.filter((x) => x.activity !== 'steady')) {
      const i = cellAt(result, h.name);
      expect(change.pFdr[i], h.name).toBeLessThan(0.001);
      if (h.activity === 'emerging') expect(change.rateRatio[i], h.name).toBeGreaterThan(3);
      else expect(change.rateRatio[i], h.name).toBeLessThan(0.5);
    }
  });
});
