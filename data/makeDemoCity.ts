/**
 * Generates the hexreach demo city: a SYNTHETIC city made up entirely by this seeded script, so
 * that `npm run demo` has tracts, incidents, partner organizations and survey answers to work on
 * without shipping anyone's real data. Nothing here describes a real place or real people.
 *
 * The geography (outline, lake, river, districts, hotspots, corridors) is fixed in the constants
 * below so that the planted structure means the same thing for every seed; the seed draws
 * everything else (tract shapes, attributes, incidents, organizations, answers). The same seed
 * writes byte-identical files.
 *
 * Run: `npx tsx data/makeDemoCity.ts [--seed N] [--out DIR]` (default: seed 2025 into data/demo/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  difference,
  featureCollection,
  intersect,
  multiPolygon,
  point,
  polygon,
  voronoi,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { assertArgument } from '../packages/core/src/errors.js';
import { mulberry32 } from '../packages/core/src/util/random.js';

// ---------------------------------------------------------------------------------------------
// Planning happens in a local plane: x km east and y km north of the city centre.

type XY = readonly [number, number];
/** Closed ring: the first point is repeated at the end. */
type Ring = XY[];
/** Exterior ring first, then holes. */
type Poly = Ring[];
/** One or more polygons. */
type Shape = Poly[];
type Random = () => number;

const DEFAULT_SEED = 2025;
/** Empty ranch land in the Nebraska Sandhills, far from any town, so no real place is implied. */
const CENTRE_LNG = -101.35;
const CENTRE_LAT = 42.35;
// Equirectangular scale at 42.35° N; over 15 km the distortion is far below a metre.
const KM_PER_DEG_LNG = 82.27032;
const KM_PER_DEG_LAT = 111.05;

const TRACT_COUNT = 150;
const INCIDENTS_IN_CITY = 50_000;
const OUTSIDE_INCIDENTS = 250;
const SURVEY_RESPONSES = 1_200;
const START_MS = Date.UTC(2023, 0, 1);
const DAYS = 731;
const DAY_MS = 86_400_000;
const SURVEY_START_MS = Date.UTC(2024, 3, 1);
const SURVEY_DAYS = 214;

/** Where income, jobs and schooling are worst; the need index peaks at 1 in their centres. */
const DISTRICTS = [
  { name: 'Quarry Row', x: -2.2, y: -3.4, sigmaKm: 1.5, strength: 1, hotspot: true },
  { name: 'East Riverside', x: 3.3, y: -0.4, sigmaKm: 1.1, strength: 1, hotspot: true },
  { name: 'Northwest Heights', x: -4.8, y: 3.3, sigmaKm: 1.3, strength: 0.95, hotspot: false },
] as const;

/** Well-off areas around the two hotspots that are meant to show no need. */
const AFFLUENT = [
  { name: 'Downtown', x: 0.9, y: -0.7, sigmaKm: 0.9 },
  { name: 'Northgate', x: 4.0, y: 3.9, sigmaKm: 1.0 },
] as const;

type Activity = 'steady' | 'emerging' | 'fading';

/** A Gaussian blob of incidents; `share` is its fraction of all in-city incidents. */
interface Hotspot {
  readonly name: string;
  /** Whether it lies in a disadvantaged district. */
  readonly withNeed: boolean;
  readonly x: number;
  readonly y: number;
  readonly sigmaXKm: number;
  readonly sigmaYKm: number;
  readonly rotationDeg: number;
  readonly share: number;
  readonly activity: Activity;
  /** Relative weight of each category. */
  readonly mix: Readonly<Record<string, number>>;
}

/** Incidents spread across a street segment. */
interface Corridor {
  readonly name: string;
  readonly from: XY;
  readonly to: XY;
  readonly spreadKm: number;
  readonly share: number;
  readonly mix: Readonly<Record<string, number>>;
}

const HOTSPOTS: readonly Hotspot[] = [
  {
    name: 'Downtown',
    withNeed: false,
    x: 0.9,
    y: -0.7,
    sigmaXKm: 0.55,
    sigmaYKm: 0.4,
    rotationDeg: 20,
    share: 0.1,
    activity: 'steady',
    mix: {
      THEFT: 45,
      'DECEPTIVE PRACTICE': 14,
      BATTERY: 12,
      ROBBERY: 8,
      'CRIMINAL DAMAGE': 7,
      ASSAULT: 6,
      'CRIMINAL TRESPASS': 5,
      'MOTOR VEHICLE THEFT': 3,
    },
  },
  {
    name: 'Quarry Row',
    withNeed: true,
    x: -2.0,
    y: -3.6,
    sigmaXKm: 0.75,
    sigmaYKm: 0.6,
    rotationDeg: -15,
    share: 0.09,
    activity: 'steady',
    mix: {
      BATTERY: 28,
      NARCOTICS: 20,
      ASSAULT: 13,
      'CRIMINAL DAMAGE': 12,
      ROBBERY: 9,
      THEFT: 7,
      'WEAPONS VIOLATION': 6,
      BURGLARY: 5,
    },
  },
  {
    name: 'East Riverside',
    withNeed: true,
    x: 3.4,
    y: -0.3,
    sigmaXKm: 0.45,
    sigmaYKm: 0.35,
    rotationDeg: 0,
    share: 0.06,
    activity: 'steady',
    mix: {
      BATTERY: 24,
      ASSAULT: 15,
      ROBBERY: 14,
      NARCOTICS: 12,
      'CRIMINAL DAMAGE': 12,
      THEFT: 10,
      'MOTOR VEHICLE THEFT': 8,
      'WEAPONS VIOLATION': 5,
    },
  },
  {
    name: 'Northgate Mall',
    withNeed: false,
    x: 4.0,
    y: 3.9,
    sigmaXKm: 0.35,
    sigmaYKm: 0.3,
    rotationDeg: 35,
    share: 0.05,
    activity: 'steady',
    mix: {
      THEFT: 55,
      'DECEPTIVE PRACTICE': 15,
      'MOTOR VEHICLE THEFT': 12,
      'CRIMINAL DAMAGE': 8,
      ROBBERY: 5,
      BATTERY: 5,
    },
  },
  {
    name: 'West Yards',
    withNeed: false,
    x: -4.6,
    y: -1.6,
    sigmaXKm: 0.4,
    sigmaYKm: 0.4,
    rotationDeg: 0,
    share: 0.04,
    activity: 'emerging',
    mix: {
      'MOTOR VEHICLE THEFT': 30,
      BURGLARY: 25,
      ROBBERY: 20,
      'CRIMINAL DAMAGE': 15,
      THEFT: 10,
    },
  },
  {
    name: 'Old Market',
    withNeed: false,
    x: -0.7,
    y: 3.1,
    sigmaXKm: 0.4,
    sigmaYKm: 0.35,
    rotationDeg: -30,
    share: 0.04,
    activity: 'fading',
    mix: {
      NARCOTICS: 35,
      BATTERY: 20,
      'CRIMINAL TRESPASS': 15,
      'CRIMINAL DAMAGE': 15,
      ASSAULT: 15,
    },
  },
];

const CORRIDORS: readonly Corridor[] = [
  {
    name: 'Western Avenue',
    from: [-1.0, -5.2],
    to: [-0.5, 5.2],
    spreadKm: 0.1,
    share: 0.08,
    mix: {
      THEFT: 30,
      ROBBERY: 15,
      BATTERY: 15,
      'CRIMINAL DAMAGE': 12,
      ASSAULT: 10,
      'MOTOR VEHICLE THEFT': 10,
      'DECEPTIVE PRACTICE': 8,
    },
  },
  {
    name: 'Lake Road',
    from: [-6.3, -2.6],
    to: [4.6, -3.0],
    spreadKm: 0.1,
    share: 0.07,
    mix: {
      THEFT: 25,
      BATTERY: 20,
      'CRIMINAL DAMAGE': 15,
      ROBBERY: 12,
      ASSAULT: 10,
      'MOTOR VEHICLE THEFT': 10,
      NARCOTICS: 8,
    },
  },
  {
    name: 'Harbor Drive',
    from: [1.0, 1.2],
    to: [4.8, 4.6],
    spreadKm: 0.09,
    share: 0.05,
    mix: {
      THEFT: 35,
      'MOTOR VEHICLE THEFT': 20,
      'CRIMINAL DAMAGE': 15,
      BURGLARY: 12,
      'DECEPTIVE PRACTICE': 10,
      BATTERY: 8,
    },
  },
];

/** Everything else, spread in proportion to where people live (Chicago-like category shares). */
const BACKGROUND_MIX = {
  THEFT: 24,
  BATTERY: 18,
  'CRIMINAL DAMAGE': 12,
  ASSAULT: 8,
  'DECEPTIVE PRACTICE': 7,
  'OTHER OFFENSE': 7,
  BURGLARY: 6,
  'MOTOR VEHICLE THEFT': 6,
  NARCOTICS: 4,
  ROBBERY: 4,
  'CRIMINAL TRESPASS': 3,
  'WEAPONS VIOLATION': 1,
};

/** Fictitious neighbourhood names, used to name organizations and describe the structure. */
const NEIGHBOURHOODS: readonly { name: string; x: number; y: number }[] = [
  { name: 'Downtown', x: 0.8, y: -0.6 },
  { name: 'Quarry Row', x: -2.2, y: -3.4 },
  { name: 'East Riverside', x: 3.3, y: -0.3 },
  { name: 'Northwest Heights', x: -4.8, y: 3.3 },
  { name: 'Northgate', x: 4.0, y: 3.9 },
  { name: 'West Yards', x: -4.6, y: -1.6 },
  { name: 'Old Market', x: -0.7, y: 3.1 },
  { name: 'Millbrook', x: -6.2, y: 0.9 },
  { name: 'Cedar Flats', x: 2.0, y: -4.2 },
  { name: 'Lindenwood', x: -4.6, y: -4.3 },
  { name: 'Harbor Point', x: 5.3, y: -2.6 },
  { name: 'Orchard Hill', x: 1.8, y: 4.9 },
  { name: 'Bell Meadow', x: -2.8, y: 5.0 },
  { name: 'Ashford', x: 4.4, y: 1.6 },
  { name: 'Stonegate', x: -2.6, y: 1.6 },
];

const CBD: XY = [0.8, -0.6];
const RIVER_HALF_WIDTH_KM = 0.06;
const PARK_TARGET: XY = [-2.7, 2.3];
const RIVER_SPAN_X_KM = 1.8;

// ---------------------------------------------------------------------------------------------
// Seeded randomness.

function makeRandom(seed: number, stream: number): Random {
  // mulberry32 walks a Weyl sequence, so streams are the same cycle at scattered offsets.
  return mulberry32((seed + Math.imul(stream, 0x9e3779b9)) >>> 0);
}

function normal(random: Random): number {
  // Box & Muller (1958); 1 − u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function cumulate(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}

function pickIndex(cumulative: Float64Array, random: Random): number {
  const target = random() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Mix {
  readonly names: readonly string[];
  readonly cumulative: Float64Array;
}

function toMix(shares: Readonly<Record<string, number>>): Mix {
  const names = Object.keys(shares);
  return { names, cumulative: cumulate(names.map((name) => shares[name])) };
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round1 = (v: number): number => Math.round(v * 10) / 10;
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const gaussian = (dx: number, dy: number, sigma: number): number =>
  Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));

// ---------------------------------------------------------------------------------------------
// Plane geometry.

function ringSignedArea(ring: readonly XY[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

function shapeArea(shape: Shape): number {
  let area = 0;
  for (const poly of shape)
    poly.forEach((ring, k) => {
      area += (k === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring));
    });
  return area;
}

function shapeCentroid(shape: Shape): XY {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of shape)
    poly.forEach((ring, k) => {
      let a = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        a += cross;
        sx += (ring[i][0] + ring[i + 1][0]) * cross;
        sy += (ring[i][1] + ring[i + 1][1]) * cross;
      }
      if (a === 0) return;
      // Ring centroid (sx / 3a, sy / 3a) weighted by |a| / 2; holes subtract.
      const weight = ((k === 0 ? 1 : -1) * Math.abs(a)) / 2;
      area += weight;
      cx += (weight * sx) / (3 * a);
      cy += (weight * sy) / (3 * a);
    });
  return [cx / area, cy / area];
}

function pointInPoly(p: XY, poly: Poly): boolean {
  let inside = false;
  for (const ring of poly)
    for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

function pointInShape(p: XY, shape: Shape): boolean {
  return shape.some((poly) => pointInPoly(p, poly));
}

function shapeBbox(shape: Shape): [number, number, number, number] {
  const box: [number, number, number, number] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const poly of shape)
    for (const [x, y] of poly[0]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  return box;
}

function randomPointInBox(box: readonly number[], accept: (p: XY) => boolean, random: Random): XY {
  for (;;) {
    const p: XY = [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])];
    if (accept(p)) return p;
  }
}

function distanceToEdges(p: XY, shape: Shape): number {
  let best = Number.POSITIVE_INFINITY;
  for (const poly of shape)
    for (const ring of poly)
      for (let i = 0; i < ring.length - 1; i++)
        best = Math.min(best, distanceToSegment(p, ring[i], ring[i + 1]));
  return best;
}

function ellipseRing(cx: number, cy: number, rx: number, ry: number, n: number): Ring {
  const ring: Ring = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    ring.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  ring.push(ring[0]);
  return ring;
}

function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0, 1);
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function toTurf(shape: Shape): Feature<Polygon | MultiPolygon> {
  const coords = shape.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x, y])));
  return coords.length === 1 ? polygon(coords[0]) : multiPolygon(coords);
}

function fromTurf(geometry: Polygon | MultiPolygon): Shape {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polys.map((poly) =>
    poly.map((ring) => {
      const out: Ring = ring.map((p) => [p[0], p[1]] as XY);
      const first = out[0];
      const last = out[out.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) out.push(first);
      return out;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The city: an irregular outline, a lake biting into its east side, a river from the west edge
// into the lake that splits it into a north and a south side.

interface CityPlan {
  readonly outline: Ring;
  readonly lake: Ring;
  /** North side first, then south side. */
  readonly sides: readonly [Poly, Poly];
  readonly shape: Shape;
}

function riverY(x: number): number {
  return 0.5 + 0.6 * Math.sin(0.5 * x + 0.8) + 0.18 * Math.sin(1.4 * x + 2.0);
}

function buildCity(): CityPlan {
  const outline: Ring = [];
  const n = 180;
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    const c = Math.abs(Math.cos(t));
    const s = Math.abs(Math.sin(t));
    // Superellipse (Lamé curve) 7.5 × 6 km, wobbled by a few fixed harmonics.
    const r =
      ((c / 7.5) ** 2.6 + (s / 6) ** 2.6) ** (-1 / 2.6) *
      (1 +
        0.035 * Math.sin(2 * t + 0.4) +
        0.03 * Math.sin(3 * t + 1.9) +
        0.02 * Math.sin(5 * t + 0.7) +
        0.012 * Math.sin(7 * t + 2.6));
    outline.push([r * Math.cos(t), r * Math.sin(t)]);
  }
  outline.push(outline[0]);

  const lake: Ring = [];
  for (let k = 0; k < 96; k++) {
    const t = (2 * Math.PI * k) / 96;
    const wobble = 1 + 0.05 * Math.sin(3 * t + 0.5) + 0.03 * Math.sin(5 * t + 1.3);
    lake.push([8.3 + 3.0 * wobble * Math.cos(t), 1.2 + 2.7 * wobble * Math.sin(t)]);
  }
  lake.push(lake[0]);

  const riverLine: XY[] = [];
  for (let k = 0; k <= 165; k++) riverLine.push([-9.5 + k / 10, riverY(-9.5 + k / 10)]);
  const left: XY[] = [];
  const right: XY[] = [];
  riverLine.forEach((p, i) => {
    const a = riverLine[Math.max(0, i - 1)];
    const b = riverLine[Math.min(riverLine.length - 1, i + 1)];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    left.push([p[0] + nx * RIVER_HALF_WIDTH_KM, p[1] + ny * RIVER_HALF_WIDTH_KM]);
    right.push([p[0] - nx * RIVER_HALF_WIDTH_KM, p[1] - ny * RIVER_HALF_WIDTH_KM]);
  });
  const river: Ring = [...right, ...left.reverse()];
  river.push(river[0]);

  const land = difference(
    featureCollection([toTurf([[outline]]), toTurf([[lake]]), toTurf([[river]])]),
  );
  if (land === null) throw new Error('makeDemoCity: the lake and river cover the whole city');
  const parts = fromTurf(land.geometry)
    .map((poly) => ({ poly, area: shapeArea([poly]), y: shapeCentroid([poly])[1] }))
    .sort((a, b) => b.area - a.area)
    .slice(0, 2)
    .sort((a, b) => b.y - a.y);
  const sides: [Poly, Poly] = [parts[0].poly, parts[1].poly];
  return { outline, lake, sides, shape: [sides[0], sides[1]] };
}

// ---------------------------------------------------------------------------------------------
// Tracts: Voronoi cells of well-spread seeds (smaller near the centre, as real tracts are where
// people are dense), computed per side of the river so no tract straddles it by accident.

interface Piece {
  readonly seed: XY;
  readonly shape: Shape;
  readonly side: 0 | 1;
}

interface TractPlan {
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

function buildTracts(city: CityPlan, random: Random): TractPlan[] {
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
  const special = new Set([north, south]);
  const hosts = pieces
    .filter((piece) => !special.has(piece) && piece.shape.length === 1 && piece.side === 0)
    .map((piece) => ({ piece, centroid: shapeCentroid(piece.shape) }))
    .sort(
      (a, b) =>
        Math.hypot(a.centroid[0] - PARK_TARGET[0], a.centroid[1] - PARK_TARGET[1]) -
        Math.hypot(b.centroid[0] - PARK_TARGET[0], b.centroid[1] - PARK_TARGET[1]),
    );
  let park: Ring | undefined;
  let host: Piece | undefined;
  for (const candidate of hosts) {
    for (let scale = 1; scale > 0.3 && park === undefined; scale *= 0.85) {
      const [cx, cy] = candidate.centroid;
      const margin = ellipseRing(cx, cy, 0.42 * scale, 0.3 * scale, 24);
      if (margin.every((p) => pointInShape(p, candidate.piece.shape))) {
        park = ellipseRing(cx, cy, 0.32 * scale, 0.22 * scale, 24);
        host = candidate.piece;
      }
    }
    if (park !== undefined) break;
  }
  if (park === undefined || host === undefined)
    throw new Error('makeDemoCity: no tract is large enough to hold the park');

  const tracts: TractPlan[] = [];
  for (const piece of pieces) {
    if (piece === south) continue;
    let shape = piece.shape;
    let kind: TractPlan['kind'] = 'regular';
    if (piece === north) {
      shape = [...north.shape, ...south.shape];
      kind = 'river-span';
    } else if (piece === host) {
      shape = [[...piece.shape[0], [...park].reverse()]];
      kind = 'park-host';
    }
    tracts.push({ shape, kind, centroid: shapeCentroid(shape), areaKm2: shapeArea(shape) });
  }
  const parkShape: Shape = [[park]];
  tracts.push({
    shape: parkShape,
    kind: 'park',
    centroid: shapeCentroid(parkShape),
    areaKm2: shapeArea(parkShape),
  });
  // Number tracts in reading order: bands of 1.2 km from north to south, west to east within one.
  const band = (t: TractPlan) => Math.floor((7 - t.centroid[1]) / 1.2);
  return tracts.sort((a, b) => band(a) - band(b) || a.centroid[0] - b.centroid[0]);
}

// ---------------------------------------------------------------------------------------------
// Tract attributes (ACS-like), driven by a need surface with three disadvantaged districts.

interface TractRecord {
  readonly id: string;
  readonly plan: TractPlan;
  readonly neighbourhood: string;
  /** 0…1; how disadvantaged the tract is by design. */
  readonly need: number;
  /** Index of the district whose influence on the tract is strongest. */
  readonly district: number;
  readonly population: number;
  readonly properties: Readonly<Record<string, string | number | null>>;
}

function smoothField(random: Random, amplitude: number): (p: XY) => number {
  const waves = Array.from({ length: 6 }, () => {
    const angle = random() * 2 * Math.PI;
    const k = (2 * Math.PI) / (3 + 5 * random());
    return { kx: k * Math.cos(angle), ky: k * Math.sin(angle), phase: random() * 2 * Math.PI };
  });
  return ([x, y]) =>
    (amplitude / Math.sqrt(waves.length)) *
    waves.reduce((sum, w) => sum + Math.sin(w.kx * x + w.ky * y + w.phase), 0);
}

function districtWeights(p: XY): number[] {
  return DISTRICTS.map((d) => d.strength * gaussian(p[0] - d.x, p[1] - d.y, d.sigmaKm));
}

function nearestNeighbourhood(p: XY): string {
  let best = NEIGHBOURHOODS[0];
  for (const n of NEIGHBOURHOODS)
    if (Math.hypot(p[0] - n.x, p[1] - n.y) < Math.hypot(p[0] - best.x, p[1] - best.y)) best = n;
  return best.name;
}

function splitHundred(logits: readonly number[]): number[] {
  const exps = logits.map((v) => Math.exp(v));
  const total = exps.reduce((a, b) => a + b, 0);
  const pct = exps.map((v) => round1((100 * v) / total));
  // Put the rounding remainder on the largest group so the five shares add to exactly 100.0.
  const largest = pct.indexOf(Math.max(...pct));
  pct[largest] = round1(pct[largest] + 100 - pct.reduce((a, b) => a + b, 0));
  return pct;
}

function describeTracts(plans: readonly TractPlan[], random: Random): TractRecord[] {
  const needNoise = smoothField(random, 0.08);
  const missingIncome = new Set<number>();
  const candidates = plans.flatMap((t, i) => (t.kind === 'regular' ? [i] : []));
  while (missingIncome.size < 3)
    missingIncome.add(candidates[Math.floor(random() * candidates.length)]);

  return plans.map((plan, i) => {
    const id = `T${String(i + 1).padStart(3, '0')}`;
    const c = plan.centroid;
    const g = districtWeights(c);
    const affluence = Math.max(...AFFLUENT.map((a) => gaussian(c[0] - a.x, c[1] - a.y, a.sigmaKm)));
    const need = clamp(
      Math.max(...g) - 0.3 * affluence + needNoise(c) + 0.06 * normal(random),
      0,
      1,
    );
    const r = Math.hypot(c[0] - CBD[0], c[1] - CBD[1]);
    const neighbourhood = nearestNeighbourhood(c);
    const base = { tract_id: id, name: `Tract ${i + 1}` };
    if (plan.kind === 'park') {
      // An uninhabited tract: the ACS publishes no rates and no medians for it.
      const properties: Record<string, string | number | null> = {
        ...base,
        population: 0,
        households: 0,
      };
      for (const key of RATE_KEYS) properties[key] = null;
      return { id, plan, neighbourhood, need: 0, district: -1, population: 0, properties };
    }

    // Density falls off from the centre (Clark 1951's negative-exponential city, here Gaussian).
    const density = (1500 + 8000 * gaussian(r, 0, 3.2)) * Math.exp(0.25 * normal(random));
    const population = Math.round(clamp(plan.areaKm2 * density, 500, 9000));
    const householdSize = clamp(2.3 + 0.5 * need + 0.12 * normal(random), 1.6, 3.6);
    const households = Math.round(population / householdSize);

    const income = Math.round(
      Math.exp(Math.log(80_000) - 1.25 * need + 0.3 * affluence + 0.1 * normal(random)),
    );
    // ACS margins of error (90 %) grow as the sample shrinks with the population.
    const incomeMoe = Math.round(
      income * (0.06 + 3.5 / Math.sqrt(population)) * (0.8 + 0.45 * random()),
    );
    const poverty = round1(100 * sigmoid(-2.5 + 3.3 * need - affluence + 0.2 * normal(random)));
    // 90 % normal-approximation MOE of a proportion, 1.645·√(p(1−p)/n), on an effective sample
    // of population / 30 (the ACS samples a few percent of homes, with a design effect).
    const povertyMoe = round1(
      Math.max(
        0.8,
        1.645 * 100 * Math.sqrt(((poverty / 100) * (1 - poverty / 100)) / (population / 30)) +
          0.5 * random(),
      ),
    );

    const northness = clamp(c[1] / 6, -1, 1);
    const [white, black, hispanic, asian, other] = splitHundred([
      1.3 + 0.4 * northness - 3.2 * g[0] - 1.6 * g[1] - 0.4 * g[2] + 0.4 * normal(random),
      -1.2 + 4.2 * g[0] + 0.6 * g[1] + 0.4 * normal(random),
      -0.9 + 0.5 * g[0] + 3.6 * g[1] + 1.6 * g[2] + 0.4 * normal(random),
      -1.7 + 0.7 * Math.max(0, northness) + 0.5 * gaussian(r, 0, 2) + 0.4 * normal(random),
      -2.7 + 0.2 * normal(random),
    ]);
    const noHs = round1(100 * sigmoid(-2.9 + 3.0 * need + 0.012 * hispanic + 0.3 * normal(random)));
    const unemployment = round1(
      100 * sigmoid(-3.1 + 2.8 * need - 0.6 * affluence + 0.25 * normal(random)),
    );
    const under18 = round1(clamp(15 + 13 * need + 2.5 * normal(random), 3, 45));
    const over65 = round1(clamp(15 - 6 * need + 9 * g[2] + 3 * normal(random), 2, 40));
    const limitedEnglish = round1(
      clamp(0.3 * hispanic + 0.25 * asian + 1.5 * normal(random), 0, 60),
    );
    const noVehicle = round1(
      clamp(4 + 32 * need + 18 * gaussian(r, 0, 1.5) + 3 * normal(random), 0, 85),
    );
    const missing = missingIncome.has(i);
    const properties = {
      ...base,
      population,
      households,
      median_income: missing ? null : income,
      median_income_moe: missing ? null : incomeMoe,
      poverty_rate: poverty,
      poverty_rate_moe: povertyMoe,
      no_hs_diploma: noHs,
      unemployment_rate: unemployment,
      pct_white: white,
      pct_black: black,
      pct_hispanic: hispanic,
      pct_asian: asian,
      pct_other: other,
      pct_under_18: under18,
      pct_over_65: over65,
      limited_english: limitedEnglish,
      no_vehicle: noVehicle,
    };
    const district = g.indexOf(Math.max(...g));
    return { id, plan, neighbourhood, need, district, population, properties };
  });
}

const RATE_KEYS = [
  'median_income',
  'median_income_moe',
  'poverty_rate',
  'poverty_rate_moe',
  'no_hs_diploma',
  'unemployment_rate',
  'pct_white',
  'pct_black',
  'pct_hispanic',
  'pct_asian',
  'pct_other',
  'pct_under_18',
  'pct_over_65',
  'limited_english',
  'no_vehicle',
] as const;

// ---------------------------------------------------------------------------------------------
// Incidents.

interface Incident {
  readonly time: number;
  readonly category: string;
  readonly p: XY;
}

// Relative intensity by weekday (Sunday first) and by hour of day: weekend nights are busiest.
const WEEKDAY = [1.0, 0.95, 0.93, 0.95, 0.98, 1.08, 1.12];
const HOUR = [
  0.7, 0.55, 0.45, 0.35, 0.25, 0.22, 0.3, 0.45, 0.65, 0.8, 0.9, 0.95, 1.05, 1.0, 1.0, 1.05, 1.1,
  1.2, 1.3, 1.3, 1.25, 1.15, 1.0, 0.85,
];

function timeProfile(activity: Activity): Float64Array {
  const weights = new Float64Array(DAYS * 24);
  for (let d = 0; d < DAYS; d++) {
    const ms = START_MS + d * DAY_MS;
    const date = new Date(ms);
    const dayOfYear = (ms - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
    // Summer peak near 21 July, winter trough near 19 January.
    const season = 1 + 0.22 * Math.sin((2 * Math.PI * (dayOfYear - 111)) / 365.25);
    let trend = 1;
    if (activity === 'emerging') trend = d < 365 ? 0 : 0.35 + (0.65 * (d - 365)) / 365;
    else if (activity === 'fading') trend = Math.max(0, 1 - d / 455);
    for (let h = 0; h < 24; h++)
      weights[d * 24 + h] = season * WEEKDAY[date.getUTCDay()] * HOUR[h] * trend;
  }
  return cumulate(weights);
}

function sampleTime(profile: Float64Array, random: Random): number {
  const slot = pickIndex(profile, random);
  return START_MS + slot * 3_600_000 + Math.floor(random() * 3600) * 1000;
}

function sampleBlob(h: Hotspot, accept: (p: XY) => boolean, random: Random): XY {
  const angle = (h.rotationDeg * Math.PI) / 180;
  for (;;) {
    const u = h.sigmaXKm * normal(random);
    const v = h.sigmaYKm * normal(random);
    const p: XY = [
      h.x + u * Math.cos(angle) - v * Math.sin(angle),
      h.y + u * Math.sin(angle) + v * Math.cos(angle),
    ];
    if (accept(p)) return p;
  }
}

function sampleCorridor(c: Corridor, accept: (p: XY) => boolean, random: Random): XY {
  const dx = c.to[0] - c.from[0];
  const dy = c.to[1] - c.from[1];
  const len = Math.hypot(dx, dy);
  for (;;) {
    const t = random();
    const off = c.spreadKm * normal(random);
    const p: XY = [c.from[0] + t * dx - (off * dy) / len, c.from[1] + t * dy + (off * dx) / len];
    if (accept(p)) return p;
  }
}

function sampleOutside(shore: readonly XY[], accept: (p: XY) => boolean, random: Random): XY {
  for (;;) {
    const [x, y] = shore[Math.floor(random() * shore.length)];
    const len = Math.hypot(x, y);
    const beyond = 0.5 + 0.7 * random();
    const p: XY = [x + (x / len) * beyond, y + (y / len) * beyond];
    if (accept(p)) return p;
  }
}

interface BadRow {
  readonly problem: string;
  readonly reason: string;
  readonly make: (row: { date: string; category: string; lat: string; lng: string }) => string[];
}

/** Rows a careful reader must reject; each names the reason code hexreach reports for it. */
const BAD_ROWS: readonly BadRow[] = [
  {
    problem: 'latitude and longitude empty',
    reason: 'missing-coordinates',
    make: (r) => [r.date, r.category, '', ''],
  },
  {
    problem: 'latitude and longitude empty',
    reason: 'missing-coordinates',
    make: (r) => [r.date, r.category, '', ''],
  },
  {
    problem: 'longitude empty',
    reason: 'missing-coordinates',
    make: (r) => [r.date, r.category, r.lat, ''],
  },
  {
    problem: 'latitude and longitude swapped',
    reason: 'swapped-coordinates',
    make: (r) => [r.date, r.category, r.lng, r.lat],
  },
  {
    problem: 'latitude and longitude swapped',
    reason: 'swapped-coordinates',
    make: (r) => [r.date, r.category, r.lng, r.lat],
  },
  {
    problem: 'latitude is "N/A"',
    reason: 'invalid-coordinates',
    make: (r) => [r.date, r.category, 'N/A', r.lng],
  },
  {
    problem: 'latitude off by a misplaced digit (beyond 90°)',
    reason: 'out-of-range-coordinates',
    make: (r) => [r.date, r.category, `4${r.lat}`, r.lng],
  },
  {
    problem: 'coordinates 0, 0 (the placeholder of a failed geocode)',
    reason: 'invalid-coordinates',
    make: (r) => [r.date, r.category, '0.000000', '0.000000'],
  },
  {
    problem: 'date "unknown"',
    reason: 'invalid-date',
    make: (r) => ['unknown', r.category, r.lat, r.lng],
  },
  {
    problem: 'date written day-first (month 31)',
    reason: 'invalid-date',
    make: (r) => [`31/${r.date.slice(0, 2)}/${r.date.slice(6)}`, r.category, r.lat, r.lng],
  },
  {
    problem: 'impossible date (30 February)',
    reason: 'invalid-date',
    make: (r) => [`02/30/2024 ${r.date.slice(11)}`, r.category, r.lat, r.lng],
  },
];

function pad2(v: number): string {
  return String(v).padStart(2, '0');
}

/** `MM/DD/YYYY hh:mm:ss AM`, as US open-data portals export timestamps. */
function formatPortalDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()} ${pad2(h12)}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

function formatIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Output helpers.

function toLngLat([x, y]: XY): [number, number] {
  return [
    Math.round((CENTRE_LNG + x / KM_PER_DEG_LNG) * 1e6) / 1e6,
    Math.round((CENTRE_LAT + y / KM_PER_DEG_LAT) * 1e6) / 1e6,
  ];
}

function outputRing(ring: Ring, exterior: boolean): Ring {
  const out: XY[] = [];
  for (const p of ring) {
    const q = toLngLat(p);
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length < 4) throw new Error('makeDemoCity: a ring collapsed when rounded');
  // RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise.
  return ringSignedArea(out) > 0 === exterior ? out : out.reverse();
}

/** A plane shape as written: degrees rounded to 6 decimals, rings oriented as RFC 7946 asks. */
function toDegrees(shape: Shape): Shape {
  return shape.map((poly) => poly.map((ring, k) => outputRing(ring, k === 0)));
}

function toGeometry(degrees: Shape): Polygon | MultiPolygon {
  const polys: Position[][][] = degrees.map((poly) =>
    poly.map((ring) => ring.map(([lng, lat]) => [lng, lat])),
  );
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** About 0.2 m: closer to a tract edge than this, point-in-polygon tests may disagree. */
const EDGE_DEGREES = 2e-6;

/**
 * Where a point lands once its coordinates are rounded as written: the index of the tract that
 * holds it, −1 outside every tract, or −2 on (within 0.2 m of) a tract edge. Points are drawn
 * against the written geometry so that every reader counts them in the same tract.
 */
function makeLocator(degrees: readonly Shape[]): (p: XY) => number {
  const boxes = degrees.map(shapeBbox);
  return (p) => {
    const q = toLngLat(p);
    for (let i = 0; i < degrees.length; i++) {
      const b = boxes[i];
      if (
        q[0] < b[0] - EDGE_DEGREES ||
        q[0] > b[2] + EDGE_DEGREES ||
        q[1] < b[1] - EDGE_DEGREES ||
        q[1] > b[3] + EDGE_DEGREES
      )
        continue;
      if (distanceToEdges(q, degrees[i]) < EDGE_DEGREES) return -2;
      if (pointInShape(q, degrees[i])) return i;
    }
    return -1;
  };
}

function featureCollectionText(name: string, features: readonly unknown[]): string {
  // One feature per line keeps diffs of regenerated data readable.
  return `{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[\n${features
    .map((f) => JSON.stringify(f))
    .join(',\n')}\n]}\n`;
}

function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`;
}

/** The drawn city that incidents, organizations and answers are placed in. */
interface Placement {
  readonly city: CityPlan;
  readonly tracts: readonly TractRecord[];
  /** See {@link makeLocator}. */
  readonly locate: (p: XY) => number;
  /** A uniform point that lands strictly inside tract `t` once rounded. */
  readonly pointIn: (t: number, random: Random) => XY;
}

interface IncidentDraw {
  readonly rows: string[][];
  readonly badRows: { row: number; problem: string; reason: string }[];
  readonly categories: string[];
  readonly hotspotCounts: number[];
  readonly corridorCounts: number[];
  readonly backgroundCount: number;
}

function drawIncidents({ city, tracts, locate, pointIn }: Placement, random: Random): IncidentDraw {
  const inCity = (p: XY) => locate(p) >= 0;
  const profiles = {
    steady: timeProfile('steady'),
    emerging: timeProfile('emerging'),
    fading: timeProfile('fading'),
  };
  const incidents: Incident[] = [];
  const hotspotCounts = HOTSPOTS.map((h) => Math.round(h.share * INCIDENTS_IN_CITY));
  const corridorCounts = CORRIDORS.map((c) => Math.round(c.share * INCIDENTS_IN_CITY));
  const backgroundCount =
    INCIDENTS_IN_CITY -
    hotspotCounts.reduce((a, b) => a + b, 0) -
    corridorCounts.reduce((a, b) => a + b, 0);
  HOTSPOTS.forEach((h, k) => {
    const mix = toMix(h.mix);
    for (let i = 0; i < hotspotCounts[k]; i++)
      incidents.push({
        time: sampleTime(profiles[h.activity], random),
        category: mix.names[pickIndex(mix.cumulative, random)],
        p: sampleBlob(h, inCity, random),
      });
  });
  CORRIDORS.forEach((c, k) => {
    const mix = toMix(c.mix);
    for (let i = 0; i < corridorCounts[k]; i++)
      incidents.push({
        time: sampleTime(profiles.steady, random),
        category: mix.names[pickIndex(mix.cumulative, random)],
        p: sampleCorridor(c, inCity, random),
      });
  });
  const backgroundMix = toMix(BACKGROUND_MIX);
  const byPopulation = cumulate(tracts.map((t) => t.population));
  for (let i = 0; i < backgroundCount; i++) {
    const t = pickIndex(byPopulation, random);
    incidents.push({
      time: sampleTime(profiles.steady, random),
      category: backgroundMix.names[pickIndex(backgroundMix.cumulative, random)],
      p: pointIn(t, random),
    });
  }
  const shore = city.outline.filter((p) => !pointInPoly(p, [city.lake]));
  const nearby = (p: XY) => locate(p) === -1 && !pointInPoly(p, [city.lake]);
  for (let i = 0; i < OUTSIDE_INCIDENTS; i++)
    incidents.push({
      time: sampleTime(profiles.steady, random),
      category: backgroundMix.names[pickIndex(backgroundMix.cumulative, random)],
      p: sampleOutside(shore, nearby, random),
    });
  incidents.sort((a, b) => a.time - b.time);

  const goodRows = incidents.map((incident) => {
    const [lng, lat] = toLngLat(incident.p);
    return {
      date: formatPortalDate(incident.time),
      category: incident.category,
      lat: lat.toFixed(6),
      lng: lng.toFixed(6),
    };
  });
  const badAfter = new Map<number, BadRow>();
  const spacing = Math.floor(goodRows.length / BAD_ROWS.length);
  BAD_ROWS.forEach((bad, k) => {
    badAfter.set(k * spacing + 50 + Math.floor(random() * (spacing - 100)), bad);
  });
  const rows: string[][] = [];
  const badRows: { row: number; problem: string; reason: string }[] = [];
  goodRows.forEach((row, i) => {
    rows.push([String(rows.length + 1), row.date, row.category, row.lat, row.lng]);
    const bad = badAfter.get(i);
    if (bad !== undefined) {
      badRows.push({ row: rows.length + 1, problem: bad.problem, reason: bad.reason });
      rows.push([String(rows.length + 1), ...bad.make(row)]);
    }
  });

  const categories = [...new Set(incidents.map((i) => i.category))].sort();
  return { rows, badRows, categories, hotspotCounts, corridorCounts, backgroundCount };
}

interface Organization {
  readonly name: string;
  readonly type: string;
  readonly capacity: number;
  readonly p: XY;
}

function placeOrganizations({ tracts, pointIn }: Placement, orgRandom: Random): Organization[] {
  // Few partners in Northwest Heights: the planted "need without partners" gap.
  const orgWeights = cumulate(
    tracts.map((t) => t.population * (1 - 0.9 * districtWeights(t.plan.centroid)[2])),
  );
  const usedNames = new Set<string>();
  const organizations: Organization[] = [];
  for (const [type, spec] of Object.entries(ORG_TYPES)) {
    for (let i = 0; i < spec.count; i++) {
      const t = pickIndex(orgWeights, orgRandom);
      const p = pointIn(t, orgRandom);
      const templates = shuffle([...spec.names], orgRandom);
      const place = nearestNeighbourhood(p);
      let name = templates.map((tpl) => tpl.replace('{n}', place)).find((n) => !usedNames.has(n));
      for (let k = 2; name === undefined; k++) {
        const candidate = `${templates[0].replace('{n}', place)} ${k}`;
        if (!usedNames.has(candidate)) name = candidate;
      }
      usedNames.add(name);
      const [lo, hi] = spec.capacity;
      organizations.push({ name, type, capacity: lo + Math.floor(orgRandom() * (hi - lo + 1)), p });
    }
  }
  // The markup probe replaces one youth organization in Quarry Row, where outreach would start.
  const quarry = tracts.findIndex((t) => t.neighbourhood === 'Quarry Row' && t.population > 0);
  const probeIndex = organizations.findIndex((o) => o.type === 'youth');
  organizations[probeIndex] = {
    name: MARKUP_PROBE_NAME,
    type: 'youth',
    capacity: 40,
    p: pointIn(quarry, orgRandom),
  };
  return organizations;
}

interface SurveyDraw {
  readonly rows: string[][];
  readonly responsesByTract: Uint32Array;
}

function answerSurveys({ tracts, pointIn }: Placement, surveyRandom: Random): SurveyDraw {
  // Every populated tract gets at least 3 answers, except 4 that barely answered (0, 1 or 2), so
  // per-tract means there rest on too few answers; the rest follow population and participation.
  const populated = tracts.flatMap((t, i) => (t.population > 0 ? [i] : []));
  const sparse = new Set(shuffle([...populated], surveyRandom).slice(0, 4));
  const surveyTracts: number[] = [];
  populated.forEach((i, k) => {
    const base = sparse.has(i) ? k % 3 : 3;
    for (let j = 0; j < base; j++) surveyTracts.push(i);
  });
  const bySurvey = cumulate(
    tracts.map((t, i) =>
      t.population === 0 || sparse.has(i) ? 0 : t.population * Math.exp(0.6 * normal(surveyRandom)),
    ),
  );
  while (surveyTracts.length < SURVEY_RESPONSES)
    surveyTracts.push(pickIndex(bySurvey, surveyRandom));
  const responsesByTract = new Uint32Array(tracts.length);
  const surveys: { time: number; p: XY; trust: number; safe: number }[] = [];
  const crime2024 = (p: XY): number => {
    let v = 0;
    for (const h of HOTSPOTS)
      if (h.activity !== 'fading')
        v += gaussian(p[0] - h.x, p[1] - h.y, 1.6 * Math.max(h.sigmaXKm, h.sigmaYKm));
    for (const c of CORRIDORS) v += 0.4 * gaussian(distanceToSegment(p, c.from, c.to), 0, 0.25);
    return Math.min(1, v);
  };
  for (const t of surveyTracts) {
    responsesByTract[t]++;
    const p = pointIn(t, surveyRandom);
    const crime = crime2024(p);
    const need = tracts[t].need;
    const likert = (v: number) => Math.round(clamp(v, 1, 5));
    surveys.push({
      time: SURVEY_START_MS + Math.floor(surveyRandom() * SURVEY_DAYS) * DAY_MS,
      p,
      trust: likert(3.7 - 1.7 * need - 0.9 * crime + 0.85 * normal(surveyRandom)),
      safe: likert(3.9 - 0.9 * need - 1.4 * crime + 0.85 * normal(surveyRandom)),
    });
  }
  surveys.sort((a, b) => a.time - b.time);
  const surveyRows = surveys.map((s, i) => {
    const [lng, lat] = toLngLat(s.p);
    return [
      String(i + 1),
      formatIsoDate(s.time),
      lat.toFixed(6),
      lng.toFixed(6),
      String(s.trust),
      String(s.safe),
    ];
  });

  return { rows: surveyRows, responsesByTract };
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Options of {@link makeDemoCity}. */
export interface DemoCityOptions {
  /** Seed of every random draw (32-bit unsigned integer). Default 2025, the committed demo. */
  readonly seed?: number;
}

/** The files of the demo city, by name, exactly as they are written to disk (UTF-8). */
export interface DemoCityFiles {
  readonly 'README.md': string;
  readonly 'tracts.geojson': string;
  readonly 'incidents.csv': string;
  readonly 'organizations.geojson': string;
  readonly 'surveys.csv': string;
}

/** What was planted in the demo city, so tests and the README can check and describe it. */
export interface DemoCityFacts {
  /** The seed the city was drawn with. */
  readonly seed: number;
  /** Centre of the city, `[lng, lat]`. */
  readonly centre: readonly [number, number];
  /** Number of tracts (features of tracts.geojson). */
  readonly tractCount: number;
  /** Sum of tract populations. */
  readonly population: number;
  /** The disadvantaged districts, each with the tracts whose design need index is ≥ 0.5. */
  readonly districts: readonly {
    readonly name: string;
    /** `[lng, lat]`. */
    readonly centre: readonly [number, number];
    /** Standard deviation of the district's Gaussian need bump. */
    readonly radiusMeters: number;
    /** Whether a crime hotspot coincides with the district. */
    readonly hasHotspot: boolean;
    readonly tractIds: readonly string[];
  }[];
  /** Gaussian blobs of incidents. */
  readonly hotspots: readonly {
    readonly name: string;
    /** `[lng, lat]`. */
    readonly centre: readonly [number, number];
    /** Standard deviation along the longer axis. */
    readonly sigmaMeters: number;
    /** Incidents drawn from the blob over both years. */
    readonly incidents: number;
    /** `steady` in both years, `emerging` only in 2024 and growing, `fading` gone by April 2024. */
    readonly activity: 'steady' | 'emerging' | 'fading';
    /** Whether the hotspot lies in a disadvantaged district (hotspot with need). */
    readonly withNeed: boolean;
    /** Its three most frequent categories, most frequent first. */
    readonly categories: readonly string[];
  }[];
  /** Street segments with incidents spread about 100 m either side. */
  readonly corridors: readonly {
    readonly name: string;
    /** `[lng, lat]`. */
    readonly from: readonly [number, number];
    /** `[lng, lat]`. */
    readonly to: readonly [number, number];
    readonly incidents: number;
  }[];
  /** Incidents spread over tracts in proportion to population. */
  readonly backgroundIncidents: number;
  /** Incidents placed 0.5–1.2 km outside the city boundary (outside every tract). */
  readonly outsideIncidents: number;
  /** Data rows of incidents.csv (the header not counted), bad rows included. */
  readonly incidentRows: number;
  /** The deliberately broken rows, in row order. */
  readonly badRows: readonly {
    /** 1-based data row, equal to the row's id. */
    readonly row: number;
    /** What is wrong, in words. */
    readonly problem: string;
    /** The hexreach rejection reason expected for it. */
    readonly reason: string;
  }[];
  /** Incident categories, sorted. */
  readonly categories: readonly string[];
  /** The uninhabited park tract (population 0, every rate null). */
  readonly parkTractId: string;
  /** The tract with the park as a hole. */
  readonly parkHostTractId: string;
  /** The MultiPolygon tract with a part on each side of the river. */
  readonly riverSpanTractId: string;
  /** Populated tracts whose median income (and its margin of error) is null. */
  readonly missingIncomeTractIds: readonly string[];
  /** Number of organizations. */
  readonly organizationCount: number;
  /** Number of organizations of each type. */
  readonly organizationsByType: Readonly<Record<string, number>>;
  /** Name of the organization whose name is an HTML injection probe. */
  readonly markupProbeName: string;
  /** Number of survey answers. */
  readonly surveyCount: number;
  /** Populated tracts with fewer than 3 survey answers. */
  readonly sparseSurveyTractIds: readonly string[];
}

/** The generated city: file contents and the facts planted in them. */
export interface DemoCity {
  readonly files: DemoCityFiles;
  readonly facts: DemoCityFacts;
}

const ORG_TYPES = {
  nonprofit: {
    count: 13,
    capacity: [20, 300],
    names: [
      '{n} Community Alliance',
      '{n} Neighbors United',
      '{n} Food Pantry',
      '{n} Housing Coalition',
      '{n} Family Services',
      '{n} Tenants Association',
      '{n} Health Collaborative',
    ],
  },
  'faith-based': {
    count: 13,
    capacity: [60, 500],
    names: [
      "St. Brigid's Parish of {n}",
      '{n} Community Church',
      '{n} Islamic Center',
      '{n} Gospel Tabernacle',
      'Congregation of {n}',
      '{n} Methodist Church',
    ],
  },
  youth: {
    count: 8,
    capacity: [30, 200],
    names: ['{n} Youth League', '{n} Teen Hub', '{n} Youth Mentoring', '{n} Sports Club'],
  },
  school: {
    count: 10,
    capacity: [250, 900],
    names: ['{n} Elementary School', '{n} Middle School', '{n} High School', '{n} Academy'],
  },
  cultural: {
    count: 7,
    capacity: [40, 400],
    names: [
      '{n} Public Library',
      '{n} Arts Collective',
      '{n} Heritage Museum',
      '{n} Cultural Center',
    ],
  },
  business: {
    count: 9,
    capacity: [10, 80],
    names: [
      '{n} Grocery',
      '{n} Barbershop',
      '{n} Hardware',
      '{n} Credit Union',
      '{n} Pharmacy',
      '{n} Laundromat',
    ],
  },
} as const;

const MARKUP_PROBE_NAME = 'Youth Center <img src=x onerror=alert(1)>';

/**
 * Generates the SYNTHETIC hexreach demo city: ~150 census-tract-like polygons with ACS-style
 * attributes, ~50,000 incidents over 2023–2024, ~60 partner organizations and ~1,200 survey
 * answers, with planted hotspots, corridors, an emerging and a fading hotspot, disadvantaged
 * districts and deliberately bad records. Pure: returns the file contents, writes nothing.
 *
 * @param options - `seed` (default 2025, the committed `data/demo/`)
 * @returns the five files as strings, and the facts planted in them
 * @throws HexreachError `E_ARGUMENT` when the seed is not a 32-bit unsigned integer
 * @example
 * ```ts
 * const { files, facts } = makeDemoCity({ seed: 7 });
 * files['incidents.csv'].split('\n')[0]; // 'id,date,category,latitude,longitude'
 * facts.tractCount; // 150
 * ```
 */
export function makeDemoCity(options: DemoCityOptions = {}): DemoCity {
  const seed = options.seed ?? DEFAULT_SEED;
  assertArgument(
    Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff,
    'makeDemoCity',
    `seed must be an integer in [0, 2^32), got ${seed}`,
    seed,
  );
  const city = buildCity();
  const plans = buildTracts(city, makeRandom(seed, 1));
  const tracts = describeTracts(plans, makeRandom(seed, 2));
  const tractBoxes = tracts.map((t) => shapeBbox(t.plan.shape));
  const degrees = tracts.map((t) => toDegrees(t.plan.shape));
  const locate = makeLocator(degrees);
  const placement: Placement = {
    city,
    tracts,
    locate,
    pointIn: (t, random) => randomPointInBox(tractBoxes[t], (p) => locate(p) === t, random),
  };
  const incidents = drawIncidents(placement, makeRandom(seed, 3));
  const organizations = placeOrganizations(placement, makeRandom(seed, 4));
  const surveys = answerSurveys(placement, makeRandom(seed, 5));

  const orgFeatures = organizations.map((o, i) => ({
    type: 'Feature',
    properties: {
      org_id: `O${String(i + 1).padStart(3, '0')}`,
      name: o.name,
      type: o.type,
      capacity: o.capacity,
    },
    geometry: { type: 'Point', coordinates: toLngLat(o.p) },
  }));

  const tractFeatures = tracts.map((t, i) => ({
    type: 'Feature',
    properties: t.properties,
    geometry: toGeometry(degrees[i]),
  }));
  const idOf = (kind: TractPlan['kind']) => tracts.find((t) => t.plan.kind === kind)!.id;
  const orgsByType: Record<string, number> = {};
  for (const o of organizations) orgsByType[o.type] = (orgsByType[o.type] ?? 0) + 1;
  const facts: DemoCityFacts = {
    seed,
    centre: [CENTRE_LNG, CENTRE_LAT],
    tractCount: tracts.length,
    population: tracts.reduce((sum, t) => sum + t.population, 0),
    districts: DISTRICTS.map((d, k) => ({
      name: d.name,
      centre: toLngLat([d.x, d.y]),
      radiusMeters: Math.round(d.sigmaKm * 1000),
      hasHotspot: d.hotspot,
      tractIds: tracts.filter((t) => t.need >= 0.5 && t.district === k).map((t) => t.id),
    })),
    hotspots: HOTSPOTS.map((h, k) => ({
      name: h.name,
      centre: toLngLat([h.x, h.y]),
      sigmaMeters: Math.round(Math.max(h.sigmaXKm, h.sigmaYKm) * 1000),
      incidents: incidents.hotspotCounts[k],
      activity: h.activity,
      withNeed: h.withNeed,
      categories: Object.entries(h.mix)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name]) => name),
    })),
    corridors: CORRIDORS.map((c, k) => ({
      name: c.name,
      from: toLngLat(c.from),
      to: toLngLat(c.to),
      incidents: incidents.corridorCounts[k],
    })),
    backgroundIncidents: incidents.backgroundCount,
    outsideIncidents: OUTSIDE_INCIDENTS,
    incidentRows: incidents.rows.length,
    badRows: incidents.badRows,
    categories: incidents.categories,
    parkTractId: idOf('park'),
    parkHostTractId: idOf('park-host'),
    riverSpanTractId: idOf('river-span'),
    missingIncomeTractIds: tracts
      .filter((t) => t.population > 0 && t.properties.median_income === null)
      .map((t) => t.id),
    organizationCount: organizations.length,
    organizationsByType: orgsByType,
    markupProbeName: MARKUP_PROBE_NAME,
    surveyCount: surveys.rows.length,
    sparseSurveyTractIds: tracts
      .filter((t, i) => t.population > 0 && surveys.responsesByTract[i] < 3)
      .map((t) => t.id),
  };
  const label = 'hexreach demo city (SYNTHETIC, not a real place)';
  const files: DemoCityFiles = {
    'README.md': renderReadme(facts),
    'tracts.geojson': featureCollectionText(`${label}: tracts`, tractFeatures),
    'incidents.csv': csvText(['id', 'date', 'category', 'latitude', 'longitude'], incidents.rows),
    'organizations.geojson': featureCollectionText(`${label}: organizations`, orgFeatures),
    'surveys.csv': csvText(
      ['id', 'date', 'latitude', 'longitude', 'trust_police', 'feel_safe'],
      surveys.rows,
    ),
  };
  return { files, facts };
}

// ---------------------------------------------------------------------------------------------
// README.

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function renderReadme(f: DemoCityFacts): string {
  const ll = (p: readonly [number, number]) => `${p[1].toFixed(4)}, ${p[0].toFixed(4)}`;
  const pct = (n: number) => `${((100 * n) / INCIDENTS_IN_CITY).toFixed(0)} %`;
  const lines = [
    '# hexreach demo city: SYNTHETIC DATA',
    '',
    `> **Synthetic.** Every file in this folder was entirely made up by \`data/makeDemoCity.ts\``,
    `> with seed ${f.seed}. This is not a real place: the city sits on empty land in the Nebraska`,
    '> Sandhills only so that a basemap has somewhere to draw it. Its people, incidents,',
    '> organizations and survey answers do not exist. Do not draw conclusions from it about any',
    '> real place, neighbourhood or group of people.',
    '',
    'The demo city exists so that `npm run demo` can run the whole hexreach pipeline, and so that',
    'tests have data whose answer is known: the structure listed under [Planted',
    'structure](#planted-structure) is what a correct analysis should find.',
    '',
    '## Regenerate',
    '',
    '```sh',
    `npx tsx data/makeDemoCity.ts                          # seed ${f.seed}, into data/demo/`,
    'npx tsx data/makeDemoCity.ts --seed 7 --out /tmp/city # another draw of the same design',
    '```',
    '',
    'The same seed writes byte-identical files. `packages/core/test/demoData.test.ts` regenerates',
    'the city and fails if these files differ from what the script writes, so edit the script and',
    'regenerate; never edit the files by hand. The geography (outline, lake, river, districts,',
    'hotspots, corridors) is fixed in the script; the seed redraws tract shapes, attributes,',
    'incidents, organizations and answers.',
    '',
    '## The city',
    '',
    `About 15 × 12 km, centred at latitude, longitude ${ll(f.centre)} (WGS84). A lake bites into`,
    'its east side and a river (about 120 m wide, not covered by any tract) runs from the west edge',
    `into the lake, splitting the city into a north and a south side. ${f.tractCount} tracts tile`,
    `the land; ${thousands(f.population)} people live in them, densest near Downtown.`,
    '',
    '## Files',
    '',
    `### tracts.geojson: ${f.tractCount} census-tract-like areas`,
    '',
    'RFC 7946 FeatureCollection: Polygon or MultiPolygon geometries, exterior rings',
    'counterclockwise, holes clockwise, coordinates `[longitude, latitude]` with 6 decimals. The',
    'tracts tile the land without gaps or overlaps. Attribute values imitate the American Community',
    'Survey 5-year estimates; `null` means the value is not published (see missing values below).',
    '',
    '| property | meaning | unit |',
    '| --- | --- | --- |',
    '| `tract_id` | identifier, `T001` … in reading order (north to south, west to east) | text |',
    '| `name` | `Tract 1` … | text |',
    '| `population` | residents | people (integer) |',
    '| `households` | occupied housing units | households (integer) |',
    '| `median_income` | median household income | US dollars per year |',
    '| `median_income_moe` | margin of error of `median_income` (90 % confidence) | US dollars |',
    '| `poverty_rate` | residents below the poverty line | % of residents |',
    '| `poverty_rate_moe` | margin of error of `poverty_rate` (90 % confidence) | percentage points |',
    '| `no_hs_diploma` | adults 25 and over without a high-school diploma | % of adults 25+ |',
    '| `unemployment_rate` | unemployed share of the civilian labour force | % |',
    '| `pct_white`, `pct_black`, `pct_hispanic`, `pct_asian`, `pct_other` | race and ethnicity; the five add up to 100 | % of residents |',
    '| `pct_under_18` | residents under 18 | % of residents |',
    '| `pct_over_65` | residents 65 and over | % of residents |',
    '| `limited_english` | residents who speak English less than "very well" | % of residents 5+ |',
    '| `no_vehicle` | households without a vehicle | % of households |',
    '',
    `### incidents.csv: ${thousands(f.incidentRows)} incident reports, 2023-01-01 to 2024-12-31`,
    '',
    '| column | meaning |',
    '| --- | --- |',
    '| `id` | row number, 1 … (equals the 1-based data row) |',
    '| `date` | local time of the incident, `MM/DD/YYYY hh:mm:ss AM` as US open-data portals export it; no time zone |',
    `| \`category\` | offence type, one of ${f.categories.map((c) => `\`${c}\``).join(', ')} |`,
    '| `latitude`, `longitude` | WGS84 degrees, 6 decimals |',
    '',
    "Rows are in time order. The shares of categories follow a large US city's.",
    '',
    `### organizations.geojson: ${f.organizationCount} potential outreach partners`,
    '',
    'RFC 7946 FeatureCollection of Points.',
    '',
    '| property | meaning | unit |',
    '| --- | --- | --- |',
    '| `org_id` | identifier, `O001` … | text |',
    '| `name` | made-up name | text |',
    `| \`type\` | ${Object.entries(f.organizationsByType)
      .map(([t, n]) => `\`${t}\` (${n})`)
      .join(', ')} | text |`,
    '| `capacity` | people the organization can reach in a typical month | people (integer) |',
    '',
    `### surveys.csv: ${thousands(f.surveyCount)} community survey answers, April to October 2024`,
    '',
    '| column | meaning |',
    '| --- | --- |',
    '| `id` | answer number, 1 … |',
    '| `date` | day of the answer, `YYYY-MM-DD` |',
    '| `latitude`, `longitude` | where the respondent lives, WGS84 degrees, 6 decimals |',
    '| `trust_police` | "I trust the police in my neighbourhood": 1 strongly disagree … 5 strongly agree |',
    '| `feel_safe` | "I feel safe walking here after dark": 1 strongly disagree … 5 strongly agree |',
    '',
    'Trust and feeling safe are lower in disadvantaged districts and near active hotspots.',
    '',
    '## Planted structure',
    '',
    '### Disadvantaged districts',
    '',
    'Low income, high poverty, unemployment and households without a car, by design. Only two of',
    'the three coincide with a crime hotspot.',
    '',
    '| district | centre (lat, lng) | radius | crime hotspot | tracts with need index ≥ 0.5 |',
    '| --- | --- | --- | --- | --- |',
    ...f.districts.map(
      (d) =>
        `| ${d.name} | ${ll(d.centre)} | ${d.radiusMeters} m | ${d.hasHotspot ? 'yes' : '**no**: need without hotspot'} | ${d.tractIds.join(', ')} |`,
    ),
    '',
    'Northwest Heights also has few partner organizations and an older population.',
    '',
    '### Hotspots',
    '',
    'Gaussian blobs of incidents (the size is the standard deviation along the longer axis).',
    '',
    '| hotspot | centre (lat, lng) | size | incidents | when | in a disadvantaged district | main categories |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...f.hotspots.map(
      (h) =>
        `| ${h.name} | ${ll(h.centre)} | ${h.sigmaMeters} m | ${thousands(h.incidents)} (${pct(h.incidents)}) | ${ACTIVITY_TEXT[h.activity]} | ${h.withNeed ? 'yes' : 'no'} | ${h.categories.join(', ')} |`,
    ),
    '',
    'Downtown and Northgate Mall are hotspots without need (thefts where people shop and go out,',
    'in well-off tracts);',
    'Quarry Row and East Riverside are hotspots with need; West Yards emerges in 2024 and Old',
    'Market fades out in early 2024, for emerging-hotspot analysis.',
    '',
    '### Corridors',
    '',
    'Incidents spread about 100 m either side of three streets.',
    '',
    '| corridor | from (lat, lng) | to (lat, lng) | incidents |',
    '| --- | --- | --- | --- |',
    ...f.corridors.map(
      (c) =>
        `| ${c.name} | ${ll(c.from)} | ${ll(c.to)} | ${thousands(c.incidents)} (${pct(c.incidents)}) |`,
    ),
    '',
    `The other ${thousands(f.backgroundIncidents)} incidents are spread over the tracts in proportion to`,
    'their population.',
    '',
    '### Time',
    '',
    'Every source follows a seasonal cycle (about 22 % above the mean in late July, 22 % below in',
    'late January), busier Fridays and Saturdays, and a daily rhythm from a 5 AM low to an',
    'evening high.',
    '',
    '## Deliberate problems',
    '',
    'These exist so the demo shows how hexreach reports input it cannot use.',
    '',
    `- **Outside the study area:** ${f.outsideIncidents} incidents (0.5 %) lie 0.5–1.2 km outside the city`,
    '  boundary: outside every tract and beyond every H3 cell of resolution 9 or finer that overlaps',
    '  a tract (coarser boundary cells reach out far enough to catch some of them).',
    `- **Bad rows:** ${f.badRows.length} rows of \`incidents.csv\` are broken on purpose:`,
    '',
    '| data row (= id) | problem | expected rejection |',
    '| --- | --- | --- |',
    ...f.badRows.map((b) => `| ${b.row} | ${b.problem} | \`${b.reason}\` |`),
    '',
    `- **Missing values:** \`median_income\` and its margin of error are \`null\` in ${f.missingIncomeTractIds.join(', ')}`,
    `  (suppressed, as the ACS does for small samples). ${f.parkTractId} is a park with population 0:`,
    '  every rate and median in it is `null`.',
    `- **Geometry:** ${f.parkTractId} (the park) sits in a hole of ${f.parkHostTractId}; ${f.riverSpanTractId} is a`,
    '  MultiPolygon whose two parts face each other across the river.',
    `- **Markup in a name:** one organization is called \`${f.markupProbeName}\`; a viewer must show`,
    '  it as text, never run it.',
    `- **Sparse answers:** ${f.sparseSurveyTractIds.join(', ')} have fewer than 3 survey answers each, and`,
    `  ${f.parkTractId} has none.`,
    '',
  ];
  return lines.join('\n');
}

const ACTIVITY_TEXT: Readonly<Record<Activity, string>> = {
  steady: 'both years',
  emerging: '**emerging**: none in 2023, growing through 2024',
  fading: '**fading**: strongest in early 2023, gone by April 2024',
};

// ---------------------------------------------------------------------------------------------
// Command line.

function runCli(args: readonly string[]): void {
  let seed = DEFAULT_SEED;
  let out = fileURLToPath(new URL('./demo/', import.meta.url));
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === '--seed' && value !== undefined && /^\d+$/.test(value)) {
      seed = Number(value);
      i++;
    } else if (args[i] === '--out' && value !== undefined) {
      out = value;
      i++;
    } else {
      console.error('usage: npx tsx data/makeDemoCity.ts [--seed N] [--out DIR]');
      process.exit(2);
    }
  }
  const { files, facts } = makeDemoCity({ seed });
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  console.log(
    `seed ${seed}: ${facts.tractCount} tracts, ${facts.incidentRows} incident rows, ` +
      `${facts.organizationCount} organizations, ${facts.surveyCount} survey answers → ${out}`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  runCli(process.argv.slice(2));
