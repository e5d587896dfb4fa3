import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The cells as triangles for the GPU: built once per load and shared by every cell layer, which
 * differ only in the colour of each cell.
 */
export interface CellMesh {
  /** Number of cells; cell i is the i-th feature given to {@link cellMesh}. */
  readonly cellCount: number;
  /**
   * Web Mercator position (0…1 from the top-left of the world) the vertex positions are
   * relative to: float32 offsets from a point inside the data keep sub-millimetre detail at any
   * zoom, where float32 world coordinates would wobble by metres.
   */
  readonly origin: readonly [number, number];
  /** Each vertex's Web Mercator position minus `origin`, x and y. */
  readonly positions: Float32Array;
  /** The cell of each vertex. */
  readonly vertexCells: Uint32Array;
  /**
   * Where each ring's vertices start, and after the last one the number of vertices: ring r is
   * vertices `ringStarts[r]` … `ringStarts[r + 1] − 1`, in order, each joined to the next and the
   * last to the first.
   */
  readonly ringStarts: Uint32Array;
  /** Three vertex indices per triangle. */
  readonly triangles: Uint32Array;
}

/** Web Mercator stops at ±85.0511° (the latitude at which the world becomes square). */
const MAX_LATITUDE = 85.051129;

/** Web Mercator x (0…1, west to east) of a longitude. */
function mercatorX(lng: number): number {
  return (180 + lng) / 360;
}

/** Web Mercator y (0…1, north to south) of a latitude, as MapLibre's `MercatorCoordinate`. */
function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return (
    (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360
  );
}

/**
 * Triangulates cell polygons for {@link cellLayer}: each outer ring as a fan from its first
 * vertex, which is exact for convex polygons such as H3 cells (hexagons, pentagons, and the
 * few more vertices of cells across an icosahedron edge). Holes are not drawn: an H3 cell has
 * none. A MultiPolygon (a cell split at the antimeridian) gives one fan per part.
 *
 * @param features - the cell polygons, in the order their colours will be given
 * @returns the mesh; vertices in Web Mercator relative to the mean of the cells' vertices
 * @example
 * ```ts
 * const mesh = cellMesh(results.cells.features);
 * mesh.triangles.length / 3; // 4 per hexagon
 * ```
 */
export function cellMesh(features: readonly Feature<Polygon | MultiPolygon, unknown>[]): CellMesh {
  const rings: { cell: number; ring: Position[] }[] = [];
  let vertexCount = 0;
  let triangleCount = 0;
  features.forEach((feature, cell) => {
    const geometry = feature.geometry;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const part of parts) {
      const outer = part[0] ?? [];
      const ring = isClosed(outer) ? outer.slice(0, -1) : outer;
      if (ring.length < 3) continue;
      rings.push({ cell, ring });
      vertexCount += ring.length;
      triangleCount += ring.length - 2;
    }
  });
  // Each vertex projected once (a logarithm and a tangent each), then made relative to the mean.
  const world = new Float64Array(vertexCount * 2);
  const vertexCells = new Uint32Array(vertexCount);
  const triangles = new Uint32Array(triangleCount * 3);
  const ringStarts = new Uint32Array(rings.length + 1);
  let sumX = 0;
  let sumY = 0;
  let v = 0;
  let t = 0;
  for (const [r, { cell, ring }] of rings.entries()) {
    const first = v;
    ringStarts[r] = first;
    for (const [lng, lat] of ring) {
      const x = mercatorX(lng);
      const y = mercatorY(lat);
      world[2 * v] = x;
      world[2 * v + 1] = y;
      sumX += x;
      sumY += y;
      vertexCells[v] = cell;
      v++;
    }
    for (let k = 1; k < ring.length - 1; k++) {
      triangles[t++] = first;
      triangles[t++] = first + k;
      triangles[t++] = first + k + 1;
    }
  }
  const origin: [number, number] =
    vertexCount === 0 ? [0.5, 0.5] : [sumX / vertexCount, sumY / vertexCount];
  const positions = new Float32Array(vertexCount * 2);
  for (let i = 0; i < vertexCount; i++) {
    positions[2 * i] = world[2 * i] - origin[0];
    positions[2 * i + 1] = world[2 * i + 1] - origin[1];
  }
  ringStarts[rings.length] = v;
  return { cellCount: features.length, origin, positions, vertexCells, ringStarts, triangles };
}

function isClosed(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first[0] === last[0] && first[1] === last[1];
}
