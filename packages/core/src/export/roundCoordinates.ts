import type { MultiPolygon, Polygon, Position } from 'geojson';
import { assertArgument } from '../errors.js';

/** Options of {@link roundCoordinates}. */
export interface RoundCoordinatesOptions {
  /** Decimal places kept, an integer 0…15 (default 6: about 0.1 m, as RFC 7946 §11.2 suggests). */
  readonly precision?: number;
}

/**
 * Rounds every position of a polygon to `precision` decimals and removes the consecutive
 * duplicate positions that rounding creates, so files stay small without zero-length edges.
 * Rings stay closed. A hole that collapses below four positions is smaller than the precision
 * and is dropped; so is a collapsed part of a MultiPolygon.
 *
 * @param geometry - a Polygon or MultiPolygon with `[lng, lat]` positions
 * @param options - `precision`, decimal places (default 6)
 * @returns a new geometry of the same type; the input is not modified
 * @throws HexreachError `E_ARGUMENT` when `precision` is not an integer 0…15, or when every
 *   exterior ring collapses at that precision
 * @example
 * ```ts
 * roundCoordinates({ type: 'Polygon', coordinates: rings }, { precision: 5 });
 * ```
 */
export function roundCoordinates<G extends Polygon | MultiPolygon>(
  geometry: G,
  options: RoundCoordinatesOptions = {},
): G {
  const fn = 'roundCoordinates';
  const precision = options.precision ?? 6;
  assertArgument(
    Number.isInteger(precision) && precision >= 0 && precision <= 15,
    fn,
    `precision must be an integer 0…15, got ${precision}`,
    precision,
  );
  const factor = 10 ** precision;
  const polygons: Position[][][] =
    geometry.type === 'Polygon'
      ? [(geometry as Polygon).coordinates]
      : (geometry as MultiPolygon).coordinates;
  const kept: Position[][][] = [];
  for (const rings of polygons) {
    const exterior = roundRing(rings[0], factor);
    if (exterior.length < 4) continue;
    const polygon = [exterior];
    for (let r = 1; r < rings.length; r++) {
      const hole = roundRing(rings[r], factor);
      if (hole.length >= 4) polygon.push(hole);
    }
    kept.push(polygon);
  }
  assertArgument(
    kept.length > 0,
    fn,
    `the geometry collapses to nothing at precision ${precision}`,
    precision,
  );
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: kept[0] };
  return { ...geometry, coordinates: kept };
}

/** Rounds a closed ring and drops consecutive repeats; the result is closed again. */
function roundRing(ring: Position[], factor: number): Position[] {
  const out: Position[] = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (const position of ring) {
    const x = roundHalfAwayFromZero(position[0], factor);
    const y = roundHalfAwayFromZero(position[1], factor);
    if (x === lastX && y === lastY) continue;
    out.push([x, y]);
    lastX = x;
    lastY = y;
  }
  if (out.length > 0) {
    const first = out[0];
    if (first[0] !== lastX || first[1] !== lastY) out.push([first[0], first[1]]);
  }
  return out;
}

/** Symmetric about zero, so mirrored coordinates round to mirrored values; −0 becomes 0. */
function roundHalfAwayFromZero(value: number, factor: number): number {
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
