/**
 * A feature's geometry in words, for rejection messages: its GeoJSON type, or what stands in its
 * place.
 *
 * @param geometry - the `geometry` member of a feature
 * @returns e.g. `a Polygon`, `null`, `missing`
 * @throws never
 * @example
 * ```ts
 * describeGeometry({ type: 'LineString', coordinates: [] }); // 'a LineString'
 * ```
 */
export function describeGeometry(geometry: unknown): string {
  if (geometry === null) return 'null';
  if (geometry === undefined) return 'missing';
  const type = (geometry as { type?: unknown }).type;
  return typeof type === 'string' ? `a ${type}` : 'not a GeoJSON geometry';
}
