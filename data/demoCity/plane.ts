import { clamp } from './numbers.js';
import type { Random } from './random.js';

/** A point of the planning plane: x km east and y km north of the city centre. */
export type XY = readonly [number, number];
/** Closed ring: the first point is repeated at the end. */
export type Ring = XY[];
/** Exterior ring first, then holes. */
export type Poly = Ring[];
/** One or more polygons. */
export type Shape = Poly[];

/** Shoelace area of a closed ring: positive when counterclockwise. */
export function ringSignedArea(ring: readonly XY[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/** Area of a shape, holes subtracted. */
export function shapeArea(shape: Shape): number {
  let area = 0;
  for (const poly of shape)
    poly.forEach((ring, k) => {
      area += (k === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring));
    });
  return area;
}

/** Area-weighted centroid of a shape, holes subtracted. */
export function shapeCentroid(shape: Shape): XY {
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

/** Whether `p` lies inside a polygon (even-odd rule, so holes count as outside). */
export function pointInPoly(p: XY, poly: Poly): boolean {
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

/** Whether `p` lies inside any polygon of a shape. */
export function pointInShape(p: XY, shape: Shape): boolean {
  return shape.some((poly) => pointInPoly(p, poly));
}

/** Bounding box `[minX, minY, maxX, maxY]` of a shape's exterior rings. */
export function shapeBbox(shape: Shape): [number, number, number, number] {
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

/** A uniform point of `box` that `accept` takes, by rejection (two draws per try). */
export function randomPointInBox(
  box: readonly number[],
  accept: (p: XY) => boolean,
  random: Random,
): XY {
  for (;;) {
    const p: XY = [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])];
    if (accept(p)) return p;
  }
}

/** Distance from `p` to the nearest edge of any ring of a shape. */
export function distanceToEdges(p: XY, shape: Shape): number {
  let best = Number.POSITIVE_INFINITY;
  for (const poly of shape)
    for (const ring of poly)
      for (let i = 0; i < ring.length - 1; i++)
        best = Math.min(best, distanceToSegment(p, ring[i], ring[i + 1]));
  return best;
}

/** Closed ring of `n` points on an axis-aligned ellipse, counterclockwise. */
export function ellipseRing(cx: number, cy: number, rx: number, ry: number, n: number): Ring {
  const ring: Ring = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    ring.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Distance from `p` to the segment from `a` to `b`. */
export function distanceToSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy), 0, 1);
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
