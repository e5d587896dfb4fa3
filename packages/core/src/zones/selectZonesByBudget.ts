import { assertArgument } from '../errors.js';
import type { CellGrid, SpatialWeights } from '../types.js';
import { edgeNeighbors } from './edgeNeighbors.js';
import type { ZoneGroup, ZoneGroups } from './groupContiguousCells.js';

/** Options of {@link selectZonesByBudget}: the budget, and what a cell is worth. */
export interface SelectZonesByBudgetOptions {
  /** At most this many zones (an integer ≥ 0). */
  readonly maxZones: number;
  /** At most this many cells per zone (an integer ≥ 1); give this, `maxPopulation`, or both. */
  readonly maxCells?: number;
  /** At most this many residents per zone (≥ 0); needs `population`. */
  readonly maxPopulation?: number;
  /** Residents per cell; NaN counts as 0 against `maxPopulation`. */
  readonly population?: ArrayLike<number>;
  /** Need index per cell (0–1); a cell's value is score × need, NaN need giving 0. */
  readonly need?: ArrayLike<number>;
  /** Cells scoring below this are never taken (default: every cell of positive value). */
  readonly minScore?: number;
  /**
   * Each grid cell's edge neighbours, as `kRingWeights(grid, { selfIncluded: false })` gives them:
   * pass them when selecting on the same grid many times (else H3 is asked for the neighbours of
   * each cell visited, as often as it is visited).
   */
  readonly neighbors?: SpatialWeights;
}

/**
 * The budget selection mode: at most `maxZones` contiguous zones, each of at most `maxCells` cells
 * and `maxPopulation` residents, chosen greedily to cover the most need-weighted priority.
 *
 * A cell's value is score × need (need-weighted priority; NaN need → 0), or the score alone
 * without `need`; NaN scores are worth 0. Only cells of positive value (and score ≥ `minScore`)
 * are ever taken. Each zone starts from the most valuable cell not yet taken and grows by the most
 * valuable cell sharing an edge with it (the H3 k = 1 ring, restricted to the grid) while the
 * caps hold; a cell too populous for the zone is passed over for the next best. So every zone is
 * edge-connected by construction, and the first is grown around the most valuable cell. Zones may
 * touch one another where a valuable region is larger than one zone's budget. A cell whose own
 * residents exceed `maxPopulation` is never taken. Equal values go to the smaller cell index, so
 * the same input always gives the same zones. This is the greedy heuristic for a budgeted
 * connected covering problem; it is not guaranteed to find the best possible set of zones.
 *
 * @param grid - the analysis cells
 * @param score - priority score per cell (e.g. `PriorityResult.score`)
 * @param options - the budget (`maxZones` and `maxCells` and/or `maxPopulation`), `population`,
 *   `need` and `minScore`
 * @returns zones in the shape `groupContiguousCells` returns (ordered by smallest cell index, cells
 *   ascending, `droppedCells` 0), ready for `summarizeZones`
 * @throws HexreachError `E_ARGUMENT` when a column does not have one entry per grid cell, neither
 *   cap is given, `maxPopulation` comes without `population`, an option is out of range, or
 *   `neighbors` is not over the grid's cells
 * @example
 * ```ts
 * const groups = selectZonesByBudget(grid, priority.score, {
 *   maxZones: 5, maxCells: 20, maxPopulation: 15_000, population, need: vulnerability.index,
 * });
 * summarizeZones(grid, groups, { score: priority.score, population });
 * ```
 */
export function selectZonesByBudget(
  grid: CellGrid,
  score: ArrayLike<number>,
  options: SelectZonesByBudgetOptions,
): ZoneGroups {
  const fn = 'selectZonesByBudget';
  const n = grid.cells.length;
  assertOptions(n, score, options);
  const { maxZones } = options;
  const maxCells = options.maxCells ?? Number.POSITIVE_INFINITY;
  const maxPopulation = options.maxPopulation ?? Number.POSITIVE_INFINITY;
  const { value, residents, eligible, seeds } = cellValues(score, options, maxPopulation);
  // More valuable first, then the smaller index: a total order, so the result is deterministic.
  const before = (a: number, b: number) => value[a] > value[b] || (value[a] === value[b] && a < b);
  // Seeds come off a heap in that order: a few zones use a few seeds, so sorting them all (most
  // cells, at every robustness draw) would be wasted.
  const seedHeap = CellHeap.of(seeds, before);

  const neighborsOf = edgeNeighbors(grid, options.neighbors, fn);
  const ring = new Uint32Array(6);
  const taken = new Uint8Array(n);
  const queuedFor = new Int32Array(n).fill(-1);
  const frontier = new CellHeap(before);
  const groups: Uint32Array[] = [];
  while (seedHeap.size > 0) {
    if (groups.length === maxZones) break;
    const seed = seedHeap.pop();
    if (taken[seed] === 1) continue;
    const z = groups.length;
    const cells = [seed];
    let total = residents[seed];
    taken[seed] = 1;
    const enqueueNeighbors = (cell: number) => {
      const count = neighborsOf(cell, ring);
      for (let e = 0; e < count; e++) {
        const j = ring[e];
        if (eligible[j] === 0 || taken[j] === 1 || queuedFor[j] === z) continue;
        queuedFor[j] = z;
        frontier.push(j);
      }
    };
    enqueueNeighbors(seed);
    while (cells.length < maxCells && frontier.size > 0) {
      const next = frontier.pop();
      // The zone's residents only grow, so a cell that does not fit now never will.
      if (total + residents[next] > maxPopulation) continue;
      cells.push(next);
      total += residents[next];
      taken[next] = 1;
      enqueueNeighbors(next);
    }
    frontier.clear();
    groups.push(Uint32Array.from(cells).sort());
  }
  return asZoneGroups(groups, n);
}

function assertOptions(
  n: number,
  score: ArrayLike<number>,
  options: SelectZonesByBudgetOptions,
): void {
  const fn = 'selectZonesByBudget';
  const { maxZones, population, need, minScore } = options;
  const maxCells = options.maxCells ?? Number.POSITIVE_INFINITY;
  const maxPopulation = options.maxPopulation ?? Number.POSITIVE_INFINITY;
  assertArgument(
    score.length === n,
    fn,
    `score must have one entry per grid cell (${n}), got ${score.length}`,
    score.length,
  );
  for (const [name, column] of [
    ['population', population],
    ['need', need],
  ] as const) {
    assertArgument(
      column === undefined || column.length === n,
      fn,
      `${name} must have one entry per grid cell (${n}), got ${column?.length}`,
      column?.length,
    );
  }
  assertArgument(
    Number.isInteger(maxZones) && maxZones >= 0,
    fn,
    `maxZones must be an integer >= 0, got ${maxZones}`,
    maxZones,
  );
  assertArgument(
    options.maxCells !== undefined || options.maxPopulation !== undefined,
    fn,
    'give maxCells, maxPopulation or both: without a cap one zone would take every valuable cell',
    options,
  );
  assertArgument(
    options.maxCells === undefined || (Number.isInteger(maxCells) && maxCells >= 1),
    fn,
    `maxCells must be an integer >= 1, got ${options.maxCells}`,
    options.maxCells,
  );
  assertArgument(
    options.maxPopulation === undefined || maxPopulation >= 0,
    fn,
    `maxPopulation must be a number >= 0, got ${options.maxPopulation}`,
    options.maxPopulation,
  );
  assertArgument(
    options.maxPopulation === undefined || population !== undefined,
    fn,
    'maxPopulation needs a population column',
    options.maxPopulation,
  );
  assertArgument(
    minScore === undefined || !Number.isNaN(minScore),
    fn,
    'minScore must be a number, got NaN',
    minScore,
  );
}

/**
 * Each cell's value (score × need, 0 for NaN) and residents (0 for NaN), whether it can be taken,
 * and the cells that can, as seeds.
 */
function cellValues(
  score: ArrayLike<number>,
  options: SelectZonesByBudgetOptions,
  maxPopulation: number,
): { value: Float64Array; residents: Float64Array; eligible: Uint8Array; seeds: number[] } {
  const { population, need, minScore } = options;
  const n = score.length;
  const value = new Float64Array(n);
  const residents = new Float64Array(n);
  const eligible = new Uint8Array(n);
  const seeds: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = score[i];
    const weight = need === undefined ? 1 : need[i];
    value[i] = Number.isNaN(s) || Number.isNaN(weight) ? 0 : s * weight;
    const p = population?.[i] ?? 0;
    residents[i] = Number.isNaN(p) ? 0 : p;
    if (
      value[i] > 0 &&
      (minScore === undefined || s >= minScore) &&
      residents[i] <= maxPopulation
    ) {
      eligible[i] = 1;
      seeds.push(i);
    }
  }
  return { value, residents, eligible, seeds };
}

/** The zones ordered by their smallest cell, in the shape `groupContiguousCells` returns. */
function asZoneGroups(groups: Uint32Array[], n: number): ZoneGroups {
  groups.sort((a, b) => a[0] - b[0]);
  const zoneOfCell = new Int32Array(n).fill(-1);
  const zones: ZoneGroup[] = groups.map((cells, z) => {
    for (const cell of cells) zoneOfCell[cell] = z;
    return { cells };
  });
  return { zoneOfCell, zones, droppedCells: 0 };
}

/** A binary heap of cell indexes; `before(a, b)` puts a nearer the top than b. */
class CellHeap {
  private readonly items: number[] = [];
  private readonly before: (a: number, b: number) => boolean;

  constructor(before: (a: number, b: number) => boolean) {
    this.before = before;
  }

  /** A heap of `cells` (taken over, not copied), built bottom-up in linear time (Floyd 1964). */
  static of(cells: number[], before: (a: number, b: number) => boolean): CellHeap {
    const heap = new CellHeap(before);
    for (const cell of cells) heap.items.push(cell);
    for (let i = (cells.length >> 1) - 1; i >= 0; i--) heap.siftDown(i, heap.items[i]);
    return heap;
  }

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items.length = 0;
  }

  push(cell: number): void {
    const items = this.items;
    let i = items.length;
    items.push(cell);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(cell, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = cell;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as number;
    if (items.length === 0) return top;
    this.siftDown(0, last);
    return top;
  }

  /** Puts `cell` at position `i` or below, where the heap order holds. */
  private siftDown(start: number, cell: number): void {
    const items = this.items;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && this.before(items[right], items[left]) ? right : left;
      if (!this.before(items[child], cell)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = cell;
  }
}
