import { describe, expect, it } from 'vitest';
import {
  chicagoAssaults,
  placeboCalibration,
} from '../packages/core/bench/evaluationCalibration.js';
import { once } from '../packages/core/test/helpers/once.js';

/** Chicago's aggravated assaults 2010–2019 (../shared/data) by cell and month, read once. */
const assaults = once(() => chicagoAssaults());

describe('hexreach evaluate invents no effect on real data without an intervention', () => {
  it('finds 6–14 % of 200 random zones significant at 0.10, and 2–8 % at 0.05', async () => {
    // Random contiguous zones of 10–30 res-9 cells at random starts, 12 months on each side,
    // each against 199 placebos of its own; seeded, so the shares are the same at every run.
    const { at10, at05, p } = placeboCalibration(await assaults(), { zones: 200, placebos: 199 });
    // A zone with no incident in a period has no estimate (14 of 200 fall where no assault was
    // recorded, such as O'Hare and the lakefront parks); the shares are of the others.
    expect(p.filter(Number.isFinite).length).toBeGreaterThanOrEqual(180);
    expect(at10).toBeGreaterThanOrEqual(0.06);
    expect(at10).toBeLessThanOrEqual(0.14);
    expect(at05).toBeGreaterThanOrEqual(0.02);
    expect(at05).toBeLessThanOrEqual(0.08);
  });
});
