import { describe, expect, it } from 'vitest';
import { zoneRobustness } from '../../src/zones/zoneRobustness.js';
import { codeOf } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

describe('zoneRobustness', () => {
  it('gives each zone the mean probability of its cells, the share selected in at least half the draws, and a label', () => {
    const zoneOfCell = [0, 0, 0, -1, 1, 1, 2, 2, -1];
    const probability = [1, 0.9, 0.7, 0.99, 0.6, 0.5, 0.5, 0.1, 0];
    const zones = zoneRobustness(zoneOfCell, probability);
    expect(zones.length).toBe(3);
    expect(zones.map((z) => z.cellCount)).toEqual([3, 2, 2]);
    expectClose(zones[0].meanProbability, 2.6 / 3, 1e-15);
    expectClose(zones[1].meanProbability, 0.55, 1e-15);
    expectClose(zones[2].meanProbability, 0.3, 1e-15);
    expect(zones.map((z) => z.stableShare)).toEqual([1, 1, 0.5]);
    expect(zones.map((z) => z.label)).toEqual(['robust', 'moderate', 'fragile']);
  });

  it('puts a zone exactly at a threshold in the higher class', () => {
    const zones = zoneRobustness([0, 1], [0.75, 0.25], { robust: 0.75, moderate: 0.25 });
    expect(zones.map((z) => z.label)).toEqual(['robust', 'moderate']);
  });

  it('does not let binary rounding move a mean that equals a threshold below it', () => {
    // 0.1 + 0.2 + 0.2 + 0.1 + 0.4 + 0.4 + 0.4 + 0.4 + 0.4 + 0.4 sums to 2.9999999999999996.
    const probability = [0.1, 0.2, 0.2, 0.1, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4];
    const zones = zoneRobustness(new Array(10).fill(0), probability, {
      moderate: 0.3,
      robust: 0.9,
    });
    expect(zones[0].meanProbability).toBeLessThan(0.3);
    expect(zones[0].label).toBe('moderate');
  });

  it('takes the thresholds and the stable cut from the options', () => {
    const zones = zoneRobustness([0, 0], [0.9, 0.6], {
      robust: 0.95,
      moderate: 0.7,
      stableAt: 0.8,
    });
    expect(zones[0].label).toBe('moderate');
    expect(zones[0].stableShare).toBe(0.5);
  });

  it('returns no zone when no cell is in one', () => {
    expect(zoneRobustness(Int32Array.from([-1, -1]), [0.2, 0.9])).toEqual([]);
  });

  it('rejects mismatched lengths, probabilities outside 0–1, bad zone indexes, empty zones and bad thresholds', () => {
    expect(codeOf(() => zoneRobustness([0, 0], [1]))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneRobustness([0], [1.2]))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneRobustness([0], [Number.NaN]))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneRobustness([-2], [0.5]))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneRobustness([0.5], [0.5]))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneRobustness([0, 2], [0.5, 0.5]))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneRobustness([0], [0.5], { robust: 0.4, moderate: 0.5 }))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => zoneRobustness([0], [0.5], { robust: 1.1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => zoneRobustness([0], [0.5], { stableAt: -0.1 }))).toBe('E_ARGUMENT');
  });
});
