import { cellStreamSeed } from './cellStreamSeed.js';
import { esdaPValue, permutationPValue } from './permutationPValue.js';
import type { PermutationPlan } from './preparePermutation.js';

/** Per-cell outputs of a permutation run, each of length n; a run fills its own range of cells. */
export interface PermutationOutput {
  readonly pSim: Float64Array;
  readonly zSim: Float64Array;
  readonly expectedSim: Float64Array;
  readonly sdSim: Float64Array;
}

/**
 * Statistics closer than this fraction of their attainable range count as tied: summed in
 * another order, equal sets of neighbour values differ in the last bits, and rounding must not
 * decide whether a tie counts towards M.
 */
const TIE_TOLERANCE = 1e-10;
/** mulberry32's increment (src/util/random.ts); the draws below inline its output function. */
const WEYL = 0x6d2b79f5;
const TWO_TO_MINUS_32 = 2 ** -32;
/** Stamps restart from 1, the marks cleared, before they could overflow an Int32Array. */
const STAMP_LIMIT = 0x7fffffff;

/** Scratch buffers of one run, allocated once and reused by every cell and permutation. */
interface Scratch {
  /** The weights of the slots to refill, in CSR order. */
  readonly slotWeight: Float64Array;
  /** Positions swapped by the partial Fisher–Yates shuffle, to undo it. */
  readonly picks: Uint32Array;
  /** The permuted statistics of the current cell. */
  readonly sims: Float64Array;
  /** Rejection marks: cell j was drawn in the permutation whose stamp `mark[j]` holds. */
  readonly mark: Int32Array;
  /** The Fisher–Yates pool of cell indexes, the identity between permutations. */
  readonly pool: Uint32Array;
  /** The stamp of the current permutation. */
  stamp: number;
}

/**
 * Runs the permutations of cells `start … end − 1` of a plan and writes their pseudo p-value,
 * permutation z, mean and standard deviation into `output` at the cells' indexes. Every cell
 * draws from its own mulberry32 stream seeded by `cellStreamSeed(plan.seed, i)`, so the result
 * of a cell does not depend on the range it was computed in.
 *
 * Each draw takes one 32-bit output u of the cell's stream and picks ⌊u·m/2³²⌋ among m
 * candidates (multiply-shift: every candidate's probability is 1/m to within a relative m/2³²).
 * - `spdep`: each slot of the row picks among the n − 1 cells other than i, independently
 *   (with replacement).
 * - `conditional`, rows of k ≤ (n − 1)/2 slots to refill: each slot picks among all n cells and
 *   picks again while it hits cell i or a cell drawn earlier in the same permutation —
 *   rejection sampling, which gives every sequence of k distinct other cells the same
 *   probability, as drawing without replacement does.
 * - `conditional`, longer rows: a partial Fisher–Yates shuffle of the n − 1 other cells (slot t
 *   picks among the n − 1 − t cells not yet drawn), undone after each permutation.
 *
 * With R permutations giving s_1 … s_R and the observed s: expectedSim = s̄ = Σ s_r/R,
 * sdSim = √(Σ (s_r − s̄)²/R) (population form, as esda's `sim.std()`), zSim = (s − s̄)/sdSim,
 * pSim = `permutationPValue(s, sims, plan.pValue, tolerance)`; statistics within 10⁻¹⁰ of the
 * statistic's attainable range count as ties. Cells without slots to refill, without a test
 * (NaN scale) or whose permutations all give the same statistic get NaN p and z. Nothing is
 * allocated per cell or permutation.
 *
 * @param plan - the run, from `preparePermutation`
 * @param start - first cell, inclusive
 * @param end - last cell, exclusive
 * @param output - arrays of length n receiving the results at indexes start … end − 1
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1, 3], [2]], { selfIncluded: true });
 * const plan = preparePermutation([1, 2, 8, 9], w, { statistic: 'gistar' }, 'myFunction');
 * const output = { pSim: new Float64Array(plan.n), zSim: new Float64Array(plan.n),
 *   expectedSim: new Float64Array(plan.n), sdSim: new Float64Array(plan.n) };
 * permuteCellRange(plan, 0, plan.n, output);
 * ```
 */
export function permuteCellRange(
  plan: PermutationPlan,
  start: number,
  end: number,
  output: PermutationOutput,
): void {
  const { n, permutations: R, seed, offsets, neighbors, values, scale, reported } = plan;
  const linkWeight = plan.weights;
  // Both schemes without replacement keep x_i in its own slot; the table replaces the streams.
  const conditional = plan.scheme !== 'spdep';
  const lookup = plan.scheme === 'lookup-table';
  const { pSim, zSim, expectedSim, sdSim } = output;
  const others = n - 1;
  const esda = plan.pValue === 'esda';

  let maxRow = 0;
  for (let i = start; i < end; i++) maxRow = Math.max(maxRow, offsets[i + 1] - offsets[i]);
  const scratch: Scratch = {
    slotWeight: new Float64Array(maxRow),
    picks: new Uint32Array(maxRow),
    sims: new Float64Array(R),
    mark: new Int32Array(conditional && !lookup ? n : 0),
    pool: new Uint32Array(conditional && !lookup && 2 * maxRow > others ? n : 0),
    stamp: 0,
  };
  for (let j = 0; j < scratch.pool.length; j++) scratch.pool[j] = j;
  const { slotWeight, sims } = scratch;
  // The table's cells go in the order of their windows, which then sweep the table once.
  const order = lookup ? cellsByWindow(plan, start, end) : undefined;

  for (let q = start; q < end; q++) {
    const i = order === undefined ? q : order[q - start];
    const factor = scale[i];
    // The fixed part of the weighted sum (x_i's own slot under `conditional`) and the slots to
    // refill, in CSR order; the observed sum is formed the same way.
    let fixed = 0;
    let k = 0;
    let observedLag = 0;
    let absWeights = 0;
    for (let l = offsets[i]; l < offsets[i + 1]; l++) {
      const j = neighbors[l];
      const w = linkWeight[l];
      if (conditional && j === i) {
        fixed += w * values[i];
        continue;
      }
      slotWeight[k++] = w;
      observedLag += w * values[j];
      absWeights += Math.abs(w);
    }
    if (k === 0 || Number.isNaN(factor)) {
      pSim[i] = Number.NaN;
      zSim[i] = Number.NaN;
      expectedSim[i] = Number.NaN;
      sdSim[i] = Number.NaN;
      continue;
    }

    const state = cellStreamSeed(seed, i) | 0;
    if (lookup) drawFromTable(plan, i, k, windowStart(plan, state), scratch);
    else if (!conditional) drawWithReplacement(values, i, k, R, state, scratch);
    else if (2 * k <= others) drawByRejection(values, i, k, R, state, scratch);
    else drawByFisherYates(values, i, k, R, state, scratch);

    const observed = factor * (fixed + observedLag);
    const tolerance =
      TIE_TOLERANCE * Math.abs(factor) * (Math.abs(fixed) + absWeights * plan.maxAbsValue);
    // esda's p needs only #{s_r ≥ s}, counted here instead of in another pass over the draws.
    const threshold = observed - tolerance;
    let sum = 0;
    let larger = 0;
    for (let r = 0; r < R; r++) {
      const s = factor * (fixed + sims[r]);
      sims[r] = s;
      sum += s;
      if (s >= threshold) larger++;
    }
    const mean = sum / R;
    let squares = 0;
    for (let r = 0; r < R; r++) {
      const d = sims[r] - mean;
      squares += d * d;
    }
    const sd = Math.sqrt(squares / R);
    expectedSim[i] = reported[i] === 1 ? mean : Number.NaN;
    if (sd <= tolerance) {
      // Every permutation gives the same statistic (to rounding): there is nothing to test.
      sdSim[i] = reported[i] === 1 ? 0 : Number.NaN;
      pSim[i] = Number.NaN;
      zSim[i] = Number.NaN;
      continue;
    }
    sdSim[i] = reported[i] === 1 ? sd : Number.NaN;
    // A NaN draw or observed value makes the p NaN, as permutationPValue says; sum carries it.
    pSim[i] =
      esda && !Number.isNaN(sum) && !Number.isNaN(observed)
        ? esdaPValue(larger, R)
        : permutationPValue(observed, sims, plan.pValue, tolerance);
    zSim[i] = (observed - mean) / sd;
  }
}

/**
 * The `lookup-table` scheme: cell i reads R consecutive rows of the table, from an offset its own
 * stream draws, and its permutation r takes the first k entries of row offset + r other than i.
 * With equal slot weights w (binary or row-standardised rows) that is w times a prefix sum of the
 * row, shared by every cell with k slots; in the few rows where i itself is among the first k
 * entries, entry k stands in for it.
 */
function drawFromTable(
  plan: PermutationPlan,
  i: number,
  k: number,
  first: number,
  scratch: Scratch,
): void {
  const { slotWeight, sims } = scratch;
  const { permutations: R, values, tableWidth: width, tableRows: T } = plan;
  const { tableValues, tablePrefix, tableHitOffsets: hitOffsets, tableHits: hits } = plan;
  const w = slotWeight[0];
  let equal = true;
  for (let t = 1; t < k && equal; t++) equal = slotWeight[t] === w;
  if (equal) {
    const base = k * T + first;
    for (let r = 0; r < R; r++) sims[r] = w * tablePrefix[base + r];
  } else {
    for (let r = 0, row = first * width; r < R; r++, row += width) {
      let lag = 0;
      for (let t = 0; t < k; t++) lag += slotWeight[t] * tableValues[row + t];
      sims[r] = lag;
    }
  }
  for (let e = hitOffsets[i]; e < hitOffsets[i + 1]; e++) {
    const position = hits[e];
    const tableRow = Math.floor(position / width);
    const r = tableRow - first;
    const at = position - tableRow * width;
    if (r < 0 || r >= R || at >= k) continue;
    if (equal) {
      sims[r] = w * (tablePrefix[(k + 1) * T + tableRow] - values[i]);
      continue;
    }
    const row = tableRow * width;
    let lag = 0;
    for (let t = 0; t < k; t++) lag += slotWeight[t] * tableValues[row + (t < at ? t : t + 1)];
    sims[r] = lag;
  }
}

/** A cell's window of the table: the first draw of its stream among the T − R + 1 starts. */
function windowStart(plan: PermutationPlan, seedState: number): number {
  const state = (seedState + WEYL) | 0;
  let h = Math.imul(state ^ (state >>> 15), state | 1);
  h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
  const starts = plan.tableRows - plan.permutations + 1;
  return Math.floor(((h ^ (h >>> 14)) >>> 0) * starts * TWO_TO_MINUS_32);
}

/** Cells start … end − 1 ordered by the start of their window (a counting sort). */
function cellsByWindow(plan: PermutationPlan, start: number, end: number): Uint32Array {
  const starts = plan.tableRows - plan.permutations + 1;
  const key = new Uint32Array(end - start);
  const count = new Uint32Array(starts + 1);
  for (let i = start; i < end; i++) {
    key[i - start] = windowStart(plan, cellStreamSeed(plan.seed, i) | 0);
    count[key[i - start] + 1]++;
  }
  for (let b = 0; b < starts; b++) count[b + 1] += count[b];
  const order = new Uint32Array(end - start);
  for (let i = start; i < end; i++) order[count[key[i - start]]++] = i;
  return order;
}

/** spdep's scheme: each of the k slots takes the value of one of the n − 1 other cells, with replacement. */
function drawWithReplacement(
  values: Float64Array,
  i: number,
  k: number,
  R: number,
  seedState: number,
  scratch: Scratch,
): void {
  const { slotWeight, sims } = scratch;
  const others = values.length - 1;
  let state = seedState;
  for (let r = 0; r < R; r++) {
    let lag = 0;
    for (let t = 0; t < k; t++) {
      state = (state + WEYL) | 0;
      let h = Math.imul(state ^ (state >>> 15), state | 1);
      h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
      const pick = Math.floor(((h ^ (h >>> 14)) >>> 0) * others * TWO_TO_MINUS_32);
      // Picks from i on shift up by one, skipping cell i: (i − pick − 1) >>> 31 is 1 iff pick ≥ i.
      lag += slotWeight[t] * values[pick + ((i - pick - 1) >>> 31)];
    }
    sims[r] = lag;
  }
}

/** Conditional scheme for short rows: k distinct other cells by rejection against per-permutation marks. */
function drawByRejection(
  values: Float64Array,
  i: number,
  k: number,
  R: number,
  seedState: number,
  scratch: Scratch,
): void {
  const { slotWeight, sims, mark } = scratch;
  const n = values.length;
  let state = seedState;
  let stamp = scratch.stamp;
  for (let r = 0; r < R; r++) {
    if (stamp === STAMP_LIMIT) {
      mark.fill(0);
      stamp = 0;
    }
    stamp++;
    mark[i] = stamp;
    let lag = 0;
    for (let t = 0; t < k; t++) {
      let j: number;
      do {
        state = (state + WEYL) | 0;
        let h = Math.imul(state ^ (state >>> 15), state | 1);
        h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
        j = Math.floor(((h ^ (h >>> 14)) >>> 0) * n * TWO_TO_MINUS_32);
      } while (mark[j] === stamp);
      mark[j] = stamp;
      lag += slotWeight[t] * values[j];
    }
    sims[r] = lag;
  }
  scratch.stamp = stamp;
}

/** Conditional scheme for long rows: a partial Fisher–Yates shuffle of the other cells, undone each time. */
function drawByFisherYates(
  values: Float64Array,
  i: number,
  k: number,
  R: number,
  seedState: number,
  scratch: Scratch,
): void {
  const { slotWeight, sims, pool, picks } = scratch;
  const others = values.length - 1;
  let state = seedState;
  // Cell i moves to the end of the pool, leaving the n − 1 other cells in front of it.
  pool[i] = others;
  pool[others] = i;
  for (let r = 0; r < R; r++) {
    let lag = 0;
    for (let t = 0; t < k; t++) {
      state = (state + WEYL) | 0;
      let h = Math.imul(state ^ (state >>> 15), state | 1);
      h ^= h + Math.imul(h ^ (h >>> 7), h | 61);
      const pick = t + Math.floor(((h ^ (h >>> 14)) >>> 0) * (others - t) * TWO_TO_MINUS_32);
      const j = pool[pick];
      pool[pick] = pool[t];
      pool[t] = j;
      picks[t] = pick;
      lag += slotWeight[t] * values[j];
    }
    for (let t = k - 1; t >= 0; t--) {
      const pick = picks[t];
      const j = pool[t];
      pool[t] = pool[pick];
      pool[pick] = j;
    }
    sims[r] = lag;
  }
  pool[others] = others;
  pool[i] = i;
}
