import { describe, expect, it } from 'vitest';
import { readDemoInputs } from '../../../../data/readDemoInputs.js';
import { readExampleConfig } from '../../../../data/readExampleConfig.js';
import type { HexreachConfig } from '../../src/config/configSchema.js';
import { analysisToCells } from '../../src/export/analysisToCells.js';
import { analysisToZones } from '../../src/export/analysisToZones.js';
import type { AnalysisResult } from '../../src/pipeline/analysisResult.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { createScorer, type PriorityWeights } from '../../src/priority/createScorer.js';
import { codeOf, thrownBy } from '../helpers/errors.js';
import { once } from '../helpers/once.js';
import { WEIGHT_SETS } from '../helpers/weightSets.js';

// The demo city (data/demo) with the example configuration at resolution 8: re-scoring an
// analysis with new weights must give what a fresh analysis with those weights gives.

/** The example configuration, the demo inputs and their analysis, robustness included. */
const demoInputs = once(async () => {
  // At resolution 8 (about 200 cells): the same checks as at the example's 9, several times faster.
  const config: HexreachConfig = { ...readExampleConfig(), resolution: 8 };
  return { config, inputs: await readDemoInputs(config) };
});
const demo = once(async () => {
  const { config, inputs } = await demoInputs();
  return { config, inputs, base: analyze(inputs, config) };
});

/** The configuration with other weights (unnamed components keep theirs). */
function withWeights(
  from: HexreachConfig,
  weights: Partial<PriorityWeights>,
  robustness: Partial<HexreachConfig['robustness']> = {},
): HexreachConfig {
  return {
    ...from,
    priority: { ...from.priority, weights: { ...from.priority.weights, ...weights } },
    robustness: { ...from.robustness, ...robustness },
  };
}

const robustnessOff = { draws: 0, resolutions: false };
const NOT_RECOMPUTED =
  'Robustness was not recomputed for these priority weights (re-scored without it): the zones have no robustness label.';

/**
 * Every field that depends on the weights equals the fresh analysis' — exactly, not within a
 * tolerance: both run the same code on the same columns — and so do the exported files.
 */
function expectSameScoring(actual: AnalysisResult, expected: AnalysisResult): void {
  expect(actual.priority.weights).toEqual(expected.priority.weights);
  expect(actual.priority.score).toEqual(expected.priority.score);
  expect(actual.priority.normalized).toEqual(expected.priority.normalized);
  expect(actual.priority.contributions).toEqual(expected.priority.contributions);
  expect(actual.zoneOfCell).toEqual(expected.zoneOfCell);
  expect(actual.zones).toEqual(expected.zones);
  expect(actual.droppedCells).toBe(expected.droppedCells);
  expect(actual.reasons).toEqual(expected.reasons);
  expect(actual.zoneDetails).toEqual(expected.zoneDetails);
  expect(actual.equity).toEqual(expected.equity);
  expect(actual.robustness).toEqual(expected.robustness);
  expect(JSON.stringify(analysisToCells(actual))).toBe(JSON.stringify(analysisToCells(expected)));
  expect(JSON.stringify(analysisToZones(actual))).toBe(JSON.stringify(analysisToZones(expected)));
}

describe('createScorer(result).full on the demo city', () => {
  for (const [label, weights] of WEIGHT_SETS) {
    it(`equals a fresh analysis in every weight-dependent field: ${label}`, async () => {
      const { config, inputs, base } = await demo();
      const rescored = createScorer(base).full(weights);
      const expected = analyze(inputs, withWeights(config, weights, robustnessOff));
      expectSameScoring(rescored, expected);
      // The configuration recorded has the new weights (and the robustness asked for).
      expect(rescored.config).toEqual(withWeights(config, weights));
      expect(rescored.notes).toEqual([...expected.notes, NOT_RECOMPUTED]);
    });
  }

  it('changes the top zone when hotspots alone count, as a fresh analysis does', async () => {
    const { base } = await demo();
    const rescored = createScorer(base).full({
      hotspot: 1,
      crimeRate: 0,
      need: 0,
      trustDeficit: 0,
      partnerGap: 0,
    });
    expect(rescored.zones[0].cells).not.toEqual(base.zones[0].cells);
    expect(rescored.zoneDetails[0].reasons[0]).toMatch(/^significant hotspot/);
  });

  it('reuses every field that does not depend on the weights: the very same objects', async () => {
    const { base } = await demo();
    const rescored = createScorer(base).full({ need: 0.6 });
    const unchanged = [
      'inputs',
      'grid',
      'populationAttribute',
      'binned',
      'attributes',
      'coverage',
      'areaKm2',
      'rate',
      'hotspots',
      'moran',
      'lisa',
      'hotspotScale',
      'smoothedRate',
      'kde',
      'vulnerability',
      'needInterval',
      'trust',
      'partners',
      'components',
      'jointClasses',
      'partnerClasses',
      'emerging',
      'change',
      'concentration',
      'baseNotes',
    ] as const;
    for (const key of unchanged) expect(rescored[key], key).toBe(base[key]);
    // The weighted components reuse their normalised columns.
    for (const [name, column] of Object.entries(rescored.priority.normalized))
      expect(column, name).toBe(base.priority.normalized[name]);
    expect(rescored.priority.score).not.toBe(base.priority.score);
  });

  it('scores and words a component the analysis weighted 0', async () => {
    const { config, inputs } = await demoInputs();
    const withoutPartners = analyze(
      inputs,
      withWeights(config, { partnerGap: 0 }, { draws: 0, resolutions: false }),
    );
    expect(withoutPartners.priority.normalized.partnerGap).toBeUndefined();
    const rescored = createScorer(withoutPartners).full({ partnerGap: 0.6 });
    const expected = analyze(
      inputs,
      withWeights(config, { partnerGap: 0.6 }, { draws: 0, resolutions: false }),
    );
    expectSameScoring(rescored, expected);
    expect(rescored.reasons.some((list) => list.some((r) => r.includes('within 1 km')))).toBe(true);
    // The configuration asked for no robustness: nothing was left out, so no note says so.
    expect(rescored.notes).toEqual(expected.notes);
  });

  it('applies the configured top-N and budget rules', async () => {
    const { config, inputs } = await demoInputs();
    for (const zones of [
      { topN: 80, minCells: 2, suggestPartners: 3 },
      { budget: { maxZones: 4, maxCells: 12 }, minCells: 1, suggestPartners: 5 },
    ]) {
      const rule = { ...config, zones, robustness: { ...config.robustness, ...robustnessOff } };
      const rescored = createScorer(analyze(inputs, rule)).full({ need: 0.1, hotspot: 0.7 });
      expectSameScoring(rescored, analyze(inputs, withWeights(rule, { need: 0.1, hotspot: 0.7 })));
    }
  });

  it('re-scores a re-scored result from its weights: unnamed components keep the last ones', async () => {
    const { config, base } = await demo();
    const twice = createScorer(createScorer(base).full({ hotspot: 1 })).full({ need: 0.6 });
    const once = createScorer(base).full({ hotspot: 1, need: 0.6 });
    expectSameScoring(twice, once);
    expect(twice.config).toEqual(withWeights(config, { hotspot: 1, need: 0.6 }));
    expect(twice.notes).toEqual(once.notes);
  });

  it('recomputes the weight draws with the same seed when asked, without the resolutions on request', async () => {
    const { config, inputs, base } = await demo();
    const weights = { need: 0.6, hotspot: 0.2 };
    const rescored = createScorer(base).full(weights, { robustness: true, resolutions: false });
    const expected = analyze(inputs, withWeights(config, weights, { resolutions: false }));
    expect(rescored.robustness!.draws).toBe(config.robustness.draws);
    expectSameScoring(rescored, expected);
    expect(rescored.notes).toEqual([
      ...expected.notes,
      `Robustness was recomputed from the ${config.robustness.draws} weight draws alone: the comparison at resolutions 7 and 9 was not re-run.`,
    ]);
  });

  it('recomputes the whole robustness, resolutions included, as configured', async () => {
    const { config, inputs, base } = await demo();
    const weights = { need: 0.6, hotspot: 0.2 };
    const rescored = createScorer(base).full(weights, { robustness: true });
    const expected = analyze(inputs, withWeights(config, weights));
    expect(rescored.robustness!.resolutions.map((r) => r.resolution)).toEqual([7, 9]);
    expectSameScoring(rescored, expected);
    expect(rescored.notes).toEqual(expected.notes);
  });

  it('rejects weights that are not finite numbers >= 0 or name no component with E_ARGUMENT', async () => {
    const { base } = await demo();
    const unknown = thrownBy(() => createScorer(base).full({ urgency: 1 } as never));
    expect(unknown.code).toBe('E_ARGUMENT');
    expect(unknown.value).toBe('urgency');
    expect(unknown.message).toContain('"urgency"');
    for (const weight of [-0.1, Number.NaN, Number.POSITIVE_INFINITY, '0.5' as never])
      expect(
        codeOf(() => createScorer(base).full({ need: weight })),
        String(weight),
      ).toBe('E_ARGUMENT');
    expect(codeOf(() => createScorer(base).full(null as never))).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        createScorer(base).full({
          hotspot: 0,
          crimeRate: 0,
          need: 0,
          trustDeficit: 0,
          partnerGap: 0,
        }),
      ),
    ).toBe('E_ARGUMENT');
  });

  it('rejects weights that leave only components the analysis cannot score', async () => {
    const { config, inputs } = await demoInputs();
    // Without organizations there is no partner gap to score.
    const noPartners = analyze(
      { ...inputs, organizations: undefined },
      withWeights(config, {}, robustnessOff),
    );
    const only = { hotspot: 0, crimeRate: 0, need: 0, trustDeficit: 0, partnerGap: 1 };
    expect(noPartners.partners).toBeUndefined();
    expect(codeOf(() => createScorer(noPartners).full(only))).toBe('E_ARGUMENT');
    expect(createScorer(noPartners).full({ ...only, need: 0.1 }).notes).toContain(
      'The partner-gap component was left out: no organizations were given.',
    );
  });
});
