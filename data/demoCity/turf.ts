import { multiPolygon, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Ring, Shape, XY } from './plane.js';

/** A plane shape as a turf feature, for turf's clipping and Voronoi operations. */
export function toTurf(shape: Shape): Feature<Polygon | MultiPolygon> {
  const coords = shape.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x, y])));
  return coords.length === 1 ? polygon(coords[0]) : multiPolygon(coords);
}

/** A turf result as a plane shape, each ring closed. */
export function fromTurf(geometry: Polygon | MultiPolygon): Shape {
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
