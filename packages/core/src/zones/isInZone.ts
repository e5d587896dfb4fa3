/**
 * 1 for each cell in a zone, else 0.
 *
 * @example
 * ```ts
 * isInZone(Int32Array.of(0, -1, 2)); // Uint8Array [1, 0, 1]
 * ```
 */
export function isInZone(zoneOfCell: Int32Array): Uint8Array {
  // A loop: Uint8Array.from with a map is slow on 50,000 cells.
  const mask = new Uint8Array(zoneOfCell.length);
  for (let i = 0; i < zoneOfCell.length; i++) if (zoneOfCell[i] >= 0) mask[i] = 1;
  return mask;
}
