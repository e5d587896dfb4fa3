/**
 * Every property name used by any feature, in order of first appearance, so that a column is
 * found even when the first features leave it out.
 *
 * @param features - GeoJSON features (anything else is skipped)
 * @returns distinct property names
 * @throws never
 * @example
 * ```ts
 * collectPropertyNames([{ properties: { a: 1 } }, { properties: { a: 2, b: 3 } }]); // ['a', 'b']
 * ```
 */
export function collectPropertyNames(features: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const feature of features) {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    if (typeof properties !== 'object' || properties === null) continue;
    for (const name of Object.keys(properties)) names.add(name);
  }
  return [...names];
}
