import { evaluationSettings } from '@hexreach/core/config';
import { evaluateRun } from '@hexreach/core/evaluate';
import { evaluationToFeatureCollection, evaluationToJson } from '@hexreach/core/export';
import { parseJson, readEngagementCsv } from '@hexreach/core/io';
import corePackage from '@hexreach/core/package.json';
import { type ProgressListener, type RawInputs, readRawInputs } from './readRawInputs.js';

/** What `hexreach evaluate` writes that the viewer opens, as text. */
export interface EvaluationOutputs {
  readonly evaluationText: string;
  readonly zonesText: string;
}

/**
 * Evaluates raw inputs in the browser as `hexreach evaluate` does — the incidents, areas and
 * surveys read by `readRawInputs` (core's `readInputs`), the engagement log by core's
 * `readEngagementCsv`, then core's `evaluateRun` — and writes what the viewer opens of the CLI's
 * outputs: `evaluation.json` and `evaluation-zones.geojson`, with the same writers. Runs in the
 * analysis worker.
 *
 * @param inputs - the files, with `zones` (and optionally `engagement`) and the configuration
 * @param onProgress - called as steps start
 * @returns the two files' text
 * @throws HexreachError naming the file and the problem; `E_INPUT` when there are no zones
 * @example
 * ```ts
 * const { evaluationText } = await evaluateRawInputs({ incidents, areas, zones, config });
 * ```
 */
export async function evaluateRawInputs(
  inputs: RawInputs,
  onProgress: ProgressListener = () => {},
): Promise<EvaluationOutputs> {
  const { zones, engagement } = inputs;
  if (zones === undefined) throw new Error('evaluateRawInputs: no zones file to evaluate');
  const read = await readRawInputs(inputs, onProgress);
  onProgress(`Reading ${zones.name}`, 0.55);
  const collection = parseJson(await zones.data.text(), zones.name);
  let engagementTable: Awaited<ReturnType<typeof readEngagementCsv>> | undefined;
  if (engagement !== undefined) {
    onProgress(`Reading ${engagement.name}`, 0.57);
    engagementTable = await readEngagementCsv(engagement.data, {
      source: engagement.name,
      columns: evaluationSettings(read.config).engagement?.columns,
    });
  }
  onProgress('Evaluating the zones against placebo zones', 0.6);
  const run = evaluateRun(
    {
      incidents: read.incidents.data,
      areas: read.areas.data,
      surveys: read.surveys?.data,
      zones: { source: zones.name, collection },
      ...(engagementTable === undefined ? {} : { engagement: engagementTable.data }),
    },
    read.config,
  );
  const names = Object.fromEntries(
    Object.entries({
      incidents: inputs.incidents,
      areas: inputs.areas,
      surveys: inputs.surveys,
      zones,
      engagement,
    }).flatMap(([role, file]) => (file === undefined ? [] : [[role, file.name]])),
  );
  return {
    evaluationText: `${JSON.stringify(evaluationToJson(run, { version: corePackage.version, inputs: names }), null, 2)}\n`,
    zonesText: `${JSON.stringify(evaluationToFeatureCollection(run))}\n`,
  };
}
