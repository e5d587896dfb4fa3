import type { MultiPolygon, Polygon } from 'geojson';
import { assertArgument } from '../errors.js';
import { cellsToMultiPolygonCoordinates, getResolution, isValidCell } from '../hex/h3.js';

/**
 * The outline of a zone: its cells dissolved into one shape, holes kept. An edge-connected zone
 * is one Polygon (with a hole wherever unselected cells are enclosed). H3 would only return
 * several parts for cells that do not touch, so that case is kept as a MultiPolygon rather
 * than silently dropping a part. Positions are `[lng, lat]` exactly as H3 computes them; the
 * exporters round and orient them.
 *
 * @param cells - H3 indexes of one resolution; duplicates are ignored
 * @returns a Polygon, or a MultiPolygon when the cells form more than one part
 * @throws HexreachError `E_ARGUMENT` when `cells` is empty, holds an invalid index, or mixes
 *   resolutions
 * @example
 * ```ts
 * zoneToPolygon(zones[0].cells); // { type: 'Polygon', coordinates: [[[lng, lat], …]] }
 * ```
 */
export function zoneToPolygon(cells: readonly string[]): Polygon | MultiPolygon {
  const fn = 'zoneToPolygon';
  assertArgument(cells.length > 0, fn, 'cells must not be empty', cells);
  const unique = [...new Set(cells)];
  for (const cell of unique)
    assertArgument(isValidCell(cell), fn, `not a valid H3 cell: ${cell}`, cell);
  const resolution = getResolution(unique[0]);
  for (const cell of unique)
    assertArgument(
      getResolution(cell) === resolution,
      fn,
      `cells must share one resolution (${resolution}), got ${cell} at ${getResolution(cell)}`,
      cell,
    );
  const parts = cellsToMultiPolygonCoordinates(unique);
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] };
  return { type: 'MultiPolygon', coordinates: parts };
}
