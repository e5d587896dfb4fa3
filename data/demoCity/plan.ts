import { difference, featureCollection } from '@turf/turf';
import { type Poly, type Ring, type Shape, shapeArea, shapeCentroid, type XY } from './plane.js';
import { fromTurf, toTurf } from './turf.js';

/** Centre of business: tracts are smallest and people densest around it. */
export const CBD: XY = [0.8, -0.6];
/** Half the river's width; the river itself belongs to no tract. */
export const RIVER_HALF_WIDTH_KM = 0.06;

/**
 * The city: an irregular outline, a lake biting into its east side, a river from the west edge
 * into the lake that splits it into a north and a south side.
 */
export interface CityPlan {
  readonly outline: Ring;
  readonly lake: Ring;
  /** North side first, then south side. */
  readonly sides: readonly [Poly, Poly];
  readonly shape: Shape;
}

/** The river's centre line: how far north (km) it runs at `x` km east. */
export function riverY(x: number): number {
  return 0.5 + 0.6 * Math.sin(0.5 * x + 0.8) + 0.18 * Math.sin(1.4 * x + 2.0);
}

function cityOutline(): Ring {
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
  return outline;
}

function lakeShore(): Ring {
  const lake: Ring = [];
  for (let k = 0; k < 96; k++) {
    const t = (2 * Math.PI * k) / 96;
    const wobble = 1 + 0.05 * Math.sin(3 * t + 0.5) + 0.03 * Math.sin(5 * t + 1.3);
    lake.push([8.3 + 3.0 * wobble * Math.cos(t), 1.2 + 2.7 * wobble * Math.sin(t)]);
  }
  lake.push(lake[0]);
  return lake;
}

function riverBanks(): Ring {
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
  return river;
}

/** The fixed layout of the city, the same for every seed (it draws nothing). */
export function buildCity(): CityPlan {
  const outline = cityOutline();
  const lake = lakeShore();
  const river = riverBanks();
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
