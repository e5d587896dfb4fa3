import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';

/** Options of {@link drawPlaceboZones}. */
export interface PlaceboZoneOptions {
  /** Placebo zones to draw. */
  readonly count: number;
  /** Cells in each, as in the zone evaluated. */
  readonly size: number;
  /** Uniform numbers in [0, 1): a seeded generator makes the draw reproducible. */
  readonly random: () => number;
  /**
   * A placebo whose `level` sum lies within this factor of `targetLevel` is preferred (default 2):
   * placebos as busy as the zone make noise of the same size.
   */
  readonly levelFactor?: number;
  /** Per cell, the quantity placebos are matched on (e.g. incidents before the start). */
  readonly level?: ArrayLike<number>;
  /** The zone's `level` sum. */
  readonly targetLevel?: number;
  /** Draws tried per placebo before one outside the level band is taken (default 20). */
  readonly attempts?: number;
}

/** The placebo zones drawn. */
export interface PlaceboZones {
  /** Each placebo's cells. */
  readonly zones: readonly Int32Array[];
  /** How many of them lie within the level band. */
  readonly levelMatched: number;
}

/**
 * Random contiguous zones of `size` cells inside a pool, for placebo inference (Abadie,
 * Diamond & Hainmueller 2010, JASA 105(490) §2.3, "placebo studies", in space): each grows from a
 * random seed cell by adding a random edge neighbour of the cells taken so far, until it has
 * `size` cells; a seed whose connected pool is too small is drawn again. When `level` is given,
 * a placebo whose level sum lies within `levelFactor` of `targetLevel` is kept; after `attempts`
 * draws without one, the last draw is kept anyway (counted outside `levelMatched`).
 *
 * @param contiguity - edge neighbours of the grid (CSR)
 * @param inPool - 1 for cells a placebo may use
 * @param options - count, size, random numbers and the level band
 * @returns the placebo zones, and how many match the level
 * @throws HexreachError `E_ARGUMENT` when `size` < 1, or no connected part of the pool has
 *   `size` cells
 * @example
 * ```ts
 * const { zones } = drawPlaceboZones(contiguity, inPool, { count: 999, size: 12, random: mulberry32(7) });
 * zones[0].length; // 12
 * ```
 */
export function drawPlaceboZones(
  contiguity: SpatialWeights,
  inPool: Uint8Array,
  options: PlaceboZoneOptions,
): PlaceboZones {
  const fn = 'drawPlaceboZones';
  const { count, size, random, level, targetLevel } = options;
  const factor = options.levelFactor ?? 2;
  const attempts = options.attempts ?? 20;
  assertArgument(
    Number.isInteger(size) && size >= 1,
    fn,
    `size must be an integer ≥ 1, got ${size}`,
    size,
  );
  const candidates: number[] = [];
  for (let c = 0; c < inPool.length; c++) if (inPool[c] === 1) candidates.push(c);
  assertArgument(
    candidates.length >= size,
    fn,
    `the pool has ${candidates.length} cells, fewer than ${size}`,
    size,
  );
  const taken = new Uint8Array(inPool.length);
  const grow = (): Int32Array | undefined => {
    const seed = candidates[Math.floor(random() * candidates.length)];
    const cells = [seed];
    taken[seed] = 1;
    const frontier: number[] = [];
    const addNeighbours = (c: number) => {
      for (let k = contiguity.offsets[c]; k < contiguity.offsets[c + 1]; k++) {
        const nb = contiguity.neighbors[k];
        if (inPool[nb] === 1 && taken[nb] === 0) {
          taken[nb] = 2; // on the frontier
          frontier.push(nb);
        }
      }
    };
    addNeighbours(seed);
    while (cells.length < size && frontier.length > 0) {
      const at = Math.floor(random() * frontier.length);
      const c = frontier[at];
      frontier[at] = frontier[frontier.length - 1];
      frontier.pop();
      taken[c] = 1;
      cells.push(c);
      addNeighbours(c);
    }
    for (const c of cells) taken[c] = 0;
    for (const c of frontier) taken[c] = 0;
    return cells.length === size ? Int32Array.from(cells).sort() : undefined;
  };
  const inBand = (cells: Int32Array) => {
    if (level === undefined || targetLevel === undefined) return true;
    let sum = 0;
    for (const c of cells) sum += level[c];
    if (targetLevel <= 0) return sum <= 0;
    return sum >= targetLevel / factor && sum <= targetLevel * factor;
  };
  const zones: Int32Array[] = [];
  let levelMatched = 0;
  let failures = 0;
  while (zones.length < count) {
    let last: Int32Array | undefined;
    let matched = false;
    for (let a = 0; a < attempts && !matched; a++) {
      const cells = grow();
      if (cells === undefined) {
        failures++;
        assertArgument(
          failures < 1000 + 20 * count,
          fn,
          `no connected part of the comparison pool holds ${size} cells`,
          size,
        );
        a--;
        continue;
      }
      last = cells;
      matched = inBand(cells);
    }
    if (last === undefined) continue;
    if (matched) levelMatched++;
    zones.push(last);
  }
  return { zones, levelMatched };
}
