import { toLngLat } from './degrees.js';
import type { CityPlan } from './plan.js';
import {
  distanceToEdges,
  pointInShape,
  randomPointInBox,
  type Shape,
  shapeBbox,
  type XY,
} from './plane.js';
import type { Random } from './random.js';
import type { TractRecord } from './tracts.js';

/** About 0.2 m: closer to a tract edge than this, point-in-polygon tests may disagree. */
const EDGE_DEGREES = 2e-6;

/** The drawn city that incidents, organizations and answers are placed in. */
export interface Placement {
  readonly city: CityPlan;
  readonly tracts: readonly TractRecord[];
  /** See {@link makeLocator}. */
  readonly locate: (p: XY) => number;
  /** A uniform point that lands strictly inside tract `t` once rounded. */
  readonly pointIn: (t: number, random: Random) => XY;
}

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

/** The {@link Placement} of a city's tracts; `degrees` are the tract shapes as written. */
export function makePlacement(
  city: CityPlan,
  tracts: readonly TractRecord[],
  degrees: readonly Shape[],
): Placement {
  const tractBoxes = tracts.map((t) => shapeBbox(t.plan.shape));
  const locate = makeLocator(degrees);
  return {
    city,
    tracts,
    locate,
    pointIn: (t, random) => randomPointInBox(tractBoxes[t], (p) => locate(p) === t, random),
  };
}
