import { describe, expect, it } from 'vitest';
import type { EvaluationRun } from '../../src/evaluate/evaluateRun.js';
import { evaluationToFeatureCollection } from '../../src/export/evaluationToFeatureCollection.js';
import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk } from '../../src/hex/h3.js';
import { codeOf } from '../helpers/errors.js';
import { expectRfc7946Polygonal } from './rfc7946Checks.js';

const CENTER = '882664c1a9fffff';

/** A run of two zones over a 2-ring disk: the centre with its ring, and one far cell. */
function run(changes: readonly number[]) {
  const grid = gridFromCells(gridDisk(CENTER, 2));
  const indexOf = (cell: string) => grid.cells.indexOf(cell);
  const first = gridDisk(CENTER, 1).map(indexOf);
  const far = grid.cells.findIndex((c) => !gridDisk(CENTER, 1).includes(c));
  const zone = (id: string, change: number) => ({
    id,
    name: `${id} name`,
    start: '2024-01-01',
    crime: { change, low: change - 0.1, high: change + 0.1, confidence: 0.9, p: 0.04 },
    displacement: { wdq: -0.5, reading: 'some displacement into the surrounding ring' },
  });
  return {
    grid,
    zones: [zone('Z01', changes[0]), zone('Z02', changes[1])],
    zoneCells: [
      { id: 'Z01', cells: Int32Array.from(first), start: 0 },
      { id: 'Z02', cells: Int32Array.of(far), start: 0 },
    ],
  } as unknown as Pick<EvaluationRun, 'zones' | 'zoneCells' | 'grid'>;
}

describe('evaluationToFeatureCollection', () => {
  it('writes one RFC 7946 polygon per zone with its estimate as properties', () => {
    const collection = evaluationToFeatureCollection(run([-0.31, 0.05]));
    expect(collection.features.map((f) => f.properties.id)).toEqual(['Z01', 'Z02']);
    expect(collection.features[0].properties).toEqual({
      id: 'Z01',
      name: 'Z01 name',
      start: '2024-01-01',
      change: -0.31,
      low: -0.41,
      high: -0.21,
      confidence: 0.9,
      p: 0.04,
      wdq: -0.5,
      reading: 'some displacement into the surrounding ring',
    });
    for (const feature of collection.features) expectRfc7946Polygonal(feature.geometry);
    expect(collection.features[0].geometry.type).toBe('Polygon');
  });

  it('writes a change that is not a number as null', () => {
    const collection = evaluationToFeatureCollection(run([Number.NaN, 0]));
    expect(collection.features[0].properties.change).toBeNull();
  });

  it('refuses zones and zone cells that disagree in number', () => {
    const bad = { ...run([0, 0]), zoneCells: [] };
    expect(codeOf(() => evaluationToFeatureCollection(bad))).toBe('E_ARGUMENT');
  });
});
