import { assertArgument } from '../errors.js';

/** Options of {@link forecastAccuracy}. */
export interface ForecastAccuracyOptions {
  /** Incidents per cell in the period the selection was made on; needed for the RRI. */
  readonly countsTrain?: ArrayLike<number>;
}

/** How well a hotspot selection made on one period captures the incidents of the next. */
export interface ForecastAccuracy {
  /** Number of selected cells. */
  readonly selectedCells: number;
  /** Area of the selected cells, km². */
  readonly selectedAreaKm2: number;
  /** Area of all cells, km². */
  readonly totalAreaKm2: number;
  /** selectedAreaKm2 / totalAreaKm2. */
  readonly areaShare: number;
  /** Test-period incidents in the selected cells. */
  readonly hits: number;
  /** Test-period incidents in all cells. */
  readonly total: number;
  /** hits / total: the share of test incidents the selection captured; NaN without incidents. */
  readonly hitRate: number;
  /**
   * Predictive Accuracy Index, hitRate / areaShare (Chainey, Tompson & Uhlig 2008, Security
   * Journal 21:4–28): how many times more incidents per km² the selection captures than the
   * area as a whole. NaN when nothing is selected or there are no incidents.
   */
  readonly pai: number;
  /**
   * The most test incidents any selection of the same area could capture: cells taken by
   * incidents per km², the last one in proportion (with cells of equal area, the top-k cells).
   */
  readonly maxHits: number;
  /**
   * Predictive Efficiency Index, PAI / PAI* = hits / maxHits (Hunt 2016): the PAI against the
   * best PAI possible for the same area, in [0, 1]; NaN when maxHits is 0.
   */
  readonly pei: number;
  /**
   * Recapture Rate Index, (hits / trainHits) / (total / trainTotal) (Levine 2008, Security
   * Journal 21:303–307): how the selected cells' incidents changed relative to the whole area's;
   * NaN without `countsTrain` or when the selection had no training incidents.
   */
  readonly rri: number;
}

/** Throws unless `values` holds `n` finite numbers ≥ 0 (> 0 when `positive`); returns their sum. */
function checkedSum(values: ArrayLike<number>, n: number, name: string, positive = false): number {
  assertArgument(
    values.length === n,
    'forecastAccuracy',
    `${name} has ${values.length} values for ${n} cells`,
    values.length,
  );
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    assertArgument(
      Number.isFinite(v) && (positive ? v > 0 : v >= 0),
      'forecastAccuracy',
      `${name}[${i}] = ${v} is not a finite number ${positive ? '> 0' : '>= 0'}`,
      { index: i, value: v },
    );
    sum += v;
  }
  return sum;
}

/**
 * Forecast quality of a hotspot selection: cells chosen from one period (e.g. the Gi* hot spots
 * of 2018) are tested on the incidents of the next (2019). Reports the hit rate, PAI (Chainey et
 * al. 2008), PEI (Hunt 2016) and RRI (Levine 2008). Areas should be the exact cell areas
 * (`cellAreaKm2` of each cell), so that the area shares are true shares.
 *
 * @param selected - per cell, truthy when the cell is in the selection
 * @param countsTest - incidents per cell in the test period, finite and ≥ 0
 * @param areaKm2 - area of each cell in km² (> 0), or one area for every cell
 * @param options - `countsTrain`: incidents per cell in the selection period (for the RRI)
 * @returns hit rate, area share, PAI, PEI, RRI and the counts they come from
 * @throws HexreachError `E_ARGUMENT` if the lengths differ or a count or area is out of range
 * @example
 * ```ts
 * // Four equal cells; the selection (cell 0) holds 6 of the 10 test incidents on 1/4 of the area.
 * const q = forecastAccuracy([1, 0, 0, 0], [6, 3, 1, 0], 0.74, { countsTrain: [8, 1, 1, 0] });
 * q.pai; // 0.6 / 0.25 = 2.4
 * q.pei; // 1: no cell of the same area held more
 * q.rri; // (6/8) / (10/10) = 0.75
 * ```
 */
export function forecastAccuracy(
  selected: ArrayLike<number | boolean>,
  countsTest: ArrayLike<number>,
  areaKm2: number | ArrayLike<number>,
  options: ForecastAccuracyOptions = {},
): ForecastAccuracy {
  const n = selected.length;
  const total = checkedSum(countsTest, n, 'countsTest');
  let area: ArrayLike<number>;
  if (typeof areaKm2 === 'number') {
    assertArgument(
      Number.isFinite(areaKm2) && areaKm2 > 0,
      'forecastAccuracy',
      `areaKm2 must be a finite number > 0, got ${areaKm2}`,
      areaKm2,
    );
    area = new Float64Array(n).fill(areaKm2);
  } else {
    area = areaKm2;
  }
  const totalAreaKm2 = checkedSum(area, n, 'areaKm2', true);
  const train = options.countsTrain;
  const trainTotal = train === undefined ? Number.NaN : checkedSum(train, n, 'countsTrain');

  let selectedCells = 0;
  let selectedAreaKm2 = 0;
  let hits = 0;
  let trainHits = 0;
  for (let i = 0; i < n; i++) {
    if (!selected[i]) continue;
    selectedCells++;
    selectedAreaKm2 += area[i];
    hits += countsTest[i];
    if (train !== undefined) trainHits += train[i];
  }

  // The best selection of the same area: cells by incident density, the last one in part
  // (the fractional-knapsack bound, ≥ every whole-cell selection of that area).
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => countsTest[b] / area[b] - countsTest[a] / area[a] || a - b,
  );
  let maxHits = 0;
  let room = selectedAreaKm2;
  for (const i of order) {
    if (room <= 0) break;
    const taken = Math.min(1, room / area[i]);
    maxHits += taken * countsTest[i];
    room -= area[i];
  }
  maxHits = Math.max(maxHits, hits); // rounding of the area sums must not push PEI above 1

  const hitRate = total > 0 ? hits / total : Number.NaN;
  const areaShare = selectedAreaKm2 / totalAreaKm2;
  return {
    selectedCells,
    selectedAreaKm2,
    totalAreaKm2,
    areaShare,
    hits,
    total,
    hitRate,
    pai: selectedCells > 0 ? hitRate / areaShare : Number.NaN, // Chainey et al. 2008: PAI = (n/N)/(a/A)
    maxHits,
    pei: maxHits > 0 ? hits / maxHits : Number.NaN, // Hunt 2016: PEI = PAI/PAI*
    // Levine 2008: RRI = (n₂/n₁)/(N₂/N₁)
    rri: trainHits > 0 && trainTotal > 0 ? hits / trainHits / (total / trainTotal) : Number.NaN,
  };
}
