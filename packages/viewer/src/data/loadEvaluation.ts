import { parseJson } from '@hexreach/core/io';
import type { EvaluationGeometry, LoadedEvaluation } from './evaluation.js';
import { parseEvaluation } from './parseEvaluation.js';
import { parseEvaluationZones } from './parseEvaluationZones.js';
import type { ResultSource } from './ResultSource.js';

/**
 * Reads and checks the results of a `hexreach evaluate` run from any {@link ResultSource}:
 * `evaluation.json` and the zones' outlines in `evaluation-zones.geojson`, joined by zone id.
 * Without the outlines (or for a zone they lack) the zones are listed but not drawn, and a note
 * says so; outlines of zones evaluation.json does not hold are left out with a note.
 *
 * @param source - where the files are
 * @returns the evaluation, or undefined when the source holds no evaluation.json
 * @throws HexreachError `E_INPUT` naming the file and the problem (invalid JSON with its line
 *   and column, a field of the wrong kind with its path)
 * @example
 * ```ts
 * const evaluation = await loadEvaluation(urlResultSource('results/'));
 * evaluation?.zones[0].crime.change; // -0.31
 * ```
 */
export async function loadEvaluation(source: ResultSource): Promise<LoadedEvaluation | undefined> {
  const [evaluationText, zonesText] = await Promise.all([
    source.readText('evaluation.json'),
    source.readText('evaluation-zones.geojson'),
  ]);
  if (evaluationText === undefined) return undefined;
  const parsed = parseEvaluation(parseJson(evaluationText, 'evaluation.json'), 'evaluation.json');
  const notes = [...parsed.notes];
  let outlines: EvaluationGeometry = { type: 'FeatureCollection', features: [] };
  if (zonesText === undefined) {
    notes.push('evaluation-zones.geojson was not found: the zones are listed but not drawn.');
  } else {
    const read = parseEvaluationZones(
      parseJson(zonesText, 'evaluation-zones.geojson'),
      'evaluation-zones.geojson',
    );
    const byId = new Map(read.features.map((f) => [f.properties.id, f]));
    const ids = new Set(parsed.zones.map((z) => z.id));
    const missing = parsed.zones.filter((z) => !byId.has(z.id)).map((z) => z.id);
    const unknown = read.features
      .filter((f) => !ids.has(f.properties.id))
      .map((f) => f.properties.id);
    outlines = {
      type: 'FeatureCollection',
      features: parsed.zones.flatMap((z) => byId.get(z.id) ?? []),
    };
    if (missing.length > 0) {
      notes.push(`evaluation-zones.geojson has no outline for ${missing.join(', ')}: not drawn.`);
    }
    if (unknown.length > 0) {
      notes.push(
        `evaluation-zones.geojson: ${unknown.join(', ')} not in evaluation.json, left out.`,
      );
    }
  }
  return {
    origin: source.description,
    zones: parsed.zones,
    all: parsed.all,
    outlines,
    months: parsed.months,
    isPublic: parsed.isPublic,
    notes,
  };
}
