import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { once } from '../../../core/test/helpers/once.js';
import {
  type AnalysisOutputs,
  analyzeParsedInputs,
  runParsedInputs,
} from '../../src/data/analyzeRawInputs.js';
import { applyRescore } from '../../src/data/applyRescore.js';
import { loadResults } from '../../src/data/loadResults.js';
import { memoryResultSource } from '../../src/data/memoryResultSource.js';
import { readRawInputs } from '../../src/data/readRawInputs.js';
import { rescoreUpdateOf } from '../../src/data/rescoreInWorker.js';
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
      'cells.bin': outputs.cellsBinary,
      'zones.geojson': outputs.zonesText,
      'summary.json': outputs.summaryText,
    }),
  );
}

/** A cell's properties without robustness, which a re-score does not recompute. */
const withoutRobustness = ({ robustness, ...rest }: Record<string, unknown>) => rest;

describe('applyRescore: a re-score in the worker applied to the results shown', () => {
  const weights = { hotspot: 0, crimeRate: 0.1, need: 1, trustDeficit: 0.2, partnerGap: 0 };
  /** The demo city read and analysed as the worker does, the results shown, and one re-score. */
  const worker = once(async () => {
    const config = JSON.parse(readFileSync(join(root, 'examples/hexreach.config.json'), 'utf8'));
    // A few weight draws and no re-runs at other resolutions: the robustness column is there to
    // be replaced, at a fraction of the example's cost.
    config.robustness = { draws: 10, resolutions: false };
    const parsed = await readRawInputs({
      incidents: demo('incidents.csv'),
      areas: demo('tracts.geojson'),
      organizations: demo('organizations.geojson'),
      surveys: demo('surveys.csv'),
      config: { name: 'hexreach.config.json', value: config },
    });
    const run = runParsedInputs(parsed);
    const shown = await load(run.outputs);
    return { parsed, shown, rescoredOnce: rescoreUpdateOf(parsed, run.result, weights) };
  });

  it('gives the cells, columns and zones a full run with those weights gives, robustness aside', async () => {
    const { parsed, shown, rescoredOnce } = await worker();
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

  it('keeps the array of a column whose values did not change, and takes a changed one', async () => {
    const { shown, rescoredOnce } = await worker();
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
