import { assertArgument } from '../errors.js';

/**
 * The label of each joint class, indexed by its code (see {@link jointClasses}). A map colours
 * codes 0–3 as a 2 × 2 bivariate scheme and code 4 as "no data".
 */
export const JOINT_CLASS_LABELS: readonly string[] = Object.freeze([
  'neither',
  'hotspot without high need',
  'high need without hotspot',
  'hotspot and high need',
  'need unknown',
]);

/** Options of {@link jointClasses}. */
export interface JointClassesOptions {
  /** Lowest Gi* bin that counts as a hotspot: 1, 2 or 3 for 90, 95 or 99 % confidence (default 2). */
  readonly hotspotBin?: number;
  /** Lowest need index (0–1 percentile) that counts as high need (default 0.9, the SVI flag). */
  readonly needAt?: number;
}

/** Result of {@link jointClasses}. */
export interface JointClassesResult {
  /** The class of each cell: a code 0–4, an index into `labels`. */
  readonly code: Uint8Array;
  /** {@link JOINT_CLASS_LABELS}: the words for each code. */
  readonly labels: readonly string[];
}

/**
 * Why a cell matters, as a bivariate class of "is it a hotspot" × "is need high" that a map can
 * colour directly:
 * - 0 `neither`: not a hotspot at `hotspotBin`, need below `needAt`;
 * - 1 `hotspot without high need`: a hot spot (Gi* bin ≥ `hotspotBin`), need below `needAt`;
 * - 2 `high need without hotspot`: need ≥ `needAt`, not a hot spot;
 * - 3 `hotspot and high need`: both;
 * - 4 `need unknown`: the need index is NaN (no residents, or no indicator value), hotspot or not.
 *
 * Code 4 takes precedence over the hotspot test on purpose: calling a hot spot whose need was never
 * measured "hotspot without high need" would tell a planner that need was checked and found low,
 * and the class exists to state the combination. Whether such a cell is a hot spot stays visible in
 * the Gi* bin itself. Cold spots (negative bins) are "not a hotspot".
 *
 * @param giBin - Gi* confidence bins per cell, −3…3 (`GiStarResult.bin`)
 * @param needIndex - the vulnerability index per cell, 0–1 (`VulnerabilityResult.index`); NaN where unknown
 * @param options - `hotspotBin` (1, 2 or 3; default 2) and `needAt` (in [0, 1]; default 0.9)
 * @returns the code of every cell and the labels of the codes
 * @throws HexreachError `E_ARGUMENT` when the lengths differ, `hotspotBin` is not 1, 2 or 3, or
 *   `needAt` is not in [0, 1]
 * @example
 * ```ts
 * const joint = jointClasses(Int8Array.from([3, 0, 2, -3, 1]), [0.95, 0.97, 0.2, 0.99, Number.NaN]);
 * joint.code; // Uint8Array [3, 2, 1, 2, 4]
 * joint.labels[joint.code[0]]; // 'hotspot and high need'
 * ```
 */
export function jointClasses(
  giBin: Int8Array,
  needIndex: ArrayLike<number>,
  options: JointClassesOptions = {},
): JointClassesResult {
  const fn = 'jointClasses';
  const hotspotBin = options.hotspotBin ?? 2;
  const needAt = options.needAt ?? 0.9;
  const n = giBin.length;
  assertArgument(
    needIndex.length === n,
    fn,
    `giBin has ${n} values but needIndex has ${needIndex.length}`,
    needIndex.length,
  );
  assertArgument(
    hotspotBin === 1 || hotspotBin === 2 || hotspotBin === 3,
    fn,
    `hotspotBin must be 1, 2 or 3, got ${hotspotBin}`,
    hotspotBin,
  );
  assertArgument(needAt >= 0 && needAt <= 1, fn, `needAt must be in [0, 1], got ${needAt}`, needAt);
  const code = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const need = needIndex[i];
    if (Number.isNaN(need)) {
      code[i] = 4;
      continue;
    }
    code[i] = (giBin[i] >= hotspotBin ? 1 : 0) + (need >= needAt ? 2 : 0);
  }
  return { code, labels: JOINT_CLASS_LABELS };
}
