import { assertArgument } from '../../errors.js';
import type { SpatialWeights } from '../../types.js';

/**
 * Throws `E_ARGUMENT` unless `weights` is a well-formed CSR structure over `weights.n` rows: n + 1
 * rising offsets from 0, neighbour indexes below n, finite weights, no neighbour listed twice in a
 * row (a repeat would be counted twice in the lag but not in the moments), and self links exactly
 * when `selfIncluded`. One pass over the links; the statistics trust the structure afterwards.
 *
 * @param weights - the weights a public statistic was given
 * @param fn - name of the public function, for the error message
 * @throws HexreachError `E_ARGUMENT` naming the first defect (its value is the row or the entry)
 * @example
 * ```ts
 * assertWeights(weightsFromNeighbors([[1], [0]]), 'localMoran'); // passes
 * ```
 */
export function assertWeights(weights: SpatialWeights, fn: string): void {
  assertWeightsShape(weights, fn);
  assertWeightsLinks(weights, fn);
}

/**
 * The cheap half of {@link assertWeights}: the object, n, the lengths of the arrays and
 * `selfIncluded`, without visiting the links. A statistic that checks the links inside its own
 * pass over them (as `giStar` does) calls this first and {@link assertWeights} on a defect, for
 * the message.
 *
 * @param weights - the weights a public statistic was given
 * @param fn - name of the public function, for the error message
 * @throws HexreachError `E_ARGUMENT` naming the defect
 * @example
 * ```ts
 * assertWeightsShape(weightsFromNeighbors([[1], [0]]), 'giStar'); // passes
 * ```
 */
export function assertWeightsShape(weights: SpatialWeights, fn: string): void {
  assertArgument(
    typeof weights === 'object' && weights !== null,
    fn,
    'weights must be a SpatialWeights object',
    weights,
  );
  const { n, offsets, neighbors, selfIncluded } = weights;
  const linkWeight = weights.weights;
  assertArgument(
    Number.isInteger(n) && n >= 0,
    fn,
    `weights.n must be an integer >= 0, got ${n}`,
    n,
  );
  assertArgument(
    offsets?.length === n + 1 && offsets[0] === 0,
    fn,
    `weights.offsets must have n + 1 = ${n + 1} entries starting at 0`,
    offsets?.length,
  );
  const links = offsets[n];
  assertArgument(
    neighbors?.length === links && linkWeight?.length === links,
    fn,
    `weights.neighbors and weights.weights must both have offsets[n] = ${links} entries`,
    links,
  );
  assertArgument(
    typeof selfIncluded === 'boolean',
    fn,
    'weights.selfIncluded must be a boolean',
    selfIncluded,
  );
}

/** Every row's span, its neighbour indexes, weights, repeats and self link, after the shape. */
function assertWeightsLinks(weights: SpatialWeights, fn: string): void {
  const { n, offsets, neighbors, selfIncluded } = weights;
  const linkWeight = weights.weights;
  const links = offsets[n];
  // lastSeenIn[j] = i + 1 once j has appeared in row i: finds repeats without a set per row.
  // Conditions are tested inline and the message built only on failure: this runs per link.
  const lastSeenIn = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    if (!(end >= start && end <= links)) {
      assertArgument(
        false,
        fn,
        `weights.offsets must rise from 0 to ${links}; row ${i} spans ${start}…${end}`,
        i,
      );
    }
    let hasSelf = false;
    for (let l = start; l < end; l++) {
      const j = neighbors[l];
      const w = linkWeight[l];
      if (j >= n || !Number.isFinite(w) || lastSeenIn[j] === i + 1) {
        assertArgument(j < n, fn, `row ${i} links to ${j}, not an index below ${n}`, {
          row: i,
          value: j,
        });
        assertArgument(Number.isFinite(w), fn, `row ${i} has the non-finite weight ${w}`, {
          row: i,
          value: w,
        });
        assertArgument(false, fn, `row ${i} lists ${j} twice`, { row: i, value: j });
      }
      lastSeenIn[j] = i + 1;
      if (j === i) hasSelf = true;
    }
    if (hasSelf !== selfIncluded) {
      assertArgument(
        false,
        fn,
        selfIncluded
          ? `row ${i} lacks its self link although weights.selfIncluded is true`
          : `row ${i} links to itself although weights.selfIncluded is false`,
        i,
      );
    }
  }
}
