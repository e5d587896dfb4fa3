import 'maplibre-gl/dist/maplibre-gl.css';
import './style.css';
import { createAnalysisController } from './controllers/analysisController.js';
import { installBasemap } from './controllers/basemapController.js';
import type { ViewerContext } from './controllers/context.js';
import { createEvaluationController } from './controllers/evaluationController.js';
import { createExportController } from './controllers/exportController.js';
import { createFilterController } from './controllers/filterController.js';
import { installHover } from './controllers/hoverController.js';
import { createLegendController } from './controllers/legendController.js';
import { createLoadController } from './controllers/loadController.js';
import { createMapController } from './controllers/mapController.js';
import { createReferenceController } from './controllers/referenceController.js';
import { createRescoreController } from './controllers/rescoreController.js';
import { createSelectionController } from './controllers/selectionController.js';
import { createTimeController } from './controllers/timeController.js';
import { createViewController } from './controllers/viewController.js';
import { createZoneListController } from './controllers/zoneListController.js';
import { createZoneMarkersController } from './controllers/zoneMarkersController.js';
import { createAnalysisClient } from './data/analysisClient.js';
import { createMap } from './map/createMap.js';
import { createLayerColoring } from './map/layerColoring.js';
import { installLocalGlyphs } from './map/localGlyphs.js';
import { createViewerStore } from './state/store.js';
import { mirrorViewInHash } from './state/viewHash.js';
import { createTestProbe, installTestHooks, isTestMode } from './testHooks.js';
import { readBasemapUrl } from './ui/basemapSetting.js';
import { pageElements } from './ui/pageElements.js';

const params = new URLSearchParams(location.search);
const testMode = isTestMode(params);
const ui = pageElements();
installLocalGlyphs();
const store = createViewerStore(readBasemapUrl());
const map = createMap(ui.map, store.get().basemapUrl, testMode);
const ctx: ViewerContext = { map, store, ui };
const client = createAnalysisClient();
const probe = createTestProbe();
const coloring = createLayerColoring();
mirrorViewInHash(store);

// Controllers created further down are reached through arrow functions, called only later.
const markers = createZoneMarkersController(ctx, (id) => selection.selectZone(id, false));
const references = createReferenceController(ctx);
const mapView = createMapController(ctx, coloring, markers, references.raise);
const legend = createLegendController(ctx, coloring);
const exporter = createExportController(ctx, {
  analysis: client,
  failed: (error, what) => analysis.failed(error, what),
  markers,
});
const zones = createZoneListController(ctx, {
  select: (id) => selection.selectZone(id),
  renderExport: exporter.render,
});
const selection = createSelectionController(ctx, mapView, zones);
installHover(ctx, mapView, selection);
const time = createTimeController(ctx, {
  mapView,
  legend,
  updateView: (next) => views.updateView(next),
});
const views = createViewController(ctx, {
  mapView,
  markers,
  legend,
  zones,
  renderTime: time.render,
});
const rescore = createRescoreController(ctx, {
  client,
  failed: (error, what) => analysis.failed(error, what),
  mapView,
  markers,
  coloring,
  legend,
  zones,
  selection,
  renderPanels: views.renderPanels,
  probe,
});
const analysis = createAnalysisController(ctx, {
  client,
  load: (source, options) => loader.load(source, options),
  renderWeights: rescore.renderWeights,
  renderFilters: () => filters.render(),
  openEvaluation: (source) => evaluations.open(source),
});
const filters = createFilterController(ctx, {
  client,
  loadOutputs: analysis.loadOutputs,
  failed: analysis.failed,
  renderWeights: rescore.renderWeights,
});
const evaluations = createEvaluationController(ctx, { mapView });
const loader = createLoadController(ctx, {
  mapView,
  coloring,
  probe,
  analyseRaw: analysis.analyseRaw,
  openEvaluation: evaluations.open,
  stopPlaying: time.stopPlaying,
  renderPanels: views.renderPanels,
  renderDetails: () => selection.renderDetails(),
  renderWeights: rescore.renderWeights,
  addReferences: references.add,
  openBasemap: (file) => basemap.openPmtiles(file),
});
const basemap = installBasemap(ctx, { mapView, markers });

loader.openLinkedResults(params);
// Without results to open, the page offers to analyse files: the worker loads while they are picked.
if (!params.has('results')) map.once('load', () => client.prepare());
const linkedBasemap = params.get('basemap');
// Only a file of the page's own server (hexreach view --basemap): a link names no other host.
if (linkedBasemap !== null && /^[\w.-]+\.pmtiles$/.test(linkedBasemap))
  void basemap.openPmtiles(linkedBasemap);
if (testMode) installTestHooks(window, { map, store, probe, drawn: mapView.drawn });
