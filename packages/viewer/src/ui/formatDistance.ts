const metres = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A distance for people: whole metres below 1 km, kilometres with one decimal from 1 km
 * (1,196 m is "1.2 km"); `—` for a missing or negative value.
 *
 * @param meters - the distance in metres
 * @returns the distance with its unit
 * @example
 * ```ts
 * formatDistance(289); // '289 m'
 * formatDistance(1542); // '1.5 km'
 * ```
 */
export function formatDistance(meters: number): string {
  if (!Number.isFinite(meters) || meters < 0) return '—';
  const rounded = Math.round(meters);
  if (rounded < 1000) return `${metres.format(rounded)} m`;
  return `${(meters / 1000).toFixed(1)} km`;
}
