import type { CellMesh } from './cellMesh.js';
import { PairIndex } from './pairIndex.js';

/**
 * Vertex positions are matched on a grid of 2⁻²⁷ of the world (30 cm): the same corner of two
 * neighbouring cells, written twice to cells.geojson, falls on one grid point.
 */
const GRID = 2 ** 27;
/** Offsets from the mesh's origin beyond ±2²³ grid steps (about 2,500 km) are never matched. */
const HALF_RANGE = 2 ** 23;

/** Each vertex's corner of the map: vertices of neighbouring cells at the same place share one. */
const cornersOf = new WeakMap<CellMesh, Int32Array>();

/**
 * The outlines of groups of cells — the priority zones — as segments along the cells' edges: an
 * edge is part of an outline when its cell is in a group and the cell across it (the one whose
 * ring runs along the same edge the other way) is not in the same group. A group's outline is
 * thus drawn from the cells alone, as the union of its cells, without building its polygon.
 *
 * @param mesh - the cells (see `cellMesh`)
 * @param groupOf - the group of each cell, e.g. its zone's rank; NaN or a negative number for none
 * @returns four numbers per segment (x0, y0, x1, y1), relative to `mesh.origin` as the mesh's
 *   positions are
 * @example
 * ```ts
 * const segments = groupOutlines(mesh, results.columns.zone_rank);
 * zoneLayer.setSegments(segments);
 * ```
 */
export function groupOutlines(mesh: CellMesh, groupOf: ArrayLike<number>): Float32Array {
  const corners = cornersOfMesh(mesh);
  const cornerCount = corners.length;
  const { ringStarts, vertexCells, positions } = mesh;
  const grouped = (v: number) => {
    const group = groupOf[vertexCells[v]];
    return group >= 0 ? group : -1;
  };
  // Every edge of a grouped cell, from corner to corner, with its group.
  const edges = new Map<number, number>();
  const forEachEdge = (visit: (from: number, to: number, group: number) => void) => {
    for (let r = 0; r + 1 < ringStarts.length; r++) {
      const start = ringStarts[r];
      const end = ringStarts[r + 1];
      const group = grouped(start);
      if (group < 0) continue;
      for (let v = start; v < end; v++) visit(v, v + 1 < end ? v + 1 : start, group);
    }
  };
  forEachEdge((from, to, group) => edges.set(corners[from] * cornerCount + corners[to], group));
  const segments: number[] = [];
  forEachEdge((from, to, group) => {
    if (edges.get(corners[to] * cornerCount + corners[from]) === group) return;
    segments.push(
      positions[2 * from],
      positions[2 * from + 1],
      positions[2 * to],
      positions[2 * to + 1],
    );
  });
  return Float32Array.from(segments);
}

function cornersOfMesh(mesh: CellMesh): Int32Array {
  const known = cornersOf.get(mesh);
  if (known !== undefined) return known;
  const count = mesh.vertexCells.length;
  const corners = new Int32Array(count);
  const ids = new PairIndex(count / 3);
  // Corners beyond the range are never matched: numbered after every matched one.
  let unmatched = 0;
  for (let v = 0; v < count; v++) {
    const x = Math.round(mesh.positions[2 * v] * GRID);
    const y = Math.round(mesh.positions[2 * v + 1] * GRID);
    corners[v] =
      Math.abs(x) >= HALF_RANGE || Math.abs(y) >= HALF_RANGE ? -1 - unmatched++ : ids.idOf(x, y);
  }
  for (let v = 0; v < count; v++) if (corners[v] < 0) corners[v] = ids.size - 1 - corners[v];
  cornersOf.set(mesh, corners);
  return corners;
}
