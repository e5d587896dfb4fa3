import { describe, expect, it } from 'vitest';
import { readDemoInputs } from '../../../../data/readDemoInputs.js';
import { readExampleConfig } from '../../../../data/readExampleConfig.js';
import type { HexreachConfig } from '../../src/config/configSchema.js';
import { analysisToCellColumns } from '../../src/export/analysisToCellColumns.js';
import type { AnalysisResult } from '../../src/pipeline/analysisResult.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { once } from '../helpers/once.js';

describe('analysisToCellColumns', () => {
  const demo = once(async (): Promise<AnalysisResult> => {
    const example = readExampleConfig();
    // Resolution 8 keeps the run short; the columns are the example's, change and KDE aside.
    const config: HexreachConfig = {
      ...example,
      resolution: 8,
      robustness: { ...example.robustness, draws: 0, resolutions: false },
    };
    return analyze(await readDemoInputs(config), config);
  });

  const choices: [string, (name: string) => boolean][] = [
    ['the score columns', (name) => /^score(_.+)?$/.test(name)],
    [
      'the weight-dependent columns',
      (name) => /^(score|score_.+|zone|zone_rank|reasons)$/.test(name),
    ],
    ['zone_rank without zone', (name) => name === 'zone_rank'],
    ['class columns and counts', (name) => /_class$|^incidents$|^trust_/.test(name)],
    ['none', () => false],
  ];

  for (const [label, include] of choices) {
    it(`with include, gives the included columns alone, in the order and with the values of all: ${label}`, async () => {
      const result = await demo();
      for (const minCount of [undefined, 5]) {
        const all = analysisToCellColumns(result, { minCount });
        const some = analysisToCellColumns(result, { minCount, include });
        expect(Object.keys(some)).toEqual(Object.keys(all).filter(include));
        for (const [name, column] of Object.entries(some)) expect(column, name).toEqual(all[name]);
      }
    });
  }

  it('does not build the columns it leaves out: it never reads what only they need', async () => {
    const result = await demo();
    // Without their sources, the reasons and the zone columns cannot be built at all.
    const bare = { ...result, reasons: undefined, zoneOfCell: undefined } as never;
    expect(() => analysisToCellColumns(bare)).toThrow(TypeError);
    const scores = analysisToCellColumns(bare, { include: (name) => name.startsWith('score') });
    expect(scores.score).toBe(result.priority.score);
  });

  it('writes the suppressed counts of a public export only in the columns asked for', async () => {
    const result = await demo();
    const counts = analysisToCellColumns(result, {
      minCount: 5,
      include: (n) => n === 'incidents',
    });
    expect(Object.keys(counts)).toEqual(['incidents']);
    expect(counts.incidents).toContain('<5');
  });
});
