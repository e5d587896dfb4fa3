import type { CellGrid } from '../types.js';
import { cellToLngLat, cellToRing, getIcosahedronFaces, lngLatToCell } from './h3.js';

/** Pixel codes besides cell indexes: no grid cell reaches the pixel, or ask h3. */
const OUTSIDE = -1;
const UNKNOWN = -2;

/** Pixels per cell circumradius when the budget allows; below 3 few pixels fit inside a cell. */
const PIXELS_PER_RADIUS = 16;
const MIN_PIXELS_PER_RADIUS = 3;

/**
 * A point nearer than this to a great circle through a cell's edge (as the sine of the angle,
 * about 6 mm on the Earth) is left to h3: far beyond the rounding of either computation.
 */
const EDGE_MARGIN = 1e-9;
const RADIANS = Math.PI / 180;
/**
 * Above this resolution a cell's vertices are so close (under 10⁻⁶ rad) that the rounding of
 * their unit vectors (10⁻¹⁶) tilts an edge's normal by more than a tenth of the margin.
 */
const MAX_EDGE_TEST_RESOLUTION = 12;

/**
 * Below this resolution an H3 edge (a great-circle arc) strays from the straight line between its
 * vertices in degrees by more than the 1% safety margin, so the raster is not used.
 */
const MIN_RASTER_RESOLUTION = 5;

/**
 * Finds the cell of a grid that contains a point, most of the time without calling h3: a raster
 * over the grid's bounding box stores, for each pixel lying wholly inside one cell (its outline
 * shrunk by 1%), that cell, and for each pixel no cell reaches (outlines grown by 1%), "outside";
 * only the pixels along cell edges need more. With pixels of 1/16 of a cell's radius, about 80%
 * of the points inside the study area are answered by one array read (the idea of a lookup grid
 * over a spatial index, as in kdbush / flatbush, applied to H3 cells). A point in an edge pixel
 * is tested against the cells of the pixels around it: an H3 hexagon that lies on one face of
 * the icosahedron is a hexagon in that face's gnomonic projection, so on the sphere its edges are
 * great-circle arcs between its vertices, and a point on the inner side of all six, by more than
 * 10⁻⁹ (6 mm), is in it (three dot products of unit vectors per edge; up to resolution 12).
 * Only points that no such test places — within millimetres of an edge, near pentagons and face
 * edges, or at resolutions 13–15 — ask `lngLatToCell`. Answers are identical to `grid.indexOf.get(lngLatToCell(lng, lat,
 * grid.resolution))` (tests: 10⁵ points around edges and vertices; every Chicago 2018 incident).
 *
 * The raster is skipped (every point in the bounding box asks h3) when it would need more than
 * `maxPixels` pixels at 1/3 of a cell radius, below resolution 5, and when the grid crosses the
 * antimeridian or comes within 5° of a pole.
 *
 * @example
 * ```ts
 * const locator = new CellLocator(grid, 2 * incidents.length);
 * locator.locate(-87.6298, 41.8781); // index of '882664c1a9fffff' in grid.cells, or −1
 * ```
 */
export class CellLocator {
  private readonly indexOf: ReadonlyMap<string, number>;
  private readonly cells: readonly string[];
  private readonly resolution: number;
  private readonly west: number;
  private readonly south: number;
  private readonly east: number;
  private readonly north: number;
  /** Pixels per degree of longitude and latitude, and pixels per raster row. */
  private readonly xScale: number;
  private readonly yScale: number;
  private readonly nx: number;
  /** Row-major from the south-west corner: a cell index, OUTSIDE or UNKNOWN. */
  private readonly pixels: Int32Array;
  /**
   * Per cell, the unit normals of the great circles through its six edges, pointing inwards
   * (18 numbers), computed when a point first needs them; NaN for cells left to h3 (pentagons,
   * cells on two faces).
   */
  private readonly normals: Float64Array;
  /** Per cell: 0 normals not computed yet, 1 computed (or NaN). */
  private readonly normalsDone: Uint8Array;

  /**
   * @param grid - the cells to find points in
   * @param maxPixels - the most pixels the raster may take (4 bytes each)
   */
  constructor(grid: CellGrid, maxPixels: number) {
    this.indexOf = grid.indexOf;
    this.resolution = grid.resolution;
    const { bounds, radius } = gridBounds(grid);
    [this.west, this.south, this.east, this.north] = bounds;
    this.xScale = 0;
    this.yScale = 0;
    this.nx = 1;
    this.pixels = Int32Array.of(UNKNOWN);
    this.normals = new Float64Array(0);
    this.normalsDone = new Uint8Array(0);
    this.cells = grid.cells;
    if (grid.cells.length === 0 || radius === 0 || grid.resolution < MIN_RASTER_RESOLUTION) return;

    // Square pixels (in metres) at the most poleward latitude, the narrowest there.
    const cosLat = Math.cos((Math.max(Math.abs(this.south), Math.abs(this.north)) * Math.PI) / 180);
    const width = (this.east - this.west) * cosLat;
    const height = this.north - this.south;
    let size = radius / PIXELS_PER_RADIUS;
    const wanted = (width / size + 1) * (height / size + 1);
    if (wanted > maxPixels) size *= Math.sqrt(wanted / maxPixels);
    if (size > radius / MIN_PIXELS_PER_RADIUS) return;
    this.yScale = 1 / size;
    this.xScale = cosLat / size;
    this.nx = Math.floor((this.east - this.west) * this.xScale) + 1;
    const ny = Math.floor((this.north - this.south) * this.yScale) + 1;
    this.pixels = new Int32Array(this.nx * ny).fill(OUTSIDE);
    if (grid.resolution <= MAX_EDGE_TEST_RESOLUTION) {
      this.normals = new Float64Array(18 * grid.cells.length).fill(Number.NaN);
      this.normalsDone = new Uint8Array(grid.cells.length);
    }
    for (let c = 0; c < grid.cells.length; c++) this.paint(grid.cells[c], c, ny);
  }

  /**
   * The index in `grid.cells` of the cell containing a point, or −1 when no grid cell does
   * (or the coordinates are NaN or out of range).
   */
  locate(lng: number, lat: number): number {
    if (!(lng >= this.west && lng <= this.east && lat >= this.south && lat <= this.north))
      return OUTSIDE;
    const at =
      Math.floor((lat - this.south) * this.yScale) * this.nx +
      Math.floor((lng - this.west) * this.xScale);
    const pixel = this.pixels[at];
    if (pixel !== UNKNOWN) return pixel;
    const near = this.normals.length === 0 ? UNKNOWN : this.locateNearEdge(lng, lat, at);
    if (near !== UNKNOWN) return near;
    return this.indexOf.get(lngLatToCell(lng, lat, this.resolution)) ?? OUTSIDE;
  }

  /**
   * The cell of the pixels around pixel `at` (itself and its eight neighbours) that contains the
   * point by more than the margin on every edge, or UNKNOWN.
   */
  private locateNearEdge(lng: number, lat: number, at: number): number {
    const cosLat = Math.cos(lat * RADIANS);
    const px = cosLat * Math.cos(lng * RADIANS);
    const py = cosLat * Math.sin(lng * RADIANS);
    const pz = Math.sin(lat * RADIANS);
    const { pixels, normals, nx } = this;
    let tried = OUTSIDE;
    for (let dy = -nx; dy <= nx; dy += nx) {
      for (let dx = -1; dx <= 1; dx++) {
        const c = pixels[at + dy + dx];
        // Neighbours past the raster's ends read undefined; most neighbours repeat one cell.
        if (c === undefined || c < 0 || c === tried) continue;
        tried = c;
        if (this.normalsDone[c] === 0) this.setNormals(c);
        let inside = true;
        for (let e = 18 * c; e < 18 * c + 18 && inside; e += 3)
          inside = normals[e] * px + normals[e + 1] * py + normals[e + 2] * pz > EDGE_MARGIN;
        if (inside) return c;
      }
    }
    return UNKNOWN;
  }

  /** Marks the pixels a cell may reach as UNKNOWN, then those wholly inside it as the cell. */
  private paint(cell: string, c: number, ny: number): void {
    const [cx, cy] = cellToLngLat(cell);
    const ring = cellToRing(cell).slice(0, -1);
    const scaled = (factor: number) =>
      ring.map(([x, y]) => [cx + factor * (x - cx), cy + factor * (y - cy)]);
    const grown = scaled(1.01);
    const [firstRow, lastRow] = this.rowRange(grown, ny);
    const span = new Float64Array(2);
    for (let row = firstRow; row <= lastRow; row++) {
      const y0 = this.rowY(row);
      const y1 = this.rowY(row + 1);
      // The x-extent of the polygon within the band: crossings of its edges and vertices inside.
      let xMin = Number.POSITIVE_INFINITY;
      let xMax = Number.NEGATIVE_INFINITY;
      if (crossings(grown, y0, span)) [xMin, xMax] = [span[0], span[1]];
      if (crossings(grown, y1, span)) {
        xMin = Math.min(xMin, span[0]);
        xMax = Math.max(xMax, span[1]);
      }
      for (const vertex of grown) {
        if (vertex[1] < y0 || vertex[1] > y1) continue;
        xMin = Math.min(xMin, vertex[0]);
        xMax = Math.max(xMax, vertex[0]);
      }
      const end = row * this.nx + this.column(xMax);
      for (let i = row * this.nx + this.column(xMin); i <= end; i++)
        if (this.pixels[i] === OUTSIDE) this.pixels[i] = UNKNOWN;
    }
    // A hexagon is convex: a band lies inside it where both its edges do. Pentagons and cells
    // with extra vertices on icosahedron edges are left to h3.
    if (ring.length !== 6) return;
    const shrunk = scaled(0.99);
    for (let row = firstRow; row <= lastRow; row++) {
      if (!crossings(shrunk, this.rowY(row), span)) continue;
      let left = span[0];
      let right = span[1];
      if (!crossings(shrunk, this.rowY(row + 1), span)) continue;
      left = Math.max(left, span[0]);
      right = Math.min(right, span[1]);
      // Pixel p spans [west + p / xScale, west + (p + 1) / xScale].
      const from = Math.max(0, Math.ceil((left - this.west) * this.xScale));
      const to = Math.min(this.nx - 1, Math.floor((right - this.west) * this.xScale) - 1);
      this.pixels.fill(c, row * this.nx + from, row * this.nx + to + 1);
    }
  }

  /**
   * The inward unit normals of the great circles through the edges of cell c's hexagon, if it
   * is a hexagon on one face of the icosahedron; else they stay NaN.
   */
  private setNormals(c: number): void {
    this.normalsDone[c] = 1;
    const cell = this.cells[c];
    const ring = cellToRing(cell);
    if (ring.length !== 7 || getIcosahedronFaces(cell).length !== 1) return;
    const [cx, cy] = cellToLngLat(cell);
    const unit = ([x, y]: number[]) => [
      Math.cos(y * RADIANS) * Math.cos(x * RADIANS),
      Math.cos(y * RADIANS) * Math.sin(x * RADIANS),
      Math.sin(y * RADIANS),
    ];
    const centre = unit([cx, cy]);
    for (let k = 0; k < 6; k++) {
      const [ax, ay, az] = unit(ring[k]);
      const [bx, by, bz] = unit(ring[(k + 1) % 6]);
      // a × b is normal to the plane of the great circle through a and b.
      let nx = ay * bz - az * by;
      let ny = az * bx - ax * bz;
      let nz = ax * by - ay * bx;
      const norm = Math.hypot(nx, ny, nz);
      const sign = nx * centre[0] + ny * centre[1] + nz * centre[2] < 0 ? -1 : 1;
      nx *= sign / norm;
      ny *= sign / norm;
      nz *= sign / norm;
      this.normals.set([nx, ny, nz], 18 * c + 3 * k);
    }
  }

  private rowY(row: number): number {
    return this.south + row / this.yScale;
  }

  private column(x: number): number {
    return Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.west) * this.xScale)));
  }

  private rowRange(polygon: number[][], ny: number): [number, number] {
    let yMin = Number.POSITIVE_INFINITY;
    let yMax = Number.NEGATIVE_INFINITY;
    for (const [, y] of polygon) [yMin, yMax] = [Math.min(yMin, y), Math.max(yMax, y)];
    const row = (y: number) =>
      Math.min(ny - 1, Math.max(0, Math.floor((y - this.south) * this.yScale)));
    return [row(yMin), row(yMax)];
  }
}

/**
 * Where a horizontal line crosses a polygon's edges: writes the outermost crossings to `span` and
 * returns whether there are any.
 */
function crossings(polygon: number[][], y: number, span: Float64Array): boolean {
  let xMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i];
    const b = polygon[(i + 1) % polygon.length];
    const ax = a[0];
    const ay = a[1];
    const bx = b[0];
    const by = b[1];
    if (ay === by || y < Math.min(ay, by) || y > Math.max(ay, by)) continue;
    const x = ax + ((y - ay) * (bx - ax)) / (by - ay);
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
  }
  span[0] = xMin;
  span[1] = xMax;
  return xMin <= xMax;
}

/**
 * `[west, south, east, north]` enclosing every cell of the grid, and the largest cell radius in
 * degrees of latitude among the extreme cells; the whole globe (radius 0) when the grid crosses
 * the antimeridian or nears a pole, where a box in degrees is no use; an empty box for no cell.
 */
function gridBounds(grid: CellGrid): {
  bounds: [number, number, number, number];
  radius: number;
} {
  const world = { bounds: [-180, -90, 180, 90] as [number, number, number, number], radius: 0 };
  if (grid.cells.length === 0) return { bounds: [0, 0, -1, -1], radius: 0 };
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const extremes = new Array<string>(4);
  for (const cell of grid.cells) {
    const [x, y] = cellToLngLat(cell);
    if (x < west) [west, extremes[0]] = [x, cell];
    if (y < south) [south, extremes[1]] = [y, cell];
    if (x > east) [east, extremes[2]] = [x, cell];
    if (y > north) [north, extremes[3]] = [y, cell];
  }
  if (east - west > 180) return world;
  // Margin: twice the largest centre-to-vertex distance of the extreme cells; cells of one
  // resolution differ in size by far less than that between neighbours.
  let radius = 0;
  for (const cell of extremes) {
    const [cx, cy] = cellToLngLat(cell);
    const cos = Math.cos((cy * Math.PI) / 180);
    for (const [vx, vy] of cellToRing(cell))
      radius = Math.max(radius, Math.hypot(vy - cy, (vx - cx) * cos));
  }
  const marginLat = 2 * radius;
  const maxAbsLat = Math.max(Math.abs(south), Math.abs(north)) + marginLat;
  if (maxAbsLat > 85) return world;
  const marginLng = marginLat / Math.cos((maxAbsLat * Math.PI) / 180);
  return {
    bounds: [west - marginLng, south - marginLat, east + marginLng, north + marginLat],
    radius,
  };
}
