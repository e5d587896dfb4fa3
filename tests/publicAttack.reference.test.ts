import { describe, expect, it } from 'vitest';
import { analysisToCells } from '../packages/core/src/export/analysisToCells.js';
import { analyze } from '../packages/core/src/pipeline/analyze.js';
import { once } from '../packages/core/test/helpers/once.js';
import { CHICAGO_RES9_WINDOW, readChicago2018 } from './chicagoConfig.js';
import { attackRecovery } from './giStarAttack.js';

// Chicago 2018 at resolution 9 (../shared/data), where most cells hold a few incidents: the
// public export the attack recovered every suppressed count of (679 of 679).
describe('the Gi* reconstruction attack on a public export of Chicago 2018, resolution 9', () => {
  const runs = once(async () => {
    const config = CHICAGO_RES9_WINDOW;
    const inputs = await readChicago2018(config);
    const truth = analyze(inputs, config);
    const noisy = analyze(inputs, {
      ...config,
      privacy: { ...config.privacy, public: true, noiseSeed: 2018 },
    });
    return { truth, noisy };
  });

  it('gives a small true count no more often than the noise itself would (+ 5 points)', async () => {
    const { truth, noisy } = await runs();
    const cellTable = noisy.noisy!.privacy.tables.find((t) => t.table === 'byGroup')!;
    const result = attackRecovery(
      analysisToCells(truth),
      analysisToCells(noisy),
      cellTable.epsilon,
    );
    expect(result.cells).toBeGreaterThan(500);
    expect(result.rate).toBeLessThanOrEqual(result.zeroNoise + 0.05);
  });
});
