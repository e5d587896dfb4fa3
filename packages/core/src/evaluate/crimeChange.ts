import type { SpatialWeights } from '../types.js';
import { mulberry32 } from '../util/random.js';
import { type DiDCounts, differenceInDifferences } from './differenceInDifferences.js';
import type { ComparisonMatcher, MatchedComparison } from './matchComparisonCells.js';
import type { PeriodTotals } from './periodTotals.js';
import { placeboTest } from './placeboTest.js';
import { drawPlaceboZones } from './placeboZones.js';
import {
  type DisplacementReading,
  readDisplacement,
  weightedDisplacementQuotient,
} from './weightedDisplacementQuotient.js';
import { zoneRing } from './zoneRing.js';

/** The crime estimate of one zone against its matched comparison. */
export interface CrimeChange {
  /** (zone after/before) / (comparison after/before) − 1; NaN when a count is 0. */
  readonly change: number;
  /** The interval at `confidence`, calibrated by the placebos. */
  readonly low: number;
  readonly high: number;
  /** Two-sided placebo p-value. */
  readonly p: number;
  readonly confidence: number;
  /** Incidents in the zone, its ring and its comparison (weighted), before and after. */
  readonly zone: { readonly before: number; readonly after: number };
  readonly comparison: { readonly before: number; readonly after: number; readonly cells: number };
  /** Placebo zones with a usable estimate, and how many matched the zone's level. */
  readonly placebos: number;
  readonly placebosLevelMatched: number;
  /** Interval half-width in standard errors (1.645 for Poisson counts at 90 %). */
  readonly critical: number;
}

/** Displacement into the zone's ring. */
export interface Displacement {
  /** Weighted displacement quotient; NaN when the zone did not change against the comparison. */
  readonly wdq: number;
  readonly successMeasure: number;
  readonly bufferDisplacementMeasure: number;
  readonly totalNetEffect: number;
  /** The ring's own change against the comparison, its interval and whether it is significant. */
  readonly bufferChange: number;
  readonly bufferLow: number;
  readonly bufferHigh: number;
  readonly bufferSignificant: boolean;
  readonly buffer: { readonly before: number; readonly after: number; readonly cells: number };
  readonly reading: DisplacementReading;
}

/** What {@link crimeChange} needs of the evaluation. */
export interface CrimeChangeContext {
  readonly contiguity: SpatialWeights;
  readonly totals: PeriodTotals;
  readonly matcher: ComparisonMatcher;
  readonly inPool: Uint8Array;
  readonly bufferK: number;
  readonly placebos: number;
  readonly confidence: number;
  readonly seed: number;
}

/**
 * A zone's change in incidents against matched comparison cells, with a placebo-calibrated
 * interval and p-value, and the displacement into its ring (weighted displacement quotient
 * against the same comparison). Each placebo zone, of the zone's size and drawn in the pool,
 * gets its own matched comparison (itself and its ring excluded) and its own z; the observed z's
 * rank among them is the p-value and their spread the interval's width (see placeboTest).
 *
 * @param zone - the zone's cells
 * @param ring - the zone's buffer ring
 * @param context - the totals of the window, the matcher and the placebo settings
 * @returns the crime change, the displacement and the matched comparison cells
 * @example
 * ```ts
 * const { crime, displacement } = crimeChange(zoneCells, zoneRing(contiguity, zoneCells, 1), context);
 * crime.change; // −0.18 for 18 % fewer incidents than the comparison implies
 * ```
 */
export function crimeChange(
  zone: Int32Array,
  ring: Int32Array,
  context: CrimeChangeContext,
): {
  readonly crime: CrimeChange;
  readonly displacement: Displacement;
  readonly comparison: MatchedComparison;
  /** The observed counts and each placebo's: what a pooled estimate over zones sums. */
  readonly observed: DiDCounts;
  readonly placeboCounts: DiDCountColumns;
} {
  const { totals, matcher, confidence } = context;
  const comparison = matcher.match(zone);
  const zoneSums = sums(totals, zone);
  const comparisonSums = weightedSums(totals, comparison);
  const estimate = differenceInDifferences({ ...zoneSums, ...comparisonSums });
  const placebo = placeboCounts(zone.length, zoneSums.treatedBefore, context);
  const test = placeboTest(estimate.z, zOfCounts(placebo.counts), confidence);
  const half = test.critical * estimate.se;
  const crime: CrimeChange = {
    change: estimate.change,
    low: Math.expm1(estimate.logRatio - half),
    high: Math.expm1(estimate.logRatio + half),
    p: test.p,
    confidence,
    zone: { before: zoneSums.treatedBefore, after: zoneSums.treatedAfter },
    comparison: {
      before: comparisonSums.comparisonBefore,
      after: comparisonSums.comparisonAfter,
      cells: comparison.cells.length,
    },
    placebos: test.placebos,
    placebosLevelMatched: placebo.levelMatched,
    critical: test.critical,
  };
  const displacement = displacementOf(zoneSums, ring, comparisonSums, totals, test.critical);
  const observed = { ...zoneSums, ...comparisonSums };
  return { crime, displacement, comparison, observed, placeboCounts: placebo.counts };
}

/** The WDQ of the ring, read with the significance of the ring's own change. */
function displacementOf(
  zoneSums: { treatedBefore: number; treatedAfter: number },
  ring: Int32Array,
  comparisonSums: ReturnType<typeof weightedSums>,
  totals: PeriodTotals,
  critical: number,
): Displacement {
  const ringSums = sums(totals, ring);
  const ringEstimate = differenceInDifferences({ ...ringSums, ...comparisonSums });
  const half = critical * ringEstimate.se;
  const bufferSignificant = Number.isFinite(ringEstimate.z) && Math.abs(ringEstimate.z) > critical;
  const usable =
    comparisonSums.comparisonBefore > 0 && comparisonSums.comparisonAfter > 0 && ring.length > 0;
  const q = usable
    ? weightedDisplacementQuotient({
        responseBefore: zoneSums.treatedBefore,
        responseAfter: zoneSums.treatedAfter,
        bufferBefore: ringSums.treatedBefore,
        bufferAfter: ringSums.treatedAfter,
        controlBefore: comparisonSums.comparisonBefore,
        controlAfter: comparisonSums.comparisonAfter,
      })
    : undefined;
  return {
    wdq: q?.wdq ?? Number.NaN,
    successMeasure: q?.successMeasure ?? Number.NaN,
    bufferDisplacementMeasure: q?.bufferDisplacementMeasure ?? Number.NaN,
    totalNetEffect: q?.totalNetEffect ?? Number.NaN,
    bufferChange: ringEstimate.change,
    bufferLow: Math.expm1(ringEstimate.logRatio - half),
    bufferHigh: Math.expm1(ringEstimate.logRatio + half),
    bufferSignificant,
    buffer: { before: ringSums.treatedBefore, after: ringSums.treatedAfter, cells: ring.length },
    reading: q === undefined ? 'no reduction to displace' : readDisplacement(q, bufferSignificant),
  };
}

/** Counts of a treated group and its comparison for each of many draws (placebos). */
export interface DiDCountColumns {
  readonly treatedBefore: Float64Array;
  readonly treatedAfter: Float64Array;
  readonly comparisonBefore: Float64Array;
  readonly comparisonAfter: Float64Array;
  readonly comparisonVarianceBefore: Float64Array;
  readonly comparisonVarianceAfter: Float64Array;
}

/** The counts of each placebo zone, each against its own matched comparison. */
function placeboCounts(
  size: number,
  zoneBefore: number,
  context: CrimeChangeContext,
): { readonly counts: DiDCountColumns; readonly levelMatched: number } {
  const { contiguity, totals, matcher, inPool, bufferK, placebos, seed } = context;
  const { zones, levelMatched } = drawPlaceboZones(contiguity, inPool, {
    count: placebos,
    size,
    random: mulberry32(seed),
    level: totals.before,
    targetLevel: zoneBefore,
  });
  const columns = () => new Float64Array(zones.length);
  const counts: DiDCountColumns = {
    treatedBefore: columns(),
    treatedAfter: columns(),
    comparisonBefore: columns(),
    comparisonAfter: columns(),
    comparisonVarianceBefore: columns(),
    comparisonVarianceAfter: columns(),
  };
  const excluded = new Uint8Array(inPool.length);
  for (let i = 0; i < zones.length; i++) {
    const placebo = zones[i];
    const ring = zoneRing(contiguity, placebo, bufferK);
    for (const c of placebo) excluded[c] = 1;
    for (const c of ring) excluded[c] = 1;
    const comparison = matcher.match(placebo, (c) => excluded[c] === 1);
    for (const c of placebo) excluded[c] = 0;
    for (const c of ring) excluded[c] = 0;
    const row = { ...sums(totals, placebo), ...weightedSums(totals, comparison) };
    for (const key of Object.keys(counts) as (keyof DiDCountColumns)[]) counts[key][i] = row[key];
  }
  return { counts, levelMatched };
}

/**
 * The z of each row of count columns.
 *
 * @example
 * ```ts
 * zOfCounts(placebo.counts)[0]; // the first placebo's z
 * ```
 */
export function zOfCounts(counts: DiDCountColumns): Float64Array {
  const z = new Float64Array(counts.treatedBefore.length);
  for (let i = 0; i < z.length; i++) {
    z[i] = differenceInDifferences({
      treatedBefore: counts.treatedBefore[i],
      treatedAfter: counts.treatedAfter[i],
      comparisonBefore: counts.comparisonBefore[i],
      comparisonAfter: counts.comparisonAfter[i],
      comparisonVarianceBefore: counts.comparisonVarianceBefore[i],
      comparisonVarianceAfter: counts.comparisonVarianceAfter[i],
    }).z;
  }
  return z;
}

/** A group's totals before and after. */
function sums(totals: PeriodTotals, cells: ArrayLike<number>) {
  let treatedBefore = 0;
  let treatedAfter = 0;
  for (let i = 0; i < cells.length; i++) {
    treatedBefore += totals.before[cells[i]];
    treatedAfter += totals.after[cells[i]];
  }
  return { treatedBefore, treatedAfter };
}

/** A comparison's weighted totals and their Poisson variances (Σ w² · count). */
function weightedSums(totals: PeriodTotals, comparison: MatchedComparison) {
  let comparisonBefore = 0;
  let comparisonAfter = 0;
  let comparisonVarianceBefore = 0;
  let comparisonVarianceAfter = 0;
  for (let j = 0; j < comparison.cells.length; j++) {
    const c = comparison.cells[j];
    const w = comparison.weights[j];
    comparisonBefore += w * totals.before[c];
    comparisonAfter += w * totals.after[c];
    comparisonVarianceBefore += w * w * totals.before[c];
    comparisonVarianceAfter += w * w * totals.after[c];
  }
  return { comparisonBefore, comparisonAfter, comparisonVarianceBefore, comparisonVarianceAfter };
}
