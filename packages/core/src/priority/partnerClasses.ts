import { assertArgument } from '../errors.js';

/** The label of each partner class, indexed by its code (see {@link partnerClasses}). */
export const PARTNER_CLASS_LABELS: readonly string[] = Object.freeze(['none', 'gap', 'leverage']);

/** Options of {@link partnerClasses}. */
export interface PartnerClassesOptions {
  /** Lowest need index (0–1 percentile) that counts as high need (default 0.8). */
  readonly needAt?: number;
}

/**
 * Where outreach lacks partners and where it can lean on them: among cells of high need
 * (need index ≥ `needAt`), a **gap** has no partner organization within the radius and a
 * **leverage** cell has at least one. Codes:
 * - 0 `none`: need below `needAt`, or unknown (NaN), so neither applies;
 * - 1 `gap`: high need, no organization within the radius;
 * - 2 `leverage`: high need, one or more organizations within the radius.
 *
 * @param needIndex - the vulnerability index per cell, 0–1 (`VulnerabilityResult.index`); NaN where unknown
 * @param anyWithinRadius - organizations of any measured type within the radius, per cell
 *   (`PartnerAccess.anyWithinRadius`)
 * @param options - `needAt` in [0, 1] (default 0.8)
 * @returns the code of every cell, an index into {@link PARTNER_CLASS_LABELS}
 * @throws HexreachError `E_ARGUMENT` when the lengths differ or `needAt` is not in [0, 1]
 * @example
 * ```ts
 * partnerClasses([0.95, 0.85, 0.3, Number.NaN], Uint32Array.from([0, 4, 0, 0])); // Uint8Array [1, 2, 0, 0]
 * ```
 */
export function partnerClasses(
  needIndex: ArrayLike<number>,
  anyWithinRadius: Uint32Array,
  options: PartnerClassesOptions = {},
): Uint8Array {
  const fn = 'partnerClasses';
  const needAt = options.needAt ?? 0.8;
  const n = needIndex.length;
  assertArgument(
    anyWithinRadius.length === n,
    fn,
    `needIndex has ${n} values but anyWithinRadius has ${anyWithinRadius.length}`,
    anyWithinRadius.length,
  );
  assertArgument(needAt >= 0 && needAt <= 1, fn, `needAt must be in [0, 1], got ${needAt}`, needAt);
  const code = new Uint8Array(n);
  // `>=` is false for NaN, so cells of unknown need stay 0.
  for (let i = 0; i < n; i++) if (needIndex[i] >= needAt) code[i] = anyWithinRadius[i] > 0 ? 2 : 1;
  return code;
}
