import { describe, expect, it } from 'vitest';
import { analysisToSpaceTime } from '../../src/export/analysisToSpaceTime.js';
import type { AnalysisResult } from '../../src/pipeline/analysisResult.js';

/** The parts of an analysis the space-time view reads: 3 cells, 2 monthly steps. */
function analysisWithCube(bins: number[] | undefined): AnalysisResult {
  return {
    grid: { cells: ['8a1', '8a2', '8a3'] },
    emerging:
      bins === undefined
        ? undefined
        : {
            cube: {
              step: 'month',
              steps: 2,
              stepStarts: Float64Array.of(Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)),
            },
            // January whole, February kept per day for its 8 covered days.
            days: Float64Array.of(31, 8),
            result: { bin: Int8Array.from(bins) },
          },
  } as unknown as AnalysisResult;
}

describe('analysisToSpaceTime', () => {
  it('writes each step as one digit per cell, 0…6 for bins −3…3, with the step starts and days', () => {
    // Step-major: step 0 holds cells 0..2, step 1 cells 0..2.
    const view = analysisToSpaceTime(analysisWithCube([3, 0, -3, -1, 2, 0]));
    expect(view).toEqual({
      step: 'month',
      stepStarts: ['2024-01-01', '2024-02-01'],
      days: [31, 8],
      cells: ['8a1', '8a2', '8a3'],
      binEncoding: 'one character per cell in the order of cells: "0" … "6" for Gi* bins −3 … 3',
      bins: ['630', '253'],
    });
  });

  it('refuses an analysis run without emerging', () => {
    expect(() => analysisToSpaceTime(analysisWithCube(undefined))).toThrow(/emerging/);
  });
});
