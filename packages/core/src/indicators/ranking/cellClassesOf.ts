/**
 * A partition of cells into classes that are ranked as one: class g has `size[g]` cells, among
 * them `representative[g]`, the first.
 */
export interface CellClasses {
  /** The class of each cell. */
  readonly classOf: Uint32Array;
  /** The first cell of each class, whose values stand for the class's. */
  readonly representative: Uint32Array;
  /** The number of cells in each class. */
  readonly size: Uint32Array;
  /** Whether each class's cells are ranked (1) or left out by the mask (0). */
  readonly included: Uint8Array;
  /** The number of classes. */
  readonly count: number;
}

/**
 * The cells of each group split by an inclusion mask: a class is the cells of one group that a
 * mask includes (any entry but 0), or that it leaves out. Classes are numbered in the order of
 * their first cell; groups without cells make no class.
 *
 * @param groupOf - the group of each cell (below `groupCount`)
 * @param groupCount - the number of groups
 * @param include - one entry per cell; none = every cell included
 * @returns the classes
 * @example
 * ```ts
 * const classes = cellClassesOf(Uint32Array.of(0, 1, 0, 0), 2, [1, 1, 1, 0]);
 * classes.classOf; // [0, 1, 0, 2]
 * classes.size; // [2, 1, 1]
 * classes.included; // [1, 1, 0]
 * ```
 */
export function cellClassesOf(
  groupOf: Uint32Array,
  groupCount: number,
  include?: ArrayLike<number>,
): CellClasses {
  const n = groupOf.length;
  // Class of (group, included) at 2·group + included, −1 until its first cell.
  const classOfKey = new Int32Array(2 * groupCount).fill(-1);
  const classOf = new Uint32Array(n);
  const representative = new Uint32Array(n);
  const size = new Uint32Array(n);
  const included = new Uint8Array(n);
  let count = 0;
  for (let c = 0; c < n; c++) {
    const isIncluded = include === undefined || include[c] !== 0 ? 1 : 0;
    const key = 2 * groupOf[c] + isIncluded;
    if (classOfKey[key] < 0) {
      classOfKey[key] = count;
      representative[count] = c;
      included[count] = isIncluded;
      count++;
    }
    const g = classOfKey[key];
    classOf[c] = g;
    size[g]++;
  }
  return {
    classOf,
    representative: representative.slice(0, count),
    size: size.slice(0, count),
    included: included.slice(0, count),
    count,
  };
}
