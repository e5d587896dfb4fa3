import { featureCollection, intersect, point, voronoi } from '@turf/turf';
import { TRACT_COUNT } from './design.js';
import { CBD, type CityPlan, RIVER_HALF_WIDTH_KM, riverY } from './plan.js';
import {
  ellipseRing,
  pointInPoly,
  pointInShape,
  type Ring,
  type Shape,
  shapeArea,
  shapeBbox,
  shapeCentroid,
  type XY,
} from './plane.js';
import type { Random } from './random.js';
import { fromTurf, toTurf } from './turf.js';

/** Where the park is meant to be, north of the river; it goes in the host tract nearest here. */
const PARK_TARGET: XY = [-2.7, 2.3];
/** Where, km east, the tract that spans the river crosses it. */
const RIVER_SPAN_X_KM = 1.8;

/** A Voronoi cell clipped to one side of the river. */
interface Piece {
  readonly seed: XY;
  readonly shape: Shape;
  readonly side: 0 | 1;
}

/** The shape of one tract, before it has attributes. */
export interface TractPlan {
  readonly shape: Shape;
  readonly kind: 'regular' | 'park' | 'river-span' | 'park-host';
  readonly centroid: XY;
  readonly areaKm2: number;
}

function placeSeeds(city: CityPlan, count: number, random: Random): XY[] {
  const box = shapeBbox(city.shape);
  for (let scale = 1; ; scale *= 0.97) {
    const seeds: XY[] = [];
    const spacing = (p: XY) =>
      scale * (0.62 + 0.5 * Math.min(1, Math.hypot(p[0] - CBD[0], p[1] - CBD[1]) / 7));
    for (let attempt = 0; attempt < 200 * count && seeds.length < count; attempt++) {
      const p: XY = [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])];
      const sp = spacing(p);
      // Seeds keep off the banks so that no tract is a sliver along the water.
      if (
        Math.abs(p[1] - riverY(p[0])) >= 0.2 &&
        seeds.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) >= (sp + spacing(q)) / 2) &&
        pointInShape(p, city.shape)
      )
        seeds.push(p);
    }
    if (seeds.length === count) return seeds;
  }
}

function tessellate(seeds: readonly XY[], city: CityPlan): Piece[] {
  const pieces: Piece[] = [];
  for (const side of [0, 1] as const) {
    const sidePoly = city.sides[side];
    const sideSeeds = seeds.filter((p) => pointInPoly(p, sidePoly));
    const cells = voronoi(featureCollection(sideSeeds.map((p) => point([p[0], p[1]]))), {
      bbox: [-12, -10, 12, 10],
    });
    const sideFeature = toTurf([sidePoly]);
    cells.features.forEach((cell, k) => {
      const clipped = intersect(featureCollection([cell, sideFeature]));
      if (clipped !== null)
        pieces.push({ seed: sideSeeds[k], shape: fromTurf(clipped.geometry), side });
    });
  }
  return pieces;
}

function relaxSeeds(pieces: readonly Piece[]): XY[] {
  // Lloyd's relaxation (Lloyd 1982): moving each seed to its cell's centroid evens out the cells.
  return pieces.map((piece) => {
    const largest = [...piece.shape].sort((a, b) => shapeArea([b]) - shapeArea([a]))[0];
    const centroid = shapeCentroid([largest]);
    // A crescent's centroid can fall outside it (into the river); such a seed stays put.
    return pointInPoly(centroid, largest) ? centroid : piece.seed;
  });
}

function findPiece(pieces: readonly Piece[], p: XY, exclude: ReadonlySet<Piece>): Piece {
  const found = pieces.find((piece) => !exclude.has(piece) && pointInShape(p, piece.shape));
  if (found === undefined) throw new Error(`makeDemoCity: no tract at ${p[0]}, ${p[1]}`);
  return found;
}

/** The park, and the tract it is cut out of: the piece nearest the target that holds it. */
function placePark(
  pieces: readonly Piece[],
  special: ReadonlySet<Piece>,
): { park: Ring; host: Piece } {
  const hosts = pieces
    .filter((piece) => !special.has(piece) && piece.shape.length === 1 && piece.side === 0)
    .map((piece) => ({ piece, centroid: shapeCentroid(piece.shape) }))
    .sort(
      (a, b) =>
        Math.hypot(a.centroid[0] - PARK_TARGET[0], a.centroid[1] - PARK_TARGET[1]) -
        Math.hypot(b.centroid[0] - PARK_TARGET[0], b.centroid[1] - PARK_TARGET[1]),
    );
  for (const candidate of hosts) {
    for (let scale = 1; scale > 0.3; scale *= 0.85) {
      const [cx, cy] = candidate.centroid;
      const margin = ellipseRing(cx, cy, 0.42 * scale, 0.3 * scale, 24);
      if (margin.every((p) => pointInShape(p, candidate.piece.shape)))
        return { park: ellipseRing(cx, cy, 0.32 * scale, 0.22 * scale, 24), host: candidate.piece };
    }
  }
  throw new Error('makeDemoCity: no tract is large enough to hold the park');
}

function tractPlan(shape: Shape, kind: TractPlan['kind']): TractPlan {
  return { shape, kind, centroid: shapeCentroid(shape), areaKm2: shapeArea(shape) };
}

/**
 * The tract shapes: Voronoi cells of well-spread seeds (smaller near the centre, as real tracts
 * are where people are dense), computed per side of the river so no tract straddles it by
 * accident; then one tract joined across the river and a park cut out of another.
 */
export function buildTracts(city: CityPlan, random: Random): TractPlan[] {
  let seeds = placeSeeds(city, TRACT_COUNT, random);
  let pieces = tessellate(seeds, city);
  for (let iteration = 0; iteration < 2; iteration++) {
    seeds = relaxSeeds(pieces);
    pieces = tessellate(seeds, city);
  }

  // One tract has a part on each side of the river: a MultiPolygon for readers and renderers.
  const y = riverY(RIVER_SPAN_X_KM);
  const offset = RIVER_HALF_WIDTH_KM + 0.15;
  const north = findPiece(pieces, [RIVER_SPAN_X_KM, y + offset], new Set());
  const south = findPiece(pieces, [RIVER_SPAN_X_KM, y - offset], new Set([north]));

  // One tract has a park cut out of it; the park is a tract of its own with nobody living in it.
  const { park, host } = placePark(pieces, new Set([north, south]));

  const tracts: TractPlan[] = [];
  for (const piece of pieces) {
    if (piece === south) continue;
    if (piece === north) tracts.push(tractPlan([...north.shape, ...south.shape], 'river-span'));
    else if (piece === host)
      tracts.push(tractPlan([[...piece.shape[0], [...park].reverse()]], 'park-host'));
    else tracts.push(tractPlan(piece.shape, 'regular'));
  }
  tracts.push(tractPlan([[park]], 'park'));
  // Number tracts in reading order: bands of 1.2 km from north to south, west to east within one.
  const band = (t: TractPlan) => Math.floor((7 - t.centroid[1]) / 1.2);
  return tracts.sort((a, b) => band(a) - band(b) || a.centroid[0] - b.centroid[0]);
}
