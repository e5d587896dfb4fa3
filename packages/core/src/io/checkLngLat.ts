import type { RejectionReason } from '../types.js';
import { formatValue } from './formatValue.js';
import { parseDecimal } from './parseDecimal.js';

/** Why a pair of coordinate values is not a usable point. */
export interface LngLatProblem {
  readonly reason: RejectionReason;
  readonly message: string;
}

/** Empty: absent, null, or a string of nothing but whitespace. */
function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** A number, or a decimal string (CSV fields; not `0x10`); NaN for anything else. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseDecimal(value) : Number.NaN;
}

/**
 * Checks a longitude and latitude read from a record, in this order: missing (empty) →
 * `missing-coordinates`; not a finite number → `invalid-coordinates`; exactly (0, 0), the
 * "null island" placeholder of many exports → `invalid-coordinates`; latitude beyond ±90 but
 * within ±180 while the longitude is within ±90 → `swapped-coordinates`; otherwise beyond
 * ±90 / ±180 → `out-of-range-coordinates`. Shared by every point reader so that the same record
 * gets the same reason whichever format it came in. With `numbersOnly` (GeoJSON, whose
 * coordinates are numbers), text such as `"-87.6"` is `invalid-coordinates` too.
 *
 * @param lngValue - the longitude as found (number, string, anything)
 * @param latValue - the latitude as found
 * @param options - `numbersOnly`: refuse coordinates written as text (default false: CSV fields)
 * @returns the problem, or undefined when the two values are decimal numbers (or such text) of a
 *   WGS84 point; hexadecimal text such as `0x10` is not a number
 * @throws never
 * @example
 * ```ts
 * checkLngLat('-87.6', '41.8'); // undefined
 * checkLngLat('41.8', '-87.6'); // { reason: 'swapped-coordinates', message: … }
 * ```
 */
export function checkLngLat(
  lngValue: unknown,
  latValue: unknown,
  options: { readonly numbersOnly?: boolean } = {},
): LngLatProblem | undefined {
  const lngBlank = isBlank(lngValue);
  const latBlank = isBlank(latValue);
  if (lngBlank || latBlank) {
    const which =
      lngBlank && latBlank
        ? 'longitude and latitude are'
        : lngBlank
          ? 'longitude is'
          : 'latitude is';
    return { reason: 'missing-coordinates', message: `${which} missing` };
  }
  if (options.numbersOnly === true) {
    for (const [name, value] of [
      ['longitude', lngValue],
      ['latitude', latValue],
    ] as const) {
      if (typeof value === 'string') {
        return {
          reason: 'invalid-coordinates',
          message: `${name} ${formatValue(value)} is text, not a number: GeoJSON coordinates are numbers`,
        };
      }
    }
  }
  const lng = toNumber(lngValue);
  const lat = toNumber(latValue);
  if (!Number.isFinite(lng)) {
    return {
      reason: 'invalid-coordinates',
      message: `longitude ${formatValue(lngValue)} is not a number`,
    };
  }
  if (!Number.isFinite(lat)) {
    return {
      reason: 'invalid-coordinates',
      message: `latitude ${formatValue(latValue)} is not a number`,
    };
  }
  if (lng === 0 && lat === 0) {
    return {
      reason: 'invalid-coordinates',
      message: 'coordinates (0, 0) are the "null island" placeholder of exports, not a location',
    };
  }
  const absLng = Math.abs(lng);
  const absLat = Math.abs(lat);
  if (absLat > 90 && absLat <= 180 && absLng <= 90) {
    return {
      reason: 'swapped-coordinates',
      message: `latitude ${lat} is beyond ±90 but would be a valid longitude, and longitude ${lng} a valid latitude: latitude and longitude look swapped`,
    };
  }
  if (absLat > 90) {
    return { reason: 'out-of-range-coordinates', message: `latitude ${lat} is outside −90…90` };
  }
  if (absLng > 180) {
    return { reason: 'out-of-range-coordinates', message: `longitude ${lng} is outside −180…180` };
  }
  return undefined;
}
