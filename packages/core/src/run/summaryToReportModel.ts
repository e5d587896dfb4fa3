import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { HexreachConfig } from '../config/configSchema.js';
import { analysisToReportModel } from '../export/analysisToReportModel.js';
import type { ReportInputCounts, ReportModel } from '../export/reportModel.js';
import type { ZoneFeatureProperties } from '../export/zonesToFeatureCollection.js';
import type { AnalysisResult } from '../pipeline/analysisResult.js';

/**
 * The report of a run, stating what its summary.json states: the inputs and how their records
 * were accounted for, the configuration as the summary shows it (file names only when public)
 * and a public run's privacy rules. The CLI's report.html and report.md and the viewer's report
 * are made from it, so they cannot tell a different story from the summary.
 *
 * @param result - the analysis
 * @param summary - its summary (see buildSummary)
 * @param zones - its zones as zones.geojson holds them (see analysisToZones)
 * @returns the report's model, for renderReportHtml and renderReportMarkdown
 * @example
 * ```ts
 * const summary = buildSummary(result, inputs, { version: '0.1.0' });
 * const html = renderReportHtml(summaryToReportModel(result, summary, analysisToZones(result)));
 * ```
 */
export function summaryToReportModel(
  result: AnalysisResult,
  summary: Readonly<Record<string, unknown>>,
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneFeatureProperties>,
): ReportModel {
  const privacy = summary.privacy as PublicPrivacy | undefined;
  const config = summary.parameters as HexreachConfig;
  return analysisToReportModel(
    { ...result, config },
    {
      version: String(summary.hexreach),
      inputs: summary.inputs as Record<string, ReportInputCounts>,
      zones,
      privacyRules:
        privacy?.rules === undefined ? undefined : [...guaranteeLines(privacy), ...privacy.rules],
    },
  );
}

/** A public summary's privacy section, as buildSummary writes it. */
interface PublicPrivacy {
  readonly rules?: string[];
  readonly epsilon?: number;
  readonly mechanism?: string;
  readonly guarantee?: string;
  readonly tables?: readonly { table: string; share: number; sensitivity: number }[];
}

/** ε, the mechanism and each table's share and Δ, then the guarantee in words. */
function guaranteeLines(privacy: PublicPrivacy): string[] {
  if (privacy.epsilon === undefined || privacy.tables === undefined) return [];
  const tables = privacy.tables
    .map((t) => `${t.table} (${Math.round(t.share * 100)} % of ε, Δ = ${t.sensitivity})`)
    .join('; ');
  return [
    `ε-differential privacy with ε = ${privacy.epsilon}, by ${privacy.mechanism} noise on ${tables}. ${privacy.guarantee}`,
  ];
}
