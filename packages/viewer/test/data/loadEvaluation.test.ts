import { describe, expect, it } from 'vitest';
import { fileResultSource } from '../../src/data/fileResultSource.js';
import { loadEvaluation } from '../../src/data/loadEvaluation.js';
import { memoryResultSource } from '../../src/data/memoryResultSource.js';
import { evaluatedZoneJson, evaluationJson, outlineFeature } from '../helpers/evaluationJson.js';

const json = JSON.stringify(
  evaluationJson([evaluatedZoneJson('Z01', -0.31), evaluatedZoneJson('Z02', 0.08)]),
);
const outlines = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features });

describe('loadEvaluation', () => {
  it('joins the zones of evaluation.json to their outlines by id, in the zones’ order', async () => {
    const loaded = await loadEvaluation(
      memoryResultSource('results/', {
        'evaluation.json': json,
        'evaluation-zones.geojson': outlines(outlineFeature('Z02', 2), outlineFeature('Z01')),
      }),
    );
    expect(loaded?.origin).toBe('results/');
    expect(loaded?.outlines.features.map((f) => f.properties.id)).toEqual(['Z01', 'Z02']);
    expect(loaded?.notes).toEqual(['A note.']);
  });

  it('is undefined for a source without evaluation.json', async () => {
    expect(await loadEvaluation(memoryResultSource('out/', { 'cells.geojson': '{}' }))).toBe(
      undefined,
    );
  });

  it('lists zones without an outline, and outlines of no zone, in its notes', async () => {
    const without = await loadEvaluation(memoryResultSource('x', { 'evaluation.json': json }));
    expect(without?.outlines.features).toEqual([]);
    expect(without?.notes).toContain(
      'evaluation-zones.geojson was not found: the zones are listed but not drawn.',
    );
    const partial = await loadEvaluation(
      memoryResultSource('x', {
        'evaluation.json': json,
        'evaluation-zones.geojson': outlines(outlineFeature('Z01'), outlineFeature('Z09', 5)),
      }),
    );
    expect(partial?.outlines.features.map((f) => f.properties.id)).toEqual(['Z01']);
    expect(partial?.notes).toEqual([
      'A note.',
      'evaluation-zones.geojson has no outline for Z02: not drawn.',
      'evaluation-zones.geojson: Z09 not in evaluation.json, left out.',
    ]);
  });

  it('names the file and the problem for a broken outline file', async () => {
    const broken = memoryResultSource('x', {
      'evaluation.json': json,
      'evaluation-zones.geojson': outlines({ ...outlineFeature('Z01'), properties: {} }),
    });
    await expect(loadEvaluation(broken)).rejects.toThrow(
      'evaluation-zones.geojson: feature 0: id is missing, expected a zone id such as "Z01"',
    );
    const invalid = memoryResultSource('x', { 'evaluation.json': '{"zones": [' });
    await expect(loadEvaluation(invalid)).rejects.toThrow(/^evaluation\.json/);
  });

  it('reads dropped files by name, and does not list evaluation.csv as unused', async () => {
    const file = (name: string, text: string) => ({ file: new File([text], name), path: name });
    const { source, ignored } = fileResultSource([
      file('evaluation.json', json),
      file('evaluation-zones.geojson', outlines(outlineFeature('Z01'))),
      file('evaluation.csv', 'id\n'),
    ]);
    expect(ignored).toEqual([]);
    expect((await loadEvaluation(source))?.zones).toHaveLength(2);
  });
});
