import { pointOnFeature } from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';
import { averageEdgeLengthKm, cellToRing, lngLatToCell } from '../hex/h3.js';
import type { AreaTable, CellGrid } from '../types.js';
import {
  clippedRingArea,
  clipRingToBand,
  createClipScratch,
  ringAreaM2,
} from './clippedRingArea.js';

/**
 * Where each area goes, CSR style: the entries of area p are `offsets[p] … offsets[p + 1] − 1`,
 * each a grid cell, the area's share of itself in that cell and the overlap's area.
 */
export interface AreaCellShares {
  readonly offsets: Uint32Array;
  readonly cell: Uint32Array;
  /** |p ∩ c| / |p|: the shares of an area sum to 1 when the grid covers it. */
  readonly share: Float64Array;
  /** |p ∩ c| in m². */
  readonly overlapM2: Float64Array;
  /** Each grid cell's own area in m², measured as the overlaps are. */
  readonly cellAreaM2: Float64Array;
}

/** Kilometres per degree of latitude on the sphere of turf's radius. */
const KM_PER_DEGREE_LATITUDE = (6371.0088 * Math.PI) / 180;
/**
 * Overlaps summing to the area within this share of it cover it: the rest is how far turf's
 * formula, whose edges are straight in longitude and the sine of latitude, measures a sloped
 * edge's pieces apart from the edge whole (3e-5 of a triangle 0.012° tall).
 */
const COVERED = 1e-4;
/** Overlaps under this share of a cell's area are rounding (a cell inside a hole), not overlap. */
const NEGLIGIBLE_SHARE_OF_CELL = 1e-9;

/**
 * The exact overlap of every area with every grid cell, by clipping the area's rings to each
 * cell's outline (`clippedRingArea`) in longitude and latitude, where RFC 7946 draws edges
 * straight, and measuring the overlap as turf's `area` does (m² on a sphere of radius
 * 6,371,008.8 m), longitudes taken about the area's middle meridian. Holes and
 * MultiPolygon parts count with their sign; a polygon with no area goes whole to the cell under a
 * point on its surface, with no area. When the grid covers an area (its overlaps sum to its area
 * within 1e-4), its shares are divided by the sum of its overlaps, so that they sum to 1 to float
 * precision; otherwise by its whole area, and what lies outside the grid is dropped. Against
 * turf's `intersect` and `area` cell by cell, the shares agree within 1e-5.
 *
 * @param grid - the cells
 * @param areas - the area polygons
 * @returns the overlaps, CSR by area
 * @example
 * ```ts
 * const overlaps = areaCellOverlaps(studyAreaCells(tracts, 9), tracts);
 * overlaps.share[overlaps.offsets[0]]; // share of the first tract in its first cell
 * ```
 */
export function areaCellOverlaps(grid: CellGrid, areas: AreaTable): AreaCellShares {
  const outlines = cellOutlines(grid);
  const index = bucketIndex(outlines);
  const scratch = createClipScratch();
  const perCell = new Float64Array(grid.cells.length);
  let touched = new Uint32Array(64);
  let touchedCount = 0;
  const offsets = new Uint32Array(areas.length + 1);
  const cell: number[] = [];
  const share: number[] = [];
  const overlapM2: number[] = [];
  // One buffer per outline length, reused: hexagons have 6 vertices, a few cells more.
  const clipOfLength = new Map<number, Float64Array>();
  // A cell is at most about two edges tall: a band three edges tall, doubled, holds its row.
  const bandHeight = (3 * averageEdgeLengthKm(grid.resolution)) / KM_PER_DEGREE_LATITUDE;
  for (let p = 0; p < areas.length; p++) {
    const geometry = areas.geometries[p];
    let areaM2 = 0;
    for (const part of partsOfAreas(areas)[p]) {
      areaM2 += part.areaM2;
      // Rows of cells, bottom up: each ring is cut to a row's band once, and each cell of the
      // row clips only that piece. The bands sit on a fixed lattice of latitudes, so that a cell's
      // overlap comes out the same to the last bit in any grid that holds it.
      const { candidates, rowOf } = byRow(
        index.candidates(part.west, part.south, part.east, part.north),
        outlines.south,
        bandHeight,
      );
      for (let first = 0; first < candidates.length; ) {
        const row = rowOf[first];
        const bandSouth = row * bandHeight;
        let bandNorth = (row + 2) * bandHeight;
        let last = first;
        while (last < candidates.length && rowOf[last] === row) {
          bandNorth = Math.max(bandNorth, outlines.north[candidates[last]]);
          last++;
        }
        const band = part.rings.map((ring) => clipRingToBand(ring, bandSouth, bandNorth, scratch));
        for (let k = first; k < last; k++) {
          const c = candidates[k];
          const from = outlines.offsets[c];
          const to = outlines.offsets[c + 1];
          let clip = clipOfLength.get(to - from);
          if (clip === undefined) {
            clip = new Float64Array(to - from);
            clipOfLength.set(to - from, clip);
          }
          shiftLngInto(outlines.lngLat, from, to, part.lng0, clip);
          let overlap = 0;
          for (let r = 0; r < band.length; r++)
            if (band[r].length > 0)
              overlap += part.signs[r] * clippedRingArea(band[r], clip, scratch);
          if (!(overlap > NEGLIGIBLE_SHARE_OF_CELL * outlines.areaM2[c])) continue;
          if (perCell[c] === 0) {
            if (touchedCount === touched.length) touched = grown(touched);
            touched[touchedCount++] = c;
          }
          perCell[c] += overlap;
        }
        first = last;
      }
    }
    // In grid order, so that the sum is the same in any grid sorted as studyAreaCells sorts.
    const inOrder = touched.subarray(0, touchedCount).sort();
    let covered = 0;
    for (const c of inOrder) covered += perCell[c];
    if (touchedCount > 0) {
      // A covering grid: divide by the overlaps' sum so the shares sum to 1 (a count is kept).
      const whole = covered >= areaM2 * (1 - COVERED) ? covered : areaM2;
      for (const c of inOrder) {
        cell.push(c);
        share.push(perCell[c] / whole);
        overlapM2.push(perCell[c]);
        perCell[c] = 0;
      }
      touchedCount = 0;
    } else if (areaM2 === 0 && polygonsOf(geometry).length > 0) {
      // No area to share: all of it goes to the cell under a point on its surface, so that its
      // count is kept; as a rate it weighs nothing.
      const [lng, lat] = pointOnFeature(geometry).geometry.coordinates;
      const c = grid.indexOf.get(lngLatToCell(lng, lat, grid.resolution));
      if (c !== undefined) {
        cell.push(c);
        share.push(1);
        overlapM2.push(0);
      }
    }
    offsets[p + 1] = cell.length;
  }
  return {
    offsets,
    cell: Uint32Array.from(cell),
    share: Float64Array.from(share),
    overlapM2: Float64Array.from(overlapM2),
    cellAreaM2: outlines.areaM2,
  };
}

/** Each table's areas as parts ready to clip, made once: a run clips them at several resolutions. */
const partsCache = new WeakMap<AreaTable, ProjectedPart[][]>();

function partsOfAreas(areas: AreaTable): ProjectedPart[][] {
  let parts = partsCache.get(areas);
  if (parts === undefined) {
    parts = areas.geometries.map((geometry) => polygonsOf(geometry).map(partAboutMeridian));
    partsCache.set(areas, parts);
  }
  return parts;
}

/** The polygons of a geometry as ring lists, leaving out empty ones. */
function polygonsOf(geometry: Polygon | MultiPolygon): number[][][][] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.filter((rings) => rings.length > 0 && rings[0].length > 0);
}

/** The grid cells' outlines (`lng, lat` pairs, counter-clockwise, CSR), bounds and areas. */
interface CellOutlines {
  readonly offsets: Uint32Array;
  readonly lngLat: Float64Array;
  readonly west: Float64Array;
  readonly south: Float64Array;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly areaM2: Float64Array;
}

function cellOutlines(grid: CellGrid): CellOutlines {
  const n = grid.cells.length;
  const offsets = new Uint32Array(n + 1);
  // Six vertices a hexagon; cells crossing an icosahedron edge have a few more.
  let lngLat = new Float64Array(12 * n);
  let projected = new Float64Array(32);
  const west = new Float64Array(n);
  const south = new Float64Array(n);
  const east = new Float64Array(n);
  const north = new Float64Array(n);
  const areaM2 = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const ring = cellToRing(grid.cells[c]); // closed: the first vertex repeated last
    const from = offsets[c];
    const to = from + 2 * (ring.length - 1);
    if (to > lngLat.length) lngLat = grownTo(lngLat, to + 12 * (n - c));
    if (to - from > projected.length) projected = new Float64Array(2 * (to - from));
    for (let v = 0, o = from; o < to; v++) {
      lngLat[o++] = ring[v][0];
      lngLat[o++] = ring[v][1];
    }
    offsets[c + 1] = to;
    shiftLngInto(lngLat, from, to, lngLat[from], projected);
    let area = ringAreaM2(projected, (to - from) >> 1);
    if (area < 0) {
      reverseRing(lngLat, from, to);
      area = -area;
    }
    areaM2[c] = area;
    west[c] = south[c] = Number.POSITIVE_INFINITY;
    east[c] = north[c] = Number.NEGATIVE_INFINITY;
    for (let i = from; i < to; i += 2) {
      west[c] = Math.min(west[c], lngLat[i]);
      east[c] = Math.max(east[c], lngLat[i]);
      south[c] = Math.min(south[c], lngLat[i + 1]);
      north[c] = Math.max(north[c], lngLat[i + 1]);
    }
  }
  return { offsets, lngLat: lngLat.subarray(0, offsets[n]), west, south, east, north, areaM2 };
}

/** A copy of `values` with room for `length` numbers. */
function grownTo(values: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const copy = new Float64Array(length);
  copy.set(values);
  return copy;
}

/** A copy of `values` twice as long. */
function grown(values: Uint32Array): Uint32Array<ArrayBuffer> {
  const copy = new Uint32Array(2 * values.length);
  copy.set(values);
  return copy;
}

/**
 * Candidate cells ordered by the row of bands their south edge falls in (`⌊south / bandHeight⌋`,
 * bottom up), with each one's row: a counting sort, as the order within a row does not matter.
 */
function byRow(
  found: readonly number[],
  south: Float64Array,
  bandHeight: number,
): { candidates: Uint32Array; rowOf: Float64Array } {
  const count = found.length;
  const rows = new Float64Array(count);
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < count; k++) {
    const row = Math.floor(south[found[k]] / bandHeight);
    rows[k] = row;
    if (row < lowest) lowest = row;
    if (row > highest) highest = row;
  }
  const start = new Uint32Array(count === 0 ? 1 : highest - lowest + 2);
  for (let k = 0; k < count; k++) start[rows[k] - lowest + 1]++;
  for (let r = 1; r < start.length; r++) start[r] += start[r - 1];
  const candidates = new Uint32Array(count);
  const rowOf = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const at = start[rows[k] - lowest]++;
    candidates[at] = found[k];
    rowOf[at] = rows[k];
  }
  return { candidates, rowOf };
}

/** Cells bucketed by the centre of their bounds, buckets as large as the largest cell. */
function bucketIndex(outlines: CellOutlines) {
  const { west, south, east, north } = outlines;
  const n = west.length;
  let size = 0;
  let minLng = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < n; c++) {
    size = Math.max(size, east[c] - west[c], north[c] - south[c]);
    minLng = Math.min(minLng, west[c]);
    minLat = Math.min(minLat, south[c]);
    maxLng = Math.max(maxLng, east[c]);
    maxLat = Math.max(maxLat, north[c]);
  }
  const columns = Math.max(1, Math.ceil((maxLng - minLng) / size) + 1);
  const rows = Math.max(1, Math.ceil((maxLat - minLat) / size) + 1);
  const bucketOf = (c: number) =>
    Math.floor(((west[c] + east[c]) / 2 - minLng) / size) * rows +
    Math.floor(((south[c] + north[c]) / 2 - minLat) / size);
  const start = new Uint32Array(columns * rows + 1);
  for (let c = 0; c < n; c++) start[bucketOf(c) + 1]++;
  for (let b = 0; b < columns * rows; b++) start[b + 1] += start[b];
  const fill = start.slice(0, -1);
  const members = new Uint32Array(n);
  for (let c = 0; c < n; c++) members[fill[bucketOf(c)]++] = c;
  const clampColumn = (x: number) => Math.min(columns - 1, Math.max(0, x));
  const clampRow = (y: number) => Math.min(rows - 1, Math.max(0, y));
  const found: number[] = [];
  return {
    /** The cells whose bounds meet the given bounds (a list reused by the next call). */
    candidates(w: number, s: number, e: number, nn: number): number[] {
      found.length = 0;
      // A cell's centre lies at most one bucket outside the bounds it meets.
      const x0 = clampColumn(Math.floor((w - minLng) / size) - 1);
      const x1 = clampColumn(Math.floor((e - minLng) / size) + 1);
      const y0 = clampRow(Math.floor((s - minLat) / size) - 1);
      const y1 = clampRow(Math.floor((nn - minLat) / size) + 1);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++)
          for (let k = start[x * rows + y]; k < start[x * rows + y + 1]; k++) {
            const c = members[k];
            if (west[c] <= e && east[c] >= w && south[c] <= nn && north[c] >= s) found.push(c);
          }
      return found;
    },
  };
}

/** A polygon's rings with longitudes about its own middle meridian, their signs and its bounds. */
interface ProjectedPart {
  readonly lng0: number;
  readonly rings: Float64Array[];
  /** +1 or −1 per ring: the outer ring counts positive, holes negative, whatever their winding. */
  readonly signs: number[];
  readonly areaM2: number;
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

function partAboutMeridian(rings: number[][][]): ProjectedPart {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const [lng, lat] of rings[0]) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const lng0 = (west + east) / 2;
  const projected: Float64Array[] = [];
  const signs: number[] = [];
  let area = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    const closed =
      ring.length > 1 &&
      ring[0][0] === ring[ring.length - 1][0] &&
      ring[0][1] === ring[ring.length - 1][1];
    const count = closed ? ring.length - 1 : ring.length;
    const lngLat = new Float64Array(2 * count);
    for (let i = 0; i < count; i++) {
      lngLat[2 * i] = ring[i][0];
      lngLat[2 * i + 1] = ring[i][1];
    }
    const xy = new Float64Array(2 * count);
    shiftLngInto(lngLat, 0, lngLat.length, lng0, xy);
    const signed = ringAreaM2(xy);
    const sign = (signed >= 0 ? 1 : -1) * (r === 0 ? 1 : -1);
    projected.push(xy);
    signs.push(sign);
    area += sign * signed;
  }
  return {
    lng0,
    rings: projected,
    signs,
    areaM2: Math.max(0, area),
    west,
    south,
    east,
    north,
  };
}

/**
 * `lngLat[from…to)` into `out` from 0, longitudes about `lng0` (so that an area across the
 * antimeridian stays whole), latitudes kept.
 */
function shiftLngInto(
  lngLat: Float64Array,
  from: number,
  to: number,
  lng0: number,
  out: Float64Array,
): void {
  for (let i = from, o = 0; i < to; i += 2, o += 2) {
    let dLng = lngLat[i] - lng0;
    if (dLng > 180) dLng -= 360;
    else if (dLng < -180) dLng += 360;
    out[o] = dLng;
    out[o + 1] = lngLat[i + 1];
  }
}

/** Reverses the vertex order of the ring `ring[from…to)` in place. */
function reverseRing(ring: Float64Array, from: number, to: number): void {
  for (let i = from, j = to - 2; i < j; i += 2, j -= 2) {
    const x = ring[i];
    const y = ring[i + 1];
    ring[i] = ring[j];
    ring[i + 1] = ring[j + 1];
    ring[j] = x;
    ring[j + 1] = y;
  }
}
