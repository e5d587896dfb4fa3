import { describe, expect, it } from 'vitest';
import { analysisToCellValues } from '../../src/export/analysisToCellValues.js';
import { priorityToCellValues } from '../../src/export/priorityToCellValues.js';
import { createScorer } from '../../src/priority/createScorer.js';
import { priorityScore } from '../../src/priority/priorityScore.js';
import { analyzeDemoCity } from '../helpers/analyzeDemoCity.js';
import { codeOf } from '../helpers/errors.js';
import { once } from '../helpers/once.js';

describe('priorityToCellValues', () => {
  it('names the columns score and score_<component in snake case>, rounds score to 6 places, NaN for null', () => {
    // Weights 1 : 2 → 1/3, 2/3. Cell 1 has no crime rate (scored on the hotspot alone), cell 3
    // has neither (score null in cells.geojson, every contribution 0).
    const priority = priorityScore(
      [
        { name: 'hotspot', values: [0, 0, 0, 0], weight: 1 },
        { name: 'crimeRate', values: [0, 0, 0, 0], weight: 2 },
      ],
      {
        normalized: {
          hotspot: Float64Array.from([0, 0.5, 1 / 3, Number.NaN]),
          crimeRate: Float64Array.from([1, Number.NaN, 0.25, Number.NaN]),
        },
      },
    );
    const values = priorityToCellValues(priority);
    expect(Object.keys(values)).toEqual(['score', 'score_hotspot', 'score_crime_rate']);
    expect(Array.from(values.score)).toEqual([0.666667, 0.5, 0.277778, Number.NaN]);
    // Contributions are written unrounded, as cells.geojson writes them.
    expect(Array.from(values.score_hotspot)).toEqual([0, 0.5, 1 / 9, 0]);
    expect(Array.from(values.score_crime_rate)).toEqual([2 / 3, 0, 1 / 6, 0]);
    for (const column of Object.values(values)) expect(column).toBeInstanceOf(Float64Array);
  });

  it('gives new arrays: the priority is not changed and a transfer of them detaches nothing of it', () => {
    const priority = priorityScore([{ name: 'need', values: [0.1, 0.2], weight: 1 }], {
      normalization: 'minmax',
    });
    const values = priorityToCellValues(priority);
    expect(values.score.buffer).not.toBe(priority.score.buffer);
    expect(values.score_need.buffer).not.toBe(priority.contributions.need.buffer);
    values.score[0] = 42;
    expect(priority.score[0]).toBe(0);
  });

  it("with share, gives the contributions as the priority's own arrays and the score rounded anew", () => {
    const priority = priorityScore(
      [
        { name: 'need', values: [0.1, 0.2, Number.NaN], weight: 1 },
        { name: 'hotspot', values: [0.3, Number.NaN, Number.NaN], weight: 2 },
      ],
      { normalization: 'minmax' },
    );
    const copied = priorityToCellValues(priority);
    const shared = priorityToCellValues(priority, { share: true });
    expect(shared).toEqual(copied);
    expect(shared.score_need).toBe(priority.contributions.need);
    expect(shared.score_hotspot).toBe(priority.contributions.hotspot);
    expect(shared.score).not.toBe(priority.score);
  });

  it('rejects what is not a priority score, or a contribution without one entry per cell', () => {
    expect(codeOf(() => priorityToCellValues(undefined as never))).toBe('E_ARGUMENT');
    expect(codeOf(() => priorityToCellValues({ score: [1, 2] } as never))).toBe('E_ARGUMENT');
    const priority = priorityScore([{ name: 'need', values: [0.1, 0.2], weight: 1 }]);
    const short = { ...priority, contributions: { need: new Float64Array(1) } };
    expect(codeOf(() => priorityToCellValues(short))).toBe('E_ARGUMENT');
  });

  describe('on the demo city', () => {
    // A public export: the score columns must not be touched by the suppression of counts.
    const demo = once(() =>
      analyzeDemoCity((example) => ({ privacy: { ...example.privacy, public: true } })),
    );

    it("equals analysisToCellValues' score columns of the same result, null as NaN", async () => {
      const result = await demo();
      const isScore = (name: string) => /^score(_.+)?$/.test(name);
      for (const weights of [{}, { need: 0.7, trustDeficit: 0 }]) {
        const priority = createScorer(result).score(weights);
        const expected = analysisToCellValues({ ...result, priority }, isScore);
        const actual = priorityToCellValues(priority);
        expect(Object.keys(actual)).toEqual(Object.keys(expected));
        for (const [name, column] of Object.entries(expected))
          expect(Array.from(actual[name]), name).toEqual(column.map((v) => v ?? Number.NaN));
      }
    });
  });
});
