import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellsToMultiPolygonCoordinates } from '../hex/h3.js';
import type { AnalysisResult } from '../pipeline/analysisResult.js';
import type { ReportInputCounts, ReportModel, ZoneReportRow } from './reportModel.js';
import { roundCoordinates } from './roundCoordinates.js';
import type { ZoneFeatureProperties } from './zonesToFeatureCollection.js';

/**
 * The content of `report.html` and `report.md` for an analysis: parameters and seed, the inputs
 * and how their records were accounted for, each zone's row (from the zones as written, so a
 * public export's suppressed counts stay suppressed), the zones' outlines, the equity table, how
 * concentrated incidents are, and the privacy rules when the export is public.
 *
 * @param result - the result of `analyze`
 * @param context - the version, the inputs' record counts, and the zones as written
 * @returns the report model for `renderReportHtml` / `renderReportMarkdown`
 * @example
 * ```ts
 * const model = analysisToReportModel(result, { version: '0.1.0', inputs, zones });
 * writeFileSync('report.html', renderReportHtml(model));
 * ```
 */
export function analysisToReportModel(
  result: AnalysisResult,
  context: {
    readonly version: string;
    readonly inputs: Readonly<Record<string, ReportInputCounts>>;
    readonly zones: FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProperties>;
    readonly privacyRules?: readonly string[];
  },
): ReportModel {
  const robustness = result.robustness?.zones;
  const zones = context.zones.features.map((feature, z): ZoneReportRow => {
    const p = feature.properties;
    const r = robustness?.[z];
    return {
      id: p.id,
      ...(p.name === undefined ? {} : { name: p.name }),
      rank: p.rank,
      meanScore: p.meanScore,
      maxScore: p.maxScore,
      ...(r === undefined
        ? {}
        : {
            robustness: {
              label: r.label,
              meanProbability: r.meanProbability,
              stableShare: r.stableShare,
            },
          }),
      areaKm2: p.areaKm2,
      population: p.population,
      incidents: p.incidents,
      topCategories: p.topCategories,
      jointClass: p.jointClass,
      trend: p.trend,
      reasons: p.reasons,
      partners: p.partners,
      need: p.need ?? null,
      trust: typeof p.trust === 'number' ? p.trust : null,
    };
  });
  const privacy = result.config.privacy;
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    title: 'hexreach outreach priority zones',
    version: context.version,
    seed: result.config.seed,
    parameters: result.config,
    inputs: context.inputs,
    zones,
    // The study area's outline orients the overview map; 5 decimals (≈ 1 m) keep the report small.
    studyOutline: roundCoordinates(
      { type: 'MultiPolygon', coordinates: cellsToMultiPolygonCoordinates([...result.grid.cells]) },
      { precision: 5 },
    ),
    zoneGeometries: context.zones.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { id: f.properties.id },
    })),
    ...(result.equity === undefined
      ? {}
      : {
          equity: {
            rows: result.equity.rows.map((row) => ({
              name: row.name,
              label: row.label,
              selected: finite(row.selected),
              all: finite(row.all),
              ratio: finite(row.ratio),
              unit: row.unit,
            })),
            selectedPopulation: finite(result.equity.selectedPopulation),
            totalPopulation: finite(result.equity.totalPopulation),
          },
        }),
    concentration: {
      gini: finite(result.concentration.gini),
      generalizedGini: finite(result.concentration.generalizedGini),
      topShares: result.concentration.topShares,
      lorenz: result.concentration.lorenz,
    },
    privacy: { public: privacy.public, minCount: privacy.minCount, rules: context.privacyRules },
    notes: result.notes,
  };
}
