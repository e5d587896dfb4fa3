import { assertArgument } from '../errors.js';
import type { SpatialWeights } from '../types.js';
import { linkWeights, resolveStyle } from './linkWeights.js';

/** Options of {@link weightsFromNeighbors}. */
export interface WeightsFromNeighborsOptions {
  /** Add each observation to its own row (spdep `include.self`), for Gi*. Default false. */
  readonly selfIncluded?: boolean;
  /** `binary`: every link weighs 1; `row`: each row sums to 1. Default `binary`. */
  readonly style?: 'binary' | 'row';
}

/**
 * CSR weights from plain 0-based neighbour lists, such as spdep's `nb` objects (minus one) or a
 * contiguity table. The lists need not be symmetric; each row is stored in ascending order.
 *
 * @param lists - `lists[i]` holds the indexes of the neighbours of observation `i`, without `i`
 *   itself and without repeats; its length is the number of observations
 * @param options - `selfIncluded` (default false; true adds `i` to row `i`, as spdep
 *   `include.self`), `style` (default `binary`)
 * @returns CSR weights over the observations
 * @throws HexreachError `E_ARGUMENT` if an entry is not an integer in `[0, n)`, appears twice in
 *   a list, or is the list's own index (the message names the list and the value), or if
 *   `style` is unknown
 * @example
 * ```ts
 * const w = weightsFromNeighbors([[1], [0, 2], [1]], { selfIncluded: true, style: 'row' });
 * w.neighbors; // Uint32Array [0, 1, 0, 1, 2, 1, 2]
 * w.weights;   // Float64Array [0.5, 0.5, 1/3, 1/3, 1/3, 0.5, 0.5]
 * ```
 */
export function weightsFromNeighbors(
  lists: readonly (readonly number[])[],
  options: WeightsFromNeighborsOptions = {},
): SpatialWeights {
  const fn = 'weightsFromNeighbors';
  const selfIncluded = options.selfIncluded ?? false;
  const style = resolveStyle(options.style, fn);
  assertArgument(
    typeof selfIncluded === 'boolean',
    fn,
    `selfIncluded must be a boolean, got ${String(selfIncluded)}`,
    selfIncluded,
  );
  assertArgument(Array.isArray(lists), fn, 'lists must be an array of arrays', lists);
  const n = lists.length;

  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const list = lists[i];
    assertArgument(Array.isArray(list), fn, `lists[${i}] is not an array`, list);
    offsets[i + 1] = offsets[i] + list.length + (selfIncluded ? 1 : 0);
  }

  const neighbors = new Uint32Array(offsets[n]);
  // lastSeenIn[j] = i + 1 once j has appeared in list i: finds repeats without a set per list.
  const lastSeenIn = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const list = lists[i];
    let at = offsets[i];
    if (selfIncluded) neighbors[at++] = i;
    for (const j of list) {
      assertArgument(
        Number.isInteger(j) && j >= 0 && j < n,
        fn,
        `lists[${i}] contains ${j}, not an integer index in [0, ${n})`,
        { list: i, value: j },
      );
      assertArgument(
        j !== i,
        fn,
        `lists[${i}] contains its own index ${j}; pass selfIncluded: true instead`,
        { list: i, value: j },
      );
      assertArgument(lastSeenIn[j] !== i + 1, fn, `lists[${i}] contains ${j} twice`, {
        list: i,
        value: j,
      });
      lastSeenIn[j] = i + 1;
      neighbors[at++] = j;
    }
    neighbors.subarray(offsets[i], at).sort();
  }
  return { n, offsets, neighbors, weights: linkWeights(offsets, style), selfIncluded, style };
}
