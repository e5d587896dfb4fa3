import { HexreachError } from '@hexreach/core';
import type { SpaceTimeSteps } from './results.js';

/**
 * Reads `spacetime.json` (core's `analysisToSpaceTime`: step starts, cells, one string of digits
 * `0`…`6` per step) and aligns it with the cells drawn: the bins of step t come out in the order
 * of `cellIds`, so that the play button can colour feature i with `bins[t][i]`. A cell of the map
 * missing from the file gets bin 0 (not significant) in every step and is counted in `missing`.
 *
 * @param value - the parsed JSON
 * @param cellIds - the H3 index of each cell of `cells.geojson`, in feature order
 * @param file - the file name, for messages
 * @returns the steps, and how many map cells the file lacks
 * @throws HexreachError `E_INPUT` naming the file and the problem: not the expected object,
 *   a step whose string is not one digit 0…6 per cell, step starts not matching the steps
 * @example
 * ```ts
 * const { steps } = parseSpaceTime(JSON.parse(text), ['8a2a1072b59ffff'], 'spacetime.json');
 * steps.bins[0][0]; // the first cell's Gi* bin in the first step, −3…3
 * ```
 */
export function parseSpaceTime(
  value: unknown,
  cellIds: readonly string[],
  file: string,
): { steps: SpaceTimeSteps; missing: number } {
  const fail = (reason: string): never => {
    throw new HexreachError('E_INPUT', `${file}: ${reason}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('expected a JSON object with step, stepStarts, cells and bins');
  }
  const { step, stepStarts, cells, bins, days } = value as Record<string, unknown>;
  if (typeof step !== 'string') fail('"step" must be a string such as "month"');
  if (!Array.isArray(cells) || !cells.every((c) => typeof c === 'string')) {
    fail('"cells" must be a list of H3 indexes');
  }
  if (!Array.isArray(bins) || !Array.isArray(stepStarts) || stepStarts.length !== bins.length) {
    fail('"bins" and "stepStarts" must be lists of the same length, one entry per time step');
  }
  const fileCells = cells as string[];
  const starts = stepStarts as unknown[];
  const stepBins = bins as unknown[];
  starts.forEach((start, t) => {
    if (typeof start !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(start)) {
      fail(`stepStarts[${t}] must be a date YYYY-MM-DD, got ${JSON.stringify(start)}`);
    }
  });
  // Files written before `days` existed have none: every step is then whole.
  if (
    days !== undefined &&
    (!Array.isArray(days) ||
      days.length !== starts.length ||
      !days.every((d) => typeof d === 'number' && d > 0))
  ) {
    fail('"days" must be a list of positive numbers, one per time step');
  }
  const source = cellPositions(fileCells, cellIds);
  const missing = source.reduce((count, c) => count + (c < 0 ? 1 : 0), 0);
  const aligned = stepBins.map((text, t) => {
    if (typeof text !== 'string' || text.length !== fileCells.length) {
      return fail(`bins[${t}] must be a string of one digit per cell (${fileCells.length})`);
    }
    const row = new Int8Array(cellIds.length);
    for (let i = 0; i < source.length; i++) {
      if (source[i] < 0) continue;
      const digit = text.charCodeAt(source[i]) - 48;
      if (!(digit >= 0 && digit <= 6)) {
        fail(`bins[${t}] has ${JSON.stringify(text[source[i]])} for cell ${cellIds[i]}, not 0…6`);
      }
      row[i] = digit - 3;
    }
    return row;
  });
  return {
    steps: {
      step: step as string,
      stepStarts: starts as string[],
      days: days as number[] | undefined,
      bins: aligned,
    },
    missing,
  };
}

/**
 * Where each map cell is in the file's cells, −1 where it is not. The files of one run list
 * the cells in the same order: then no lookup table is built (tens of milliseconds saved on
 * 66,000 cells).
 */
function cellPositions(fileCells: readonly string[], cellIds: readonly string[]): number[] {
  const same = fileCells.length === cellIds.length && cellIds.every((id, i) => id === fileCells[i]);
  if (same) return cellIds.map((_, i) => i);
  const position = new Map<string, number>(fileCells.map((cell, c) => [cell, c]));
  return cellIds.map((id) => position.get(id) ?? -1);
}
