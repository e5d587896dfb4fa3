import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestProbe, isTestMode } from '../src/testHooks.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('isTestMode', () => {
  it('is on with ?test only', () => {
    expect(isTestMode(new URLSearchParams('?test&results=r/'))).toBe(true);
    expect(isTestMode(new URLSearchParams('?results=r/'))).toBe(false);
  });
});

describe('createTestProbe', () => {
  it('counts loads', () => {
    const probe = createTestProbe();
    probe.countLoad();
    probe.countLoad();
    expect(probe.loads()).toBe(2);
  });

  it("keeps a re-score's times, in ms from its start, once it is done", () => {
    const now = vi.spyOn(performance, 'now');
    const probe = createTestProbe();
    const timer = probe.timeRescore(100);
    for (const [step, at] of [
      ['scored', 110],
      ['colored', 115],
      ['zonesShown', 120],
      ['worker', 180],
    ] as const) {
      now.mockReturnValueOnce(at);
      timer.mark(step);
    }
    timer.painted(150);
    expect(probe.lastRescore()).toBeUndefined();
    now.mockReturnValueOnce(200);
    timer.done();
    expect(probe.lastRescore()).toEqual({
      scored: 10,
      colored: 15,
      zonesShown: 20,
      painted: 50,
      worker: 80,
      total: 100,
    });
  });
});
