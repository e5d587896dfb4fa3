import type { CellMesh } from './cellMesh.js';

/** Where a raster of the cells lies and how fine it is (see {@link cellRasterFrame}). */
export interface CellRasterFrame {
  /** Top-left corner, as an offset from the mesh's origin (Web Mercator units). */
  readonly min: readonly [number, number];
  /** Width and height covered, in Web Mercator units: `columns` and `rows` whole texels. */
  readonly extent: readonly [number, number];
  /** Texels across and down. */
  readonly columns: number;
  readonly rows: number;
  /** The side of one (square) texel, in Web Mercator units. */
  readonly texel: number;
}

/**
 * The frame of a raster of the cells, each texel holding the cell that covers its centre: the
 * mesh's bounds in square texels, as fine as `maxSize` texels along the longer side allows but
 * no finer than an eighth of the cells' mean edge (so a raster of large cells stays small). A
 * cell layer draws the raster as one textured rectangle while a texel is no larger than a screen
 * pixel — one rectangle instead of four triangles per cell, which software WebGL draws many times
 * faster — and the cells' triangles when zoomed in further.
 *
 * @param mesh - the cells (see `cellMesh`)
 * @param maxSize - the most texels along a side (the GPU's limit, or less to save memory)
 * @returns the frame, or undefined for a mesh without cells
 * @example
 * ```ts
 * const frame = cellRasterFrame(mesh, 4096);
 * const pixelsPerTexel = frame.texel * 512 * 2 ** map.getZoom();
 * ```
 */
export function cellRasterFrame(mesh: CellMesh, maxSize: number): CellRasterFrame | undefined {
  const { positions, ringStarts } = mesh;
  if (positions.length === 0) return undefined;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < positions.length; i += 2) {
    minX = Math.min(minX, positions[i]);
    maxX = Math.max(maxX, positions[i]);
    minY = Math.min(minY, positions[i + 1]);
    maxY = Math.max(maxY, positions[i + 1]);
  }
  // The mean edge over (at most) the first thousand rings: cells of one resolution differ little.
  let edges = 0;
  let length = 0;
  for (let r = 0; r + 1 < ringStarts.length && r < 1000; r++) {
    const start = ringStarts[r];
    const end = ringStarts[r + 1];
    for (let v = start; v < end; v++) {
      const w = v + 1 < end ? v + 1 : start;
      length += Math.hypot(
        positions[2 * w] - positions[2 * v],
        positions[2 * w + 1] - positions[2 * v + 1],
      );
      edges++;
    }
  }
  const edge = edges > 0 ? length / edges : 0;
  const longer = Math.max(maxX - minX, maxY - minY);
  const texel = Math.max(longer / maxSize, edge / 8, Number.MIN_VALUE);
  const columns = Math.max(1, Math.min(maxSize, Math.ceil((maxX - minX) / texel)));
  const rows = Math.max(1, Math.min(maxSize, Math.ceil((maxY - minY) / texel)));
  return { min: [minX, minY], extent: [columns * texel, rows * texel], columns, rows, texel };
}
