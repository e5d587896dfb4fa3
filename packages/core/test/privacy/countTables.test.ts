import { describe, expect, it } from 'vitest';
import { countTables, weightedCellCounts } from '../../src/privacy/countTables.js';
import { noisyCountTables } from '../../src/privacy/noisyCountTables.js';
import { mulberry32 } from '../../src/util/random.js';
import { codeOf } from '../helpers/errors.js';

// Seven incidents in 3 cells (one outside: cell −1), categories THEFT (weight 1), ROBBERY (2)
// and NARCOTICS (0), in January and February 2024.
const jan = Date.UTC(2024, 0, 10);
const feb = Date.UTC(2024, 1, 10);
const time = [jan, jan, feb, feb, jan, feb, jan];
const category = [0, 1, 1, 2, 0, 0, 0];
const categories = ['THEFT', 'ROBBERY', 'NARCOTICS'];
const cellOfIncident = [0, 0, 1, 1, 2, 2, -1];
const categoryWeights = new Map([
  ['ROBBERY', 2],
  ['NARCOTICS', 0],
]);

describe('countTables', () => {
  it('counts incidents per cell and weight group, per cell and category, and per month', () => {
    const tables = countTables(time, category, categories, cellOfIncident, 3, {
      categoryWeights,
      time: { step: 'month', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 2, 1) },
    });
    // NARCOTICS weighs 0: a group of its own, so that every incident is counted unweighted.
    expect(tables.groupWeights).toEqual([0, 1, 2]);
    // Cells 0, 1, 2 × groups (weight 0, 1, 2).
    expect(Array.from(tables.byGroup)).toEqual([0, 1, 1, 1, 0, 1, 0, 2, 0]);
    expect(Array.from(tables.byCategory)).toEqual([1, 1, 0, 0, 1, 1, 2, 0, 0]);
    expect(Array.from(tables.byStep!.stepStarts)).toEqual([
      Date.UTC(2024, 0, 1),
      Date.UTC(2024, 1, 1),
    ]);
    // January: cell 0 (1 theft, 1 robbery), cell 2 (1 theft); February: cell 1 (1 narcotics,
    // 1 robbery), cell 2 (1 theft).
    expect(Array.from(tables.byStep!.counts)).toEqual([
      0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0,
    ]);
    expect(Array.from(weightedCellCounts(tables))).toEqual([3, 2, 2]);
  });

  it('refuses columns of different lengths and negative weights, with E_ARGUMENT', () => {
    expect(codeOf(() => countTables([jan], category, categories, cellOfIncident, 3))).toBe(
      'E_ARGUMENT',
    );
    expect(
      codeOf(() =>
        countTables(time, category, categories, cellOfIncident, 3, {
          categoryWeights: new Map([['THEFT', -1]]),
        }),
      ),
    ).toBe('E_ARGUMENT');
  });
});

describe('noisyCountTables', () => {
  const tables = countTables(time, category, categories, cellOfIncident, 3, {
    categoryWeights,
    time: { step: 'month', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 2, 1) },
  });

  it('spends the budget by its shares, Δ = 1 for each table, and noises every entry', () => {
    const { tables: noisy, budget } = noisyCountTables(tables, { epsilon: 1 }, mulberry32(1));
    expect(budget.map((b) => [b.table, b.sensitivity])).toEqual([
      ['byGroup', 1],
      ['byCategory', 1],
      ['byStep', 1],
    ]);
    expect(budget.reduce((sum, b) => sum + b.epsilon, 0)).toBeCloseTo(1, 12);
    expect(noisy.byGroup).toHaveLength(tables.byGroup.length);
    expect(noisy.byStep!.counts).toHaveLength(tables.byStep!.counts.length);
    expect(Array.from(noisy.byCategory).every(Number.isInteger)).toBe(true);
    // The true tables are left as they were.
    expect(Array.from(tables.byGroup)).toEqual([0, 1, 1, 1, 0, 1, 0, 2, 0]);
  });

  it('gives the share of a table the input lacks to the cell counts', () => {
    const untimed = countTables(time, category, categories, cellOfIncident, 3, { categoryWeights });
    const { budget } = noisyCountTables(untimed, { epsilon: 2 }, mulberry32(1));
    expect(budget.map((b) => [b.table, b.epsilon])).toEqual([
      ['byGroup', 1.6],
      ['byCategory', 0.4],
    ]);
  });

  it('is unbiased: the mean of many noisy tables is the true table', () => {
    const uniform = mulberry32(9);
    const sums = new Float64Array(tables.byGroup.length);
    const runs = 20_000;
    for (let r = 0; r < runs; r++) {
      const noisy = noisyCountTables(tables, { epsilon: 1 }, uniform).tables;
      for (let i = 0; i < sums.length; i++) sums[i] += noisy.byGroup[i];
    }
    // ε·0.6 on this table: variance 2p/(1 − p)² with p = e^−0.6 ≈ 5.6; 5 standard errors.
    const p = Math.exp(-0.6);
    const se = Math.sqrt((2 * p) / (1 - p) ** 2 / runs);
    for (let i = 0; i < sums.length; i++)
      expect(Math.abs(sums[i] / runs - tables.byGroup[i]), `entry ${i}`).toBeLessThan(5 * se);
  });

  it('refuses shares that do not add up to 1, and an ε that is not > 0', () => {
    const shares = { byGroup: 0.5, byCategory: 0.2, byStep: 0.2 };
    expect(codeOf(() => noisyCountTables(tables, { epsilon: 1, shares }, Math.random))).toBe(
      'E_ARGUMENT',
    );
    expect(codeOf(() => noisyCountTables(tables, { epsilon: 0 }, Math.random))).toBe('E_ARGUMENT');
  });
});
