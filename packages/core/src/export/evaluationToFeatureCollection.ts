import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { HexreachError } from '../errors.js';
import type { EvaluationRun } from '../evaluate/evaluateRun.js';
import { zoneToPolygon } from '../zones/zoneToPolygon.js';
import { rewindRfc7946 } from './rewindRfc7946.js';
import { roundCoordinates } from './roundCoordinates.js';
import { splitAntimeridian } from './splitAntimeridian.js';

/** The properties of one zone in `evaluation-zones.geojson`; `null` where a number is missing. */
export interface EvaluationZoneProperties {
  /** The zone's id, as in `evaluation.json`. */
  readonly id: string;
  readonly name: string;
  /** Start of the work, `YYYY-MM-DD`. */
  readonly start: string;
  /** Estimated change in incidents against matched areas, a fraction (−0.18 for −18 %). */
  readonly change: number | null;
  /** The interval of `change` at `confidence`. */
  readonly low: number | null;
  readonly high: number | null;
  readonly confidence: number;
  /** Placebo p-value of the change. */
  readonly p: number | null;
  /** Weighted displacement quotient of the ring, and its reading in words. */
  readonly wdq: number | null;
  readonly reading: string;
}

const finite = (x: number): number | null =>
  Number.isFinite(x) ? Number(x.toPrecision(10)) : null;

/**
 * The zones of an evaluation as an RFC 7946 FeatureCollection, for maps: one feature per zone in
 * the order of `evaluation.json`, its geometry the outline of the zone's cells (holes kept,
 * rounded, counter-clockwise `[lng, lat]`), its properties the estimate a map colours by
 * ({@link EvaluationZoneProperties}). `evaluation.json` holds no geometry; this file is its map.
 *
 * @param run - the evaluation (`evaluateRun`)
 * @param options - coordinate `precision` (default 6 decimals, about 0.1 m)
 * @returns a FeatureCollection of Polygon (MultiPolygon for a zone whose cells do not touch) features
 * @throws HexreachError `E_ARGUMENT` when the run's zones and zone cells disagree in number
 * @example
 * ```ts
 * const collection = evaluationToFeatureCollection(evaluateRun(inputs, config));
 * collection.features[0].properties.change; // -0.31
 * ```
 */
export function evaluationToFeatureCollection(
  run: Pick<EvaluationRun, 'zones' | 'zoneCells' | 'grid'>,
  options: { readonly precision?: number } = {},
): FeatureCollection<Polygon | MultiPolygon, EvaluationZoneProperties> {
  const precision = options.precision ?? 6;
  if (run.zones.length !== run.zoneCells.length) {
    throw new HexreachError(
      'E_ARGUMENT',
      `evaluationToFeatureCollection: ${run.zones.length} zones but ${run.zoneCells.length} zone cell lists`,
      run.zoneCells.length,
    );
  }
  const features = run.zones.map(
    (zone, z): Feature<Polygon | MultiPolygon, EvaluationZoneProperties> => {
      const cells = Array.from(run.zoneCells[z].cells, (c) => run.grid.cells[c]);
      return {
        type: 'Feature',
        geometry: rewindRfc7946(
          roundCoordinates(splitAntimeridian(zoneToPolygon(cells)), { precision }),
        ),
        properties: {
          id: zone.id,
          name: zone.name,
          start: zone.start,
          change: finite(zone.crime.change),
          low: finite(zone.crime.low),
          high: finite(zone.crime.high),
          confidence: zone.crime.confidence,
          p: finite(zone.crime.p),
          wdq: finite(zone.displacement.wdq),
          reading: zone.displacement.reading,
        },
      };
    },
  );
  return { type: 'FeatureCollection', features };
}
