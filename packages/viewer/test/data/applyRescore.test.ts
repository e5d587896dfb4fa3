import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AnalysisOutputs,
  analyzeParsedInputs,
  type ParsedInputs,
  readRawInputs,
  rescoreParsedInputs,
  runParsedInputs,
} from '../../src/data/analyzeRawInputs.js';
import { applyRescore } from '../../src/data/applyRescore.js';
import { loadResults } from '../../src/data/loadResults.js';
import { memoryResultSource } from '../../src/data/memoryResultSource.js';
import type { LoadedResults } from '../../src/data/results.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const demo = (name: string) => ({
  name,
  data: new Blob([readFileSync(join(root, 'data/demo', name))]),
});

/** The results the page shows for some outputs of the worker. */
function load(outputs: AnalysisOutputs): Promise<LoadedResults> {
  return loadResults(
    memoryResultSource('test', {
      'cells.geojson': outputs.cellsText,
      'zones.geojson': outputs.zonesText,
      'summary.json': outputs.summaryText,
    }),
  );
}

/** A cell's properties without robustness, which a re-score does not recompute. */
const withoutRobustness = ({ robustness, ...rest }: Record<string, unknown>) => rest;

describe('applyRescore: a re-score in the worker applied to the results shown', () => {
  let parsed: ParsedInputs;
  let shown: LoadedResults;
  let rescoredOnce: ReturnType<typeof rescoreParsedInputs>;
  const weights = { hotspot: 0, crimeRate: 0.1, need: 1, trustDeficit: 0.2, partnerGap: 0 };

  beforeAll(async () => {
    const config = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
    parsed = await readRawInputs({
      incidents: demo('incidents.csv'),
      areas: demo('tracts.geojson'),
      organizations: demo('organizations.geojson'),
      surveys: demo('surveys.csv'),
      config: { name: 'hexreach.config.json', value: config },
    });
    const run = runParsedInputs(parsed);
    shown = await load(run.outputs);
    rescoredOnce = rescoreParsedInputs(parsed, run.result, weights);
  }, 180_000);

  it('gives the cells, columns and zones a full run with those weights gives, robustness aside', async () => {
    const full = await load(analyzeParsedInputs(parsed, { weights }));
    const { results, changed } = applyRescore(shown, rescoredOnce.update);
    expect(changed).toEqual(expect.arrayContaining(['score', 'zone', 'reasons', 'robustness']));
    expect(results.cells.features.map((f) => withoutRobustness(f.properties))).toEqual(
      full.cells.features.map((f) => withoutRobustness(f.properties)),
    );
    expect(results.numericColumns).toEqual(full.numericColumns.filter((c) => c !== 'robustness'));
    for (const column of results.numericColumns)
      expect(Array.from(results.columns[column]), column).toEqual(Array.from(full.columns[column]));
    expect(results.texts.zone).toEqual(full.texts.zone);
    expect(results.zones?.features.map((z) => [z.properties.id, z.properties.cells])).toEqual(
      full.zones?.features.map((z) => [z.properties.id, z.properties.cells]),
    );
    expect(results.summary?.parameters?.priority?.weights).toMatchObject(weights);
    expect(JSON.stringify(results.summary?.notes)).toContain('obustness');
  });

  it('keeps the array of a column whose values did not change, and takes a changed one', () => {
    const score = Float64Array.from(rescoredOnce.update.cellValues.score as Float64Array);
    const zoneRank = shown.columns.zone_rank;
    const given = {
      ...shown,
      columns: { ...shown.columns, score },
    };
    const { results } = applyRescore(given, rescoredOnce.update);
    expect(results.columns.score).toBe(score);
    expect(results.columns.zone_rank).not.toBe(zoneRank);
    expect(Array.from(results.columns.zone_rank)).toEqual(
      Array.from(rescoredOnce.update.cellValues.zone_rank as Float64Array),
    );
  });
});
