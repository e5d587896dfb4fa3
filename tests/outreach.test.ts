import { describe, expect, it } from 'vitest';
import { readDemoInputs } from '../data/readDemoInputs.js';
import { readExampleConfig } from '../data/readExampleConfig.js';
import { configSchema, type HexreachConfig } from '../packages/core/src/config/configSchema.js';
import { gridDisk } from '../packages/core/src/hex/h3.js';
import { analyze } from '../packages/core/src/pipeline/analyze.js';
import { JOINT_CLASS_LABELS } from '../packages/core/src/priority/jointClasses.js';
import { once } from '../packages/core/test/helpers/once.js';

// Outreach targeting on the demo city with the example configuration.
const demo = once(async () => {
  const config = readExampleConfig();
  const inputs = await readDemoInputs(config);
  return { config, inputs, result: analyze(inputs, config) };
});

/**
 * The example configuration changed by `overrides`, without what the tests using it do not read
 * (LISA, emerging hot spots, robustness draws and re-runs): it checks the same thing faster.
 */
function lighter(config: HexreachConfig, overrides: Record<string, unknown>): HexreachConfig {
  return configSchema.parse({
    ...config,
    statistics: ['gistar'],
    robustness: { ...config.robustness, draws: 0, resolutions: false },
    ...overrides,
  });
}

describe('outreach targeting on the demo city', () => {
  it('explains every zone in words and names its joint class', async () => {
    const { result } = await demo();
    expect(result.zoneDetails).toHaveLength(result.zones.length);
    for (const detail of result.zoneDetails) {
      expect(detail.reasons.length).toBeGreaterThan(0);
      expect(JOINT_CLASS_LABELS).toContain(detail.jointClass);
      expect(detail.need).toBeGreaterThan(0.5);
    }
  });

  it('suggests the nearest partners of each zone, nearest first, at most five', async () => {
    const { result } = await demo();
    for (const detail of result.zoneDetails) {
      expect(detail.partners.length).toBeGreaterThan(0);
      expect(detail.partners.length).toBeLessThanOrEqual(5);
      const distances = detail.partners.map((p) => p.distanceMeters);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    }
  });

  it('gives every cell a joint class and a reason list ordered by contribution', async () => {
    const { result } = await demo();
    expect(result.jointClasses.code).toHaveLength(result.grid.cells.length);
    const hotAndNeedy = result.jointClasses.code.reduce((c, v) => c + (v === 3 ? 1 : 0), 0);
    expect(hotAndNeedy).toBeGreaterThan(0);
    const top = result.zones[0].cells[0];
    expect(result.reasons[result.grid.indexOf.get(top)!].length).toBeGreaterThan(0);
  });

  it('reports whom the zones reach: population-weighted make-up against the whole city', async () => {
    const { result } = await demo();
    const equity = result.equity!;
    const inZones = result.zones.reduce((s, z) => s + z.population, 0);
    expect(equity.selectedPopulation).toBeCloseTo(inZones, 6);
    const black = equity.rows.find((r) => r.name === 'pct_black')!;
    expect(black.ratio).toBeCloseTo(black.selected / black.all, 12);
  });

  it('scores trust from area aggregates when there are no individual answers', async () => {
    const { config, inputs } = await demo();
    // Published per tract: a mean answer and a number of respondents (here made from poverty).
    const poverty = inputs.areas.attributes.poverty_rate;
    const areas = {
      ...inputs.areas,
      attributes: {
        ...inputs.areas.attributes,
        trust_mean: Float64Array.from(poverty, (p) => (p > 20 ? 2.2 : 3.6)),
        trust_n: Float64Array.from(poverty, (_, i) => 5 + (i % 30)),
      },
    };
    const result = analyze(
      { ...inputs, areas, surveys: undefined },
      lighter(config, {
        inputs: {},
        trust: { areaMean: 'trust_mean', areaResponses: 'trust_n' },
      }),
    );
    expect(result.trust).toBeDefined();
    expect(result.priority.weights.trustDeficit).toBeGreaterThan(0);
    // Cells of high-poverty tracts get the larger deficit.
    const index = (p: (v: number) => boolean) =>
      result.grid.cells.findIndex(
        (_, c) => p(result.attributes.poverty_rate[c]) && result.trust!.responses[c] > 0,
      );
    const poor = index((v) => v > 30);
    const rich = index((v) => v < 5);
    expect(result.trust!.deficit[poor]).toBeGreaterThan(result.trust!.deficit[rich]);
  });

  it('selects at most K contiguous zones within a cell budget', async () => {
    const { config, inputs } = await demo();
    const budget = analyze(
      inputs,
      lighter(config, { zones: { budget: { maxZones: 3, maxCells: 15 } } }),
    );
    expect(budget.zones.length).toBeLessThanOrEqual(3);
    expect(budget.zones.length).toBeGreaterThan(0);
    for (const zone of budget.zones) {
      expect(zone.cellCount).toBeLessThanOrEqual(15);
      // Contiguous: a walk over H3 neighbours inside the zone reaches every cell.
      const cells = new Set(zone.cells);
      const seen = new Set([zone.cells[0]]);
      const queue = [zone.cells[0]];
      while (queue.length > 0) {
        for (const next of gridDisk(queue.pop()!, 1)) {
          if (cells.has(next) && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.size).toBe(cells.size);
    }
  });
});
