import { zonesToCsv } from '@hexreach/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AnalysisClient } from '../data/analysisClient.js';
import type { LoadedResults } from '../data/results.js';
import { drawMapImage } from '../export/drawMapImage.js';
import { readLegend } from '../export/readLegend.js';
import { zonesForExport, zonesGeoJsonText } from '../export/zonesForExport.js';
import { describeResults } from '../ui/describeResults.js';
import { replaceContent } from '../ui/dom.js';
import { downloadFile } from '../ui/downloadFile.js';
import { type ExportActions, exportControls } from '../ui/exportControls.js';
import { showMessage } from '../ui/messages.js';
import type { ViewerContext } from './context.js';
import type { ZoneMarkersController } from './zoneMarkersController.js';

/** The export panel (see {@link createExportController}). */
export interface ExportController {
  /** Draws the export panel for the results and the zone selected. */
  render(): void;
}

/** What the exports read besides the store. */
export interface ExportSources {
  /** Writes the report of an analysis re-scored in this browser. */
  readonly analysis: Pick<AnalysisClient, 'report'>;
  /** Reports a failed analysis job. */
  readonly failed: (error: unknown, what: string) => void;
  readonly markers: Pick<ZoneMarkersController, 'shownLabels'>;
}

/** Copies the map's pixels while they are drawn (the WebGL buffer is cleared after each frame). */
function snapshotMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')?.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/**
 * The export panel: zones as the CLI writes them (all, or the selected one, as GeoJSON or CSV),
 * the map as a PNG with its legend, rank labels and a caption, and the report.
 *
 * @param ctx - map, store and page
 * @param sources - the worker (for the report), failure reporting and the rank labels
 * @returns the controller
 * @example
 * ```ts
 * const exporter = createExportController(ctx, { analysis, failed, markers });
 * exporter.render();
 * ```
 */
export function createExportController(
  ctx: ViewerContext,
  sources: ExportSources,
): ExportController {
  const { map, store, ui } = ctx;

  const exportMapImage = async (): Promise<void> => {
    if (store.get().results === undefined) return;
    const snapshot = await snapshotMap(map);
    // What is shown once the frame is drawn: the caption and labels describe that image.
    const { results, layers, view, basemapUrl } = store.get();
    if (results === undefined) return;
    const scale = snapshot.width / map.getCanvas().clientWidth;
    const visible = layers
      .filter((l) => view?.layers[l.id]?.visible === true && l.kind !== 'outline')
      .map((l) => l.title);
    const caption = [
      `hexreach — ${visible.join(', ')}`,
      `${describeResults(results)} · exported ${new Date().toISOString().slice(0, 10)}`,
    ];
    if (basemapUrl !== undefined) caption.push(`Basemap: ${basemapUrl}`);
    const labels = sources.markers.shownLabels();
    const image = drawMapImage(snapshot, readLegend(ui.legend), caption, scale, labels);
    image.toBlob((png) => {
      if (png !== null) downloadFile('hexreach-map.png', png);
      else showMessage(ui.messages, 'error', 'The map image could not be made.');
    }, 'image/png');
  };

  // Analysed or re-scored in this browser: the worker writes the report of what is shown when
  // asked, once it is done with any job running (a new job would cancel it).
  const askReport = (save: (html: string) => void): void => {
    if (store.get().busy) {
      setTimeout(() => askReport(save), 50);
      return;
    }
    sources.analysis
      .report()
      .then(save)
      .catch((error: unknown) => sources.failed(error, 'write the report'));
  };

  const actions = (results: LoadedResults, selectedZone: string | undefined): ExportActions => {
    const zonesIn = (scope: 'all' | 'selected') =>
      results.zones === undefined
        ? undefined
        : zonesForExport(
            results.zones,
            scope === 'selected' && selectedZone !== undefined ? [selectedZone] : undefined,
          );
    const baseName = (scope: 'all' | 'selected') =>
      scope === 'selected' && selectedZone !== undefined ? `zone-${selectedZone}` : 'zones';
    const save = (html: string) =>
      downloadFile('report.html', new Blob([html], { type: 'text/html' }));
    return {
      zonesGeoJson: (scope) => {
        const zones = zonesIn(scope);
        if (zones === undefined) return;
        downloadFile(
          `${baseName(scope)}.geojson`,
          new Blob([zonesGeoJsonText(zones)], { type: 'application/geo+json' }),
        );
      },
      zonesCsv: (scope) => {
        const zones = zonesIn(scope);
        if (zones === undefined) return;
        downloadFile(`${baseName(scope)}.csv`, new Blob([zonesToCsv(zones)], { type: 'text/csv' }));
      },
      mapPng: () => void exportMapImage(),
      report: () => {
        if (results.reportHtml !== undefined) save(results.reportHtml);
        else askReport(save);
      },
    };
  };

  return {
    render: () => {
      const { results, selected, lastOutputs } = store.get();
      if (results === undefined) return;
      const selectedZone = selected?.kind === 'zone' ? selected.id : undefined;
      const state = {
        zones: results.zones?.features.length ?? 0,
        selectedZone,
        report: results.reportHtml !== undefined || lastOutputs !== undefined,
      };
      replaceContent(ui.exportPanel, exportControls(state, actions(results, selectedZone)));
    },
  };
}
