import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AnalysisResult } from '../pipeline/analysisResult.js';
import {
  type ZoneFeatureProperties,
  zonesToFeatureCollection,
} from './zonesToFeatureCollection.js';

/**
 * The `zones.geojson` of an analysis: each zone's outline and properties, with its reasons,
 * profile, suggested partners and robustness, coordinates rounded to `config.output.precision`
 * and small counts suppressed in a public export. The CLI and the viewer both write zones through
 * this function, so the two give the same file.
 *
 * @param result - the result of `analyze`
 * @returns an RFC 7946 FeatureCollection, one feature per zone in rank order
 * @example
 * ```ts
 * const zones = analysisToZones(analyze(inputs, config));
 * zones.features[0].properties.reasons;
 * ```
 */
export function analysisToZones(
  result: AnalysisResult,
): FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProperties> {
  const { public: isPublic, minCount } = result.config.privacy;
  return zonesToFeatureCollection(result.zones, {
    precision: result.config.output.precision,
    minCount: isPublic ? minCount : undefined,
    details: result.zoneDetails,
    robustness: result.robustness?.zones,
  });
}
