import 'maplibre-gl/dist/maplibre-gl.css';
import './style.css';
import { zonesToCsv } from '@hexreach/core';
import {
  type GeoJSONSource,
  type MapGeoJSONFeature,
  Map as MapLibreMap,
  type MapMouseEvent,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { AnalysisCancelled, createAnalysisClient } from './data/analysisClient.js';
import type {
  AnalysisOutputs,
  AnalysisSettings,
  IncidentFilters,
  RawInputs,
} from './data/analyzeRawInputs.js';
import { applyRescore } from './data/applyRescore.js';
import { assignInputRoles } from './data/assignInputRoles.js';
import { fileResultSource, type PickedFile } from './data/fileResultSource.js';
import { loadResults } from './data/loadResults.js';
import { memoryResultSource } from './data/memoryResultSource.js';
import type { ResultSource } from './data/ResultSource.js';
import type {
  LoadedResults,
  OrganizationProperties,
  ResultSummary,
  ZoneProperties,
} from './data/results.js';
import { urlResultSource } from './data/urlResultSource.js';
import { drawMapImage } from './export/drawMapImage.js';
import { readLegend } from './export/readLegend.js';
import { zonesForExport, zonesGeoJsonText } from './export/zonesForExport.js';
import { cellPicker } from './map/cellPicker.js';
import { type Classification, classify, fixedClassification } from './map/classify.js';
import { type CategoryClassification, classifyCategories } from './map/classifyCategories.js';
import { giBinColors } from './map/colorSchemes.js';
import { applyView, drawResults, type MeshLayers } from './map/drawResults.js';
import { featureBounds } from './map/featureBounds.js';
import { groupOutlines } from './map/groupOutlines.js';
import { availableLayers, type LayerDefinition, otherColumns } from './map/layerCatalog.js';
import { type CellColoring, layerCellColors } from './map/layerCellColors.js';
import { offlineStyle, organizationColors, PREFIX, SOURCES } from './map/layers.js';
import { nextFrameFinished } from './map/nextFrameFinished.js';
import { zoneGroups } from './map/zoneGroups.js';
import { zoneLabelPoints } from './map/zoneLabelPoints.js';
import { hashToSettings, hashToViewState, viewStateToHash } from './state/hashState.js';
import { defaultViewState, type LayerView, type ViewState } from './state/viewState.js';
import { basemapForm, readBasemapUrl, saveBasemapUrl } from './ui/basemapSetting.js';
import { h, replaceContent, updateAttribute, updateText } from './ui/dom.js';
import { downloadFile } from './ui/downloadFile.js';
import { exportControls } from './ui/exportControls.js';
import { filterControls } from './ui/filterControls.js';
import { columnLabel, formatCellValue, formatNumber, giBinShortLabels } from './ui/format.js';
import { installDropTarget } from './ui/installDropTarget.js';
import { clearMessage, showMessage } from './ui/messages.js';
import { cellDetails, organizationDetails, zoneDetails } from './ui/renderDetails.js';
import { layerPanel } from './ui/renderLayerPanel.js';
import { categoryClassLegend, categoryLegend, classLegend } from './ui/renderLegend.js';
import { styleControls } from './ui/renderStyleControls.js';
import { type ZoneList, zoneList } from './ui/renderZoneList.js';
import { timeControls } from './ui/timeControls.js';
import { hideTooltip, showTooltip } from './ui/tooltip.js';
import { type WeightControls, weightControls } from './ui/weightControls.js';

// MapLibre looks for its worker beside its own module, which bundling moves; point it at the
// copy Vite emits with the app (same origin, so it works offline and under a strict CSP).
setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
/** `?test`: keep the drawing buffer readable and expose the map to end-to-end tests. */
const testMode = params.has('test');

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`hexreach viewer: the page has no #${id}`);
  return element as T;
}

const ui = {
  status: byId('status'),
  messages: byId('messages'),
  layers: byId('layers'),
  styleControls: byId('style-controls'),
  styleLayerName: byId('style-layer-name'),
  legend: byId('legend'),
  legendBox: byId('legend-box'),
  legendToggle: byId<HTMLButtonElement>('legend-toggle'),
  zones: byId('zones'),
  details: byId('details'),
  tooltip: byId('tooltip'),
  welcome: byId('welcome'),
  dropOverlay: byId('drop-overlay'),
  openFiles: byId<HTMLInputElement>('open-files'),
  openFolder: byId<HTMLInputElement>('open-folder'),
  basemapPanel: byId('basemap-panel'),
  progress: byId('progress'),
  progressLabel: byId('progress-label'),
  progressBar: byId<HTMLProgressElement>('progress-bar'),
  progressCancel: byId<HTMLButtonElement>('progress-cancel'),
  weightsPanel: byId('panel-weights'),
  weights: byId('weights'),
  exportPanel: byId('export-panel'),
  filtersPanel: byId('panel-filters'),
  filters: byId('filters'),
  timePanel: byId('panel-time'),
  time: byId('time'),
};

let basemapUrl = readBasemapUrl();

const map = new MapLibreMap({
  container: byId('map'),
  style: basemapUrl ?? offlineStyle(),
  center: [0, 20],
  zoom: 1.5,
  attributionControl: { compact: true },
  canvasContextAttributes: { preserveDrawingBuffer: testMode },
  fadeDuration: testMode ? 0 : 300,
});
map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');

/** The app's state: the results shown, their layers, the view, and what is selected. */
let results: LoadedResults | undefined;
let layers: LayerDefinition[] = [];
let view: ViewState | undefined;
let selected: { kind: 'cell'; h3: string } | { kind: 'zone'; id: string } | undefined;
let hovered: string | undefined;
let zoneMarkers: Marker[] = [];
/**
 * The zones drawn — outlines, rank labels, the ranked list — as each cell's zone (its place in
 * `list`, −1 for none) and the zones' properties, rank 1 first. They come from the results, or,
 * while a re-score runs, from the worker's zones ahead of the rest of it (`ahead`).
 */
let shownZones:
  | {
      readonly groups: Int32Array;
      readonly list: readonly ZoneProperties[];
      readonly ahead: boolean;
    }
  | undefined;
/** A zone chosen while the zones shown were ahead of the results: selected once they arrive. */
let selectWhenRescored: string | undefined;
/** Position of each cell (by H3 index) among the features of cells.geojson. */
let cellIndex = new Map<string, number>();
/** The index of the cell at a position, or −1 (see cellPicker). */
let cellAt: (lng: number, lat: number) => number = () => -1;
/** The map's layers drawn from the cells' mesh: the cell layers and the zones' outlines. */
let drawn: MeshLayers | undefined;
let loads = 0;
const classificationCache = new Map<string, Classification>();
const categoryCache = new Map<string, CategoryClassification>();

// ——— Classification: one d3 scale per cell layer colours the map and draws the legend. ———

function layerById(id: string): LayerDefinition | undefined {
  return layers.find((l) => l.id === id);
}

function columnOf(layer: LayerDefinition, layerView: LayerView): string | undefined {
  return layer.id === 'column' ? layerView.column : layer.column;
}

function classificationOf(layerId: string): Classification | undefined {
  const layer = layerById(layerId);
  if (results === undefined || view === undefined || layer === undefined) return undefined;
  const layerView = view.layers[layerId];
  const column = columnOf(layer, layerView);
  const values = numericValuesOf(layer);
  if (column === undefined || values === undefined) return undefined;
  const key =
    layer.kind === 'bins'
      ? `${layerId}|${column}|${layer.id === 'gi_step' ? view.step : ''}`
      : `${layerId}|${column}|${layerView.method}|${layerView.classes}|${layerView.scheme}`;
  let classification = classificationCache.get(key);
  if (classification === undefined) {
    classification =
      layer.kind === 'bins'
        ? fixedClassification(
            values,
            [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5],
            giBinColors,
            giBinShortLabels,
          )
        : classify(values, {
            method: layerView.method,
            classes: layerView.classes,
            scheme: layerView.scheme,
          });
    classificationCache.set(key, classification);
  }
  return classification;
}

/** The categories of a `categories` layer, counted in the data (cached per load). */
function categoriesOf(layer: LayerDefinition): CategoryClassification | undefined {
  const values = layer.column === undefined ? undefined : results?.texts[layer.column];
  if (values === undefined || layer.categories === undefined) return undefined;
  let classification = categoryCache.get(layer.id);
  if (classification === undefined) {
    classification = classifyCategories(values, layer.categories);
    categoryCache.set(layer.id, classification);
  }
  return classification;
}

/**
 * The numbers a numeric or bins layer draws: its column, or for the time-step layer the Gi* bins
 * of the step shown.
 */
function numericValuesOf(layer: LayerDefinition): ArrayLike<number> | undefined {
  if (results === undefined || view === undefined) return undefined;
  if (layer.id === 'gi_step')
    return view.step === undefined ? undefined : results.spaceTime?.bins[view.step];
  const column = columnOf(layer, view.layers[layer.id]);
  return column === undefined ? undefined : results.columns[column];
}

/** What a cell layer is coloured by: its values and the classification its legend shows. */
function coloringOf(layerId: string): CellColoring | undefined {
  const layer = layerById(layerId);
  if (layer === undefined || results === undefined) return undefined;
  if (layer.kind === 'categories') {
    const classification = categoriesOf(layer);
    const values = layer.column === undefined ? undefined : results.texts[layer.column];
    return classification === undefined || values === undefined
      ? undefined
      : { kind: 'categories', values, classification };
  }
  const classification = classificationOf(layerId);
  const values = numericValuesOf(layer);
  return classification === undefined || values === undefined
    ? undefined
    : { kind: 'scale', values, scale: classification.scale };
}

/**
 * What each cell layer's colours were made from (values and classification, by identity), so
 * that a view change recolours only the layers whose data or classes changed.
 */
const painted = new Map<string, { values: unknown; scale: unknown }>();

/** The bytes each colouring is written in before a cell layer copies them. */
let colorScratch = new Uint8Array(0);

/** Gives each shown cell layer the colours of its current values and classes. */
function recolorCells(): void {
  if (view === undefined) return;
  for (const [id, layer] of drawn?.cells ?? []) {
    // A hidden layer is coloured when it is shown.
    if (view.layers[id]?.visible !== true) continue;
    const coloring = coloringOf(id);
    const values = coloring?.values;
    const scale = coloring?.kind === 'scale' ? coloring.scale : coloring?.classification;
    const last = painted.get(id);
    if (last !== undefined && last.values === values && last.scale === scale) continue;
    // The layer copies the colours: the same bytes serve every colouring (fresh memory is slow).
    if (colorScratch.length !== 4 * cellIndex.size)
      colorScratch = new Uint8Array(4 * cellIndex.size);
    // Nothing to colour by (the column is gone): the layer draws nothing rather than old colours.
    layer.setColors(
      coloring === undefined ? colorScratch.fill(0) : layerCellColors(coloring, colorScratch),
    );
    painted.set(id, { values, scale });
  }
}

function plan() {
  if (view === undefined) throw new Error('no view');
  return { layers, view };
}

/** The full properties of a cell, by its H3 index. */
function cellProperties(h3: string): Record<string, unknown> | undefined {
  const index = cellIndex.get(h3);
  return index === undefined ? undefined : results?.cells.features[index].properties;
}

// ——— Loading ———

/** How a load is made. */
interface LoadOptions {
  /** Files picked or dropped that are not results (listed in a note). */
  readonly ignored?: readonly string[];
  /** Keep the map where it is (re-scoring), instead of fitting the data. */
  readonly keepCamera?: boolean;
  /** The results come from an analysis in this browser, which can be re-scored. */
  readonly weights?: Readonly<Record<string, number>>;
}

async function load(source: ResultSource, options: LoadOptions = {}): Promise<void> {
  setStatus(`Loading results from ${source.description}…`);
  try {
    const loaded = await loadResults(source);
    show(loaded, options.keepCamera ?? false);
    loads++;
    weights = options.weights === undefined ? undefined : { ...options.weights };
    if (options.weights === undefined) lastOutputs = undefined;
    renderWeights();
    const notes = [...loaded.notes];
    const ignored = options.ignored ?? [];
    if (ignored.length > 0) {
      notes.push(
        `Not used: ${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ` and ${ignored.length - 5} more` : ''}.`,
      );
    }
    if (notes.length > 0) showMessage(ui.messages, 'info', 'Results loaded.', notes);
    else clearMessage(ui.messages);
  } catch (error) {
    // HexreachErrors name the file and the problem; anything else is shown as it is.
    showMessage(
      ui.messages,
      'error',
      `Could not load results from ${source.description}: ${errorMessage(error)}`,
      results === undefined ? [] : ['The map still shows the results loaded before.'],
    );
    setStatus(results === undefined ? 'No results loaded' : describeResults(results));
  }
}

/** Results (a cells.geojson among the files) are loaded; other data files are analysed. */
function loadPicked(files: readonly PickedFile[]): void {
  if (files.length === 0) return;
  const isResults = files.some((f) => f.file.name.toLowerCase() === 'cells.geojson');
  const isRaw = files.some((f) => /\.(csv|geojson|json)$/i.test(f.file.name));
  if (!isResults && isRaw) {
    void analyseRaw(files);
    return;
  }
  const { source, ignored } = fileResultSource(files);
  void load(source, { ignored });
}

// ——— Raw data: analysed by @hexreach/core in a worker; weights re-score there ———

const analysis = createAnalysisClient();
/** The priority weights of the analysis shown, when it ran in this browser (else undefined). */
let weights: Record<string, number> | undefined;
/** The outputs of the analysis shown, when it ran in this browser (its incidents and filters). */
let lastOutputs: AnalysisOutputs | undefined;
let analysisOrigin = '';
let reweighting = false;
let pendingSettings: AnalysisSettings | undefined;

function showProgress(label: string, fraction: number): void {
  ui.progress.hidden = false;
  ui.progressLabel.textContent = label;
  ui.progressBar.value = Math.max(0, Math.min(1, fraction));
}

function hideProgress(): void {
  ui.progress.hidden = true;
}

async function analyseRaw(files: readonly PickedFile[]): Promise<void> {
  let inputs: RawInputs;
  try {
    inputs = await assignInputRoles(files);
  } catch (error) {
    showMessage(ui.messages, 'error', `Could not analyse the files: ${errorMessage(error)}`);
    return;
  }
  const names = [inputs.incidents, inputs.areas, inputs.organizations, inputs.surveys]
    .filter((f) => f !== undefined)
    .map((f) => f.name);
  analysisOrigin = `analysis in this browser of ${names.join(', ')}`;
  clearMessage(ui.messages);
  showProgress(`Starting the analysis of ${names.join(', ')}`, 0);
  setStatus('Analysing…');
  try {
    // A shared link's weights and filters apply to the analysis of the same files.
    const outputs = await analysis.analyze(inputs, hashToSettings(location.hash), showProgress);
    await loadOutputs(outputs, false);
  } catch (error) {
    analysisFailed(error, 'analyse the files');
  } finally {
    hideProgress();
  }
}

async function loadOutputs(outputs: AnalysisOutputs, keepCamera: boolean): Promise<void> {
  const source = memoryResultSource(analysisOrigin, {
    'cells.geojson': outputs.cellsText,
    'zones.geojson': outputs.zonesText,
    'summary.json': outputs.summaryText,
    ...(outputs.organizationsText === undefined
      ? {}
      : { 'organizations.geojson': outputs.organizationsText }),
    ...(outputs.spaceTimeText === undefined ? {} : { 'spacetime.json': outputs.spaceTimeText }),
    'report.html': outputs.reportHtml,
  });
  const configured = (JSON.parse(outputs.summaryText) as ResultSummary).parameters?.priority
    ?.weights;
  lastOutputs = outputs;
  await load(source, { keepCamera, weights: configured ?? outputs.weights });
  renderFilters();
}

function analysisFailed(error: unknown, what: string): void {
  setStatus(results === undefined ? 'No results loaded' : describeResults(results));
  const before = results === undefined ? [] : ['The map still shows the results loaded before.'];
  if (error instanceof AnalysisCancelled) {
    showMessage(ui.messages, 'info', 'The analysis was cancelled.', before);
    weights = analysis.canReweight() ? weights : undefined;
    renderWeights();
  } else {
    showMessage(ui.messages, 'error', `Could not ${what}: ${errorMessage(error)}`, before);
  }
}

/** Weights asked for while a re-score ran: the last ones win. */
let pendingWeights: Record<string, number> | undefined;

/**
 * Re-scores the analysis shown in the worker and updates only what the weights change: first
 * the cells' colours, the zones' outlines, labels and ranked list from the new scores and zones
 * (the worker's first answer, drawn in one frame); once the map has drawn those, the worker
 * computes the rest (reasons, zone details, summary), which updates the panels.
 */
function reweight(next: Record<string, number>): void {
  const started = performance.now();
  weights = next;
  if (view !== undefined) view = { ...view, weights: next };
  if (reweighting) {
    pendingWeights = next;
    writeHash();
    renderWeights();
    return;
  }
  reweighting = true;
  const times: RescoreTimes = {
    scored: 0,
    colored: 0,
    zonesShown: 0,
    painted: 0,
    worker: 0,
    total: 0,
  };
  const since = () => performance.now() - started;
  analysis
    // The worker computes the rest (which takes longer) once the map is drawn, so as not to
    // slow the drawing down.
    .rescore(next, ({ scores, zones }) => {
      if (results === undefined) return;
      times.scored = since();
      showScores(scores);
      times.colored = since();
      showZones({ groups: zones.zoneOfCell, list: zones.zones, ahead: true });
      times.zonesShown = since();
      const drawn = nextFrameFinished(map).then((at) => {
        times.painted = at - started;
      });
      map.triggerRepaint();
      return drawn;
    })
    .then((update) => {
      if (results === undefined) return;
      times.worker = since();
      const applied = applyRescore(results, update);
      showRescored(applied.results, applied.changed, update.weights);
      times.total = since();
      lastRescore = times;
    })
    .catch((error: unknown) => {
      // The zones drawn ahead belong to a re-score that failed: back to the results'.
      if (shownZones?.ahead === true) showZones(zonesOfResults(results));
      selectWhenRescored = undefined;
      analysisFailed(error, 're-score');
    })
    .finally(() => {
      reweighting = false;
      const queued = pendingWeights;
      pendingWeights = undefined;
      if (queued !== undefined) reweight(queued);
      else renderWeights();
    });
  // The worker is asked first: the link and the sliders (which now start from these weights,
  // so the next move keeps this one's value) are updated while it computes.
  writeHash();
  renderWeights();
}

/**
 * Milliseconds from the slider's release to each step of a re-score: the worker's new scores
 * and zones arrived; the cells had their colours; the zones' outlines, labels and list were
 * shown; the GPU had drawn them all (one frame); the whole re-score arrived (asked for after
 * that frame), and it was applied and shown (cells' properties, zone details, panels).
 */
interface RescoreTimes {
  scored: number;
  colored: number;
  zonesShown: number;
  painted: number;
  worker: number;
  total: number;
}

/** The times of the last re-score. */
let lastRescore: RescoreTimes | undefined;

/**
 * A re-score's first answer, its scores: the new score columns recolour the layers drawing them
 * (and their legends) at once; the cells' properties and panels follow with the whole update.
 */
function showScores(scores: Readonly<Record<string, Float64Array>>): void {
  if (results === undefined) return;
  results = { ...results, columns: { ...results.columns, ...scores } };
  forgetClassifications(Object.keys(scores));
  recolorCells();
  renderLegend();
}

/** Drops the classifications of some columns, whose values changed (keys are layer|column|…). */
function forgetClassifications(columns: readonly string[]): void {
  for (const key of [...classificationCache.keys()]) {
    if (columns.includes(key.split('|')[1])) classificationCache.delete(key);
  }
}

/** Shows re-scored results without reloading the cells: the layers of changed columns recoloured. */
function showRescored(
  next: LoadedResults,
  changed: readonly string[],
  shares: Readonly<Record<string, number>>,
): void {
  const previous = results;
  results = next;
  // Only the classifications of columns with new values are stale (keys are layer|column|…);
  // the scores the page was given first keep their arrays (see applyRescore).
  forgetClassifications(changed.filter((c) => previous?.columns[c] !== next.columns[c]));
  const chosen = selected;
  if (chosen?.kind === 'zone' && !next.zones?.features.some((z) => z.properties.id === chosen.id))
    selected = undefined;
  refreshMap();
  // Usually the very zones drawn ahead: then their outlines and labels stay as they are.
  showZones(zonesOfResults(next));
  // The sliders show the weights as configured (not their shares), as after a full run, unless
  // the user has moved on to others, which are being re-scored next.
  weights = pendingWeights ?? { ...(next.summary?.parameters?.priority?.weights ?? shares) };
  loads++;
  renderPanels();
  renderDetails();
  renderWeights();
  setStatus(describeResults(next));
  const wanted = selectWhenRescored;
  selectWhenRescored = undefined;
  if (wanted !== undefined) selectZone(wanted);
}

function applyFilters(filters: IncidentFilters): void {
  rerun({ weights, filters }, 'Analysing the incidents chosen');
}

/** Runs the analysis again in the worker; the view (and link) records what was asked for. */
function rerun(settings: AnalysisSettings, label: string): void {
  if (view !== undefined) {
    view = { ...view, weights: settings.weights, filters: settings.filters };
    writeHash();
  }
  if (reweighting) {
    // One run at a time; the last settings asked for win.
    pendingSettings = settings;
    renderWeights();
    return;
  }
  reweighting = true;
  renderWeights();
  renderFilters();
  showProgress(label, 0.5);
  analysis
    .rerun(settings, showProgress)
    .then((outputs) => loadOutputs(outputs, true))
    .catch((error: unknown) => analysisFailed(error, 'run the analysis again'))
    .finally(() => {
      reweighting = false;
      hideProgress();
      const queued = pendingSettings;
      pendingSettings = undefined;
      if (queued !== undefined) rerun(queued, label);
      else {
        renderWeights();
        renderFilters();
      }
    });
}

function renderFilters(): void {
  ui.filtersPanel.hidden = lastOutputs === undefined;
  if (lastOutputs === undefined) return;
  replaceContent(
    ui.filters,
    filterControls(lastOutputs.incidents, lastOutputs.filters, reweighting, applyFilters),
  );
}

/** The weight sliders shown, updated in place while the components stay the same. */
let weightPanel: WeightControls | undefined;

function renderWeights(): void {
  ui.weightsPanel.hidden = weights === undefined;
  if (weights === undefined) return;
  const names = Object.keys(weights);
  if (
    weightPanel !== undefined &&
    ui.weights.contains(weightPanel.element) &&
    weightPanel.components.length === names.length &&
    weightPanel.components.every((name, k) => name === names[k])
  ) {
    weightPanel.update(weights, reweighting);
    return;
  }
  weightPanel = weightControls(weights, reweighting, reweight);
  replaceContent(ui.weights, weightPanel.element);
}

ui.progressCancel.addEventListener('click', () => analysis.cancel());

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeResults(r: LoadedResults): string {
  const zones = r.zones?.features.length;
  const parts = [
    `${formatNumber(r.cells.features.length)} cells`,
    zones === undefined ? undefined : `${formatNumber(zones)} zone${zones === 1 ? '' : 's'}`,
    r.organizations === undefined
      ? undefined
      : `${formatNumber(r.organizations.features.length)} organizations`,
  ].filter((p) => p !== undefined);
  const version =
    typeof r.summary?.hexreach === 'string' ? ` · hexreach ${r.summary.hexreach}` : '';
  return `Results from ${r.origin}: ${parts.join(', ')}${version}`;
}

function show(loaded: LoadedResults, keepCamera = false): void {
  const first = results === undefined;
  results = loaded;
  cellIndex = new Map(loaded.cells.features.map((f, i) => [f.properties.h3, i]));
  cellAt = cellPicker(loaded.cells.features.map((f) => f.properties.h3));
  layers = availableLayers(loaded);
  classificationCache.clear();
  categoryCache.clear();
  stopPlaying();
  const defaults = defaultViewState(
    layers,
    otherColumns(loaded.numericColumns)[0],
    loaded.spaceTime?.stepStarts.length ?? 0,
  );
  const restored = hashToViewState(location.hash, defaults, loaded.numericColumns);
  // A link's map position belongs to the results it was made with: later loads fit their data.
  const center = map.getCenter();
  view = first
    ? restored
    : {
        ...restored,
        camera: keepCamera ? { lng: center.lng, lat: center.lat, zoom: map.getZoom() } : undefined,
      };
  selected = undefined;
  hovered = undefined;
  shownZones = zonesOfResults(loaded);
  selectWhenRescored = undefined;
  ui.welcome.hidden = true;
  setStatus(describeResults(loaded));
  renderPanels();
  renderDetails();
  whenStyleReady(() => {
    drawOnMap();
    const camera = view?.camera;
    if (camera !== undefined) map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
    else
      map.fitBounds(featureBounds(loaded.cells.features) ?? [-180, -85, 180, 85], {
        padding: mapPadding(30),
        animate: false,
      });
    writeHash();
  });
}

/** Padding for fitting data in view: clear of the legend when the map is wide enough to spare it. */
function mapPadding(base: number): { top: number; bottom: number; left: number; right: number } {
  const legendWidth = ui.legendBox.hidden ? 0 : ui.legendBox.offsetWidth;
  const mapWidth = map.getContainer().clientWidth;
  const left = legendWidth > 0 && mapWidth > legendWidth * 2.5 ? legendWidth + 20 : base;
  return { top: base, bottom: base, left, right: base };
}

function whenStyleReady(run: () => void): void {
  if (map.isStyleLoaded()) run();
  else map.once('style.load', run);
}

function drawOnMap(): void {
  if (results === undefined || view === undefined) return;
  drawn = drawResults(map, results, plan());
  painted.clear();
  recolorCells();
  outlineZones();
  placeZoneMarkers();
}

/** The zones of results as drawn: each cell's place in the zone list, and the list. */
function zonesOfResults(r: LoadedResults | undefined): typeof shownZones {
  if (r?.zones === undefined) return undefined;
  const cellZones = r.texts.zone ?? new Array<null>(r.cells.features.length).fill(null);
  return {
    groups: zoneGroups(cellZones, r.zones.features),
    list: r.zones.features.map((z) => z.properties),
    ahead: false,
  };
}

/**
 * Draws other zones: their outlines and labels (unless they are the zones already drawn, as
 * when a re-score's whole update follows its zones) and the ranked list.
 */
function showZones(next: typeof shownZones): void {
  const before = shownZones;
  shownZones = next;
  if (before === undefined || next === undefined || !sameZones(before, next)) {
    outlineZones();
    placeZoneMarkers();
  }
  renderZoneList();
}

/** Do two sets of zones have the same cells and ids, zone for zone? */
function sameZones(a: NonNullable<typeof shownZones>, b: NonNullable<typeof shownZones>): boolean {
  if (a.groups.length !== b.groups.length || a.list.length !== b.list.length) return false;
  for (let c = 0; c < a.groups.length; c++) if (a.groups[c] !== b.groups[c]) return false;
  return a.list.every((zone, z) => zone.id === b.list[z].id && zone.rank === b.list[z].rank);
}

/** Draws the outline of each zone along the edges of its cells (no zone polygons needed). */
function outlineZones(): void {
  if (drawn?.zones === undefined) return;
  drawn.zones.setSegments(groupOutlines(drawn.mesh, shownZones?.groups ?? []));
}

/** Brings the map in line with the view and the results: layers, order, the cells' colours. */
function refreshMap(): void {
  if (drawn === undefined) return;
  applyView(map, plan(), drawn);
  recolorCells();
}

// ——— Time: the Gi* bins of one time step, and a play button stepping through them ———

let playTimer: ReturnType<typeof setInterval> | undefined;
/** Milliseconds each step stays on the map while playing. */
const PLAY_INTERVAL = 700;

function setStep(step: number): void {
  if (view === undefined || view.step === step) return;
  view = { ...view, step };
  refreshMap();
  renderLegend();
  writeHash();
}

function stopPlaying(): void {
  if (playTimer !== undefined) clearInterval(playTimer);
  playTimer = undefined;
}

function togglePlay(): void {
  const steps = results?.spaceTime;
  if (steps === undefined || view === undefined) return;
  if (playTimer !== undefined) {
    stopPlaying();
    renderTime();
    return;
  }
  // Playing shows the time-step layer; from the last step it starts again at the first.
  const last = steps.stepStarts.length - 1;
  if (!view.layers.gi_step.visible || view.active !== 'gi_step') {
    updateView({
      ...view,
      active: 'gi_step',
      layers: { ...view.layers, gi_step: { ...view.layers.gi_step, visible: true } },
    });
  }
  if (view.step === last) setStep(0);
  playTimer = setInterval(() => {
    const next = (view?.step ?? last) + 1;
    if (next > last) {
      stopPlaying();
    } else {
      setStep(next);
    }
    renderTime();
  }, PLAY_INTERVAL);
  renderTime();
}

function renderTime(): void {
  const steps = results?.spaceTime;
  ui.timePanel.hidden = steps === undefined;
  if (steps === undefined || view?.step === undefined) return;
  replaceContent(
    ui.time,
    timeControls(steps, view.step, playTimer !== undefined, { change: setStep, togglePlay }),
  );
}

// ——— Zones: HTML labels (no glyphs offline), list, selection ———

/**
 * Puts a rank label on each zone shown. The labels of the zones shown before are moved and
 * renamed rather than made anew, so that a re-score changes a few texts and positions.
 */
function placeZoneMarkers(): void {
  const placed: Marker[] = [];
  if (results !== undefined && shownZones !== undefined && view !== undefined) {
    const { groups, list } = shownZones;
    const points = zoneLabelPoints(results.cells.features, groups, list.length);
    for (const [z, zone] of list.entries()) {
      const point = points[z];
      if (point === undefined) continue;
      const marker = zoneMarkers[placed.length] ?? zoneMarker();
      const label = marker.getElement();
      updateText(label, String(zone.rank));
      updateAttribute(label, 'aria-label', `Zone ${zone.id}, rank ${zone.rank}`);
      updateAttribute(label, 'data-zone', zone.id);
      placed.push(marker.setLngLat(point));
      if (placed.length > zoneMarkers.length) marker.addTo(map);
    }
  }
  for (const marker of zoneMarkers.slice(placed.length)) marker.remove();
  zoneMarkers = placed;
  updateZoneMarkers();
}

/** A zone's rank label, a button selecting the zone it names (see `placeZoneMarkers`). */
function zoneMarker(): Marker {
  const label = h('button', { className: 'zone-label', attrs: { type: 'button' } });
  label.addEventListener('click', (event) => {
    event.stopPropagation();
    if (label.dataset.zone !== undefined) selectZone(label.dataset.zone, false);
  });
  return new Marker({ element: label });
}

function updateZoneMarkers(): void {
  const visible = view?.layers.zones?.visible ?? false;
  for (const marker of zoneMarkers) marker.getElement().hidden = !visible;
}

function selectZone(id: string, fly = true): void {
  if (shownZones?.ahead === true) {
    // The zone's outline and details come with the rest of the re-score, in a moment.
    selectWhenRescored = id;
    return;
  }
  const zone = results?.zones?.features.find((z) => z.properties.id === id);
  if (zone === undefined) return;
  setSelectedCell(undefined);
  selected = { kind: 'zone', id };
  if (fly)
    map.fitBounds(featureBounds([zone]) ?? [-180, -85, 180, 85], {
      padding: mapPadding(60),
      maxZoom: 15,
      duration: 1200,
    });
  renderZoneList();
  renderDetails();
}

// ——— Selection, hover and the details panel ———

function setSelectedCell(h3: string | undefined): void {
  if (h3 !== undefined) selected = { kind: 'cell', h3 };
  else if (selected?.kind === 'cell') selected = undefined;
  updateHighlight();
}

/** Puts the hovered and the selected cell in the highlight source (their outlines). */
function updateHighlight(): void {
  const source = map.getSource<GeoJSONSource>(SOURCES.highlight);
  if (source === undefined || results === undefined) return;
  const cells = results.cells.features;
  const features = [
    ['hover', hovered],
    ['selected', selected?.kind === 'cell' ? selected.h3 : undefined],
  ].flatMap(([role, h3]) => {
    const index = h3 === undefined ? undefined : cellIndex.get(h3);
    return index === undefined
      ? []
      : [{ type: 'Feature' as const, geometry: cells[index].geometry, properties: { role } }];
  });
  source.setData({ type: 'FeatureCollection', features });
}

function renderDetails(organization?: OrganizationProperties): void {
  if (organization !== undefined) {
    replaceContent(ui.details, organizationDetails(organization));
    return;
  }
  if (results === undefined || selected === undefined) {
    replaceContent(
      ui.details,
      h('p', { className: 'hint' }, 'Click a cell, zone or organization on the map.'),
    );
    return;
  }
  const r = results;
  if (selected.kind === 'cell') {
    const h3 = selected.h3;
    const cell = r.cells.features.find((f) => f.properties.h3 === h3);
    if (cell !== undefined)
      replaceContent(
        ui.details,
        cellDetails(cell.properties, r.summary, (id) => selectZone(id)),
      );
    return;
  }
  const id = selected.id;
  const zone = r.zones?.features.find((z) => z.properties.id === id);
  if (zone === undefined) return;
  const cells = r.cells.features.filter((f) => f.properties.zone === id).map((f) => f.properties);
  replaceContent(ui.details, zoneDetails(zone.properties, cells, r.summary));
}

/** What the pointer is on: an organization, else a cell of a shown cell layer, else a zone. */
type Hit =
  | { readonly kind: 'organization'; readonly feature: MapGeoJSONFeature }
  | { readonly kind: 'cell'; readonly h3: string }
  | { readonly kind: 'zone'; readonly id: string };

function hitAt(event: MapMouseEvent): Hit | undefined {
  if (view === undefined || results === undefined) return undefined;
  const visible = (id: string) => view?.layers[id]?.visible === true;
  const organizations = `${PREFIX}organizations`;
  const organization =
    visible('organizations') && map.getLayer(organizations) !== undefined
      ? map.queryRenderedFeatures(event.point, { layers: [organizations] })[0]
      : undefined;
  if (organization !== undefined) return { kind: 'organization', feature: organization };
  // The cells are drawn by custom layers, which MapLibre cannot query: the H3 index finds them,
  // and a zone through its cells.
  const index = cellAt(event.lngLat.lng, event.lngLat.lat);
  if (index < 0) return undefined;
  const cell = results.cells.features[index].properties;
  if ([...(drawn?.cells.keys() ?? [])].some(visible)) return { kind: 'cell', h3: cell.h3 };
  // The zones drawn, which may be a re-score's ahead of the cells' properties.
  const zone = shownZones?.list[shownZones.groups[index]];
  return visible('zones') && zone !== undefined ? { kind: 'zone', id: zone.id } : undefined;
}

function setHovered(h3: string | undefined): void {
  if (hovered === h3) return;
  hovered = h3;
  updateHighlight();
}

function tooltipRows(cell: Record<string, unknown>): [string, string][] {
  const columns = ['score', 'gi_bin', 'need_index', 'incidents'];
  const rate = results?.numericColumns.find((c) => /^rate_per_\d+$/.test(c));
  if (rate !== undefined) columns.push(rate);
  const active = view === undefined ? undefined : layerById(view.active);
  const activeColumn =
    active === undefined || view === undefined
      ? undefined
      : columnOf(active, view.layers[active.id]);
  if (activeColumn !== undefined && !columns.includes(activeColumn)) columns.unshift(activeColumn);
  // The text of every category layer shown, since its colour alone does not name the category.
  const shownCategories = layers.filter(
    (l) => l.kind === 'categories' && view?.layers[l.id]?.visible === true,
  );
  for (const l of shownCategories.reverse()) {
    if (l.column !== undefined && !columns.includes(l.column)) columns.unshift(l.column);
  }
  columns.push('zone');
  const rows: [string, string][] = columns
    .filter((c) => Object.hasOwn(cell, c))
    .map((c) => [columnLabel(c, results?.summary), formatCellValue(c, cell[c])]);
  const steps = results?.spaceTime;
  const index = cellIndex.get(String(cell.h3));
  if (
    steps !== undefined &&
    view?.step !== undefined &&
    index !== undefined &&
    view.layers.gi_step?.visible
  ) {
    const bin = steps.bins[view.step][index];
    rows.unshift([
      `Gi* in ${steps.step} of ${steps.stepStarts[view.step]}`,
      giBinShortLabels[bin + 3],
    ]);
  }
  return rows;
}

map.on('mousemove', (event) => {
  const hit = hitAt(event);
  if (hit === undefined) {
    setHovered(undefined);
    hideTooltip(ui.tooltip);
    map.getCanvas().style.cursor = '';
    return;
  }
  map.getCanvas().style.cursor = 'pointer';
  if (hit.kind === 'organization') {
    const p = hit.feature.properties as Record<string, unknown>;
    setHovered(undefined);
    showTooltip(ui.tooltip, event.point.x, event.point.y, String(p.name), [
      ['Type', String(p.type)],
    ]);
  } else if (hit.kind === 'cell') {
    setHovered(hit.h3);
    showTooltip(
      ui.tooltip,
      event.point.x,
      event.point.y,
      `Cell ${hit.h3}`,
      tooltipRows(cellProperties(hit.h3) ?? { h3: hit.h3 }),
    );
  } else {
    setHovered(undefined);
    const props = shownZones?.list.find((z) => z.id === hit.id);
    showTooltip(ui.tooltip, event.point.x, event.point.y, `Zone ${hit.id}`, [
      ['Rank', formatCellValue('', props?.rank)],
      ['Mean score', formatCellValue('', props?.meanScore)],
    ]);
  }
});

map.getCanvas().addEventListener('mouseleave', () => {
  setHovered(undefined);
  hideTooltip(ui.tooltip);
});

map.on('click', (event) => {
  const hit = hitAt(event);
  if (hit === undefined) return;
  if (hit.kind === 'organization') {
    const organization = results?.organizations?.features[Number(hit.feature.id)];
    setSelectedCell(undefined);
    selected = undefined;
    renderZoneList();
    if (organization !== undefined) renderDetails(organization.properties);
  } else if (hit.kind === 'cell') {
    setSelectedCell(hit.h3);
    renderZoneList();
    renderDetails();
  } else {
    selectZone(hit.id, false);
  }
});

// ——— The view: panels, legend, hash ———

function updateView(next: ViewState, redraw = true): void {
  view = next;
  if (redraw) refreshMap();
  updateZoneMarkers();
  writeHash();
  renderPanels();
}

function patchLayer(id: string, patch: Partial<LayerView>): void {
  if (view === undefined) return;
  updateView({ ...view, layers: { ...view.layers, [id]: { ...view.layers[id], ...patch } } });
}

function renderPanels(): void {
  if (view === undefined || results === undefined) return;
  const current = view;
  replaceContent(
    ui.layers,
    layerPanel(layers, current, {
      toggle: (id, visible) => patchLayer(id, { visible }),
      activate: (id) => updateView({ ...current, active: id }, false),
      opacity: (id, opacity) => {
        // Sliding must not rebuild the panel under the pointer: update the map and hash only.
        if (view === undefined) return;
        view = { ...view, layers: { ...view.layers, [id]: { ...view.layers[id], opacity } } };
        refreshMap();
        writeHash();
      },
      move: (id, delta) => {
        const order = [...current.order];
        const i = order.indexOf(id);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= order.length) return;
        [order[i], order[j]] = [order[j], order[i]];
        updateView({ ...current, order });
      },
    }),
  );
  renderStyle();
  renderLegend();
  renderZoneList();
  renderTime();
}

function renderStyle(): void {
  if (view === undefined || results === undefined) return;
  const layer = layerById(view.active);
  if (layer === undefined) {
    ui.styleLayerName.textContent = '';
    replaceContent(ui.styleControls, h('p', { className: 'hint' }, 'No cell layer.'));
    return;
  }
  const summary = results.summary;
  ui.styleLayerName.textContent = `· ${layer.title}`;
  replaceContent(
    ui.styleControls,
    styleControls(
      layer,
      view.layers[layer.id],
      otherColumns(results.numericColumns),
      (c) => columnLabel(c, summary),
      {
        change: (id, patch) => patchLayer(id, patch),
      },
    ),
  );
}

function renderLegend(): void {
  if (view === undefined || results === undefined) return;
  const sections: HTMLElement[] = [];
  for (const id of view.order) {
    const layer = layerById(id);
    const layerView = view.layers[id];
    if (layer === undefined || !layerView.visible) continue;
    if (layer.kind === 'numeric' || layer.kind === 'bins') {
      const classification = classificationOf(id);
      if (classification === undefined) continue;
      const column = columnOf(layer, layerView);
      const title =
        layer.id === 'column' && column !== undefined
          ? columnLabel(column, results.summary)
          : layer.title;
      sections.push(classLegend({ layerId: id, title, classification }));
    } else if (layer.kind === 'categories') {
      const classification = categoriesOf(layer);
      if (classification !== undefined)
        sections.push(categoryClassLegend({ layerId: id, title: layer.title, classification }));
    } else if (layer.kind === 'organizations' && results.organizations !== undefined) {
      const colors = organizationColors(
        results.organizations.features.map((f) => f.properties.type),
      );
      sections.push(
        categoryLegend({ layerId: id, title: 'Organizations by type', entries: colors.entries }),
      );
    }
  }
  ui.legendBox.hidden = sections.length === 0;
  replaceContent(ui.legend, ...sections);
}

/** The ranked zone list shown. */
let zoneListShown: ZoneList | undefined;

function renderZoneList(): void {
  // The export holds the results' zones: zones drawn ahead of a re-score's whole update change
  // nothing there until it is applied (and rebuilding the toolbar would cost the frame).
  if (shownZones?.ahead !== true) renderExport();
  if (results === undefined) return;
  if (shownZones === undefined) {
    replaceContent(ui.zones, h('p', { className: 'hint' }, 'No zones.geojson loaded.'));
    return;
  }
  const selectedZone = selected?.kind === 'zone' ? selected.id : undefined;
  // The same number of zones (as after most re-scores): the rows are rewritten in place.
  if (
    zoneListShown !== undefined &&
    zoneListShown.count === shownZones.list.length &&
    ui.zones.contains(zoneListShown.element)
  ) {
    zoneListShown.update(shownZones.list, selectedZone);
    return;
  }
  zoneListShown = zoneList(shownZones.list, selectedZone, (id) => selectZone(id));
  replaceContent(ui.zones, zoneListShown.element);
}

// ——— Export: zones as the CLI writes them, the map with its legend, the report ———

function renderExport(): void {
  if (results === undefined) return;
  const r = results;
  const selectedZone = selected?.kind === 'zone' ? selected.id : undefined;
  const zonesIn = (scope: 'all' | 'selected') =>
    r.zones === undefined
      ? undefined
      : zonesForExport(
          r.zones,
          scope === 'selected' && selectedZone !== undefined ? [selectedZone] : undefined,
        );
  const baseName = (scope: 'all' | 'selected') =>
    scope === 'selected' && selectedZone !== undefined ? `zone-${selectedZone}` : 'zones';
  replaceContent(
    ui.exportPanel,
    exportControls(
      {
        zones: r.zones?.features.length ?? 0,
        selectedZone,
        report: r.reportHtml !== undefined || lastOutputs !== undefined,
      },
      {
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
          downloadFile(
            `${baseName(scope)}.csv`,
            new Blob([zonesToCsv(zones)], { type: 'text/csv' }),
          );
        },
        mapPng: () => exportMapImage(),
        report: () => {
          const save = (html: string) =>
            downloadFile('report.html', new Blob([html], { type: 'text/html' }));
          if (r.reportHtml !== undefined) save(r.reportHtml);
          else {
            // Re-scored in this browser: the worker writes the report of what is shown, once it
            // is done re-scoring (a new job would cancel the one running).
            const ask = (): void => {
              if (reweighting) {
                setTimeout(ask, 50);
                return;
              }
              analysis
                .report()
                .then(save)
                .catch((error: unknown) => analysisFailed(error, 'write the report'));
            };
            ask();
          }
        },
      },
    ),
  );
}

/** Copies the map's pixels while they are drawn (the WebGL buffer is cleared after each frame). */
function snapshotMap(): Promise<HTMLCanvasElement> {
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

async function exportMapImage(): Promise<void> {
  if (results === undefined) return;
  const snapshot = await snapshotMap();
  const scale = snapshot.width / map.getCanvas().clientWidth;
  const visible = layers
    .filter((l) => view?.layers[l.id]?.visible === true && l.kind !== 'outline')
    .map((l) => l.title);
  const caption = [
    `hexreach — ${visible.join(', ')}`,
    `${describeResults(results)} · exported ${new Date().toISOString().slice(0, 10)}`,
  ];
  if (basemapUrl !== undefined) caption.push(`Basemap: ${basemapUrl}`);
  const labels = zoneMarkers
    .filter((marker) => !marker.getElement().hidden)
    .map((marker) => {
      const point = map.project(marker.getLngLat());
      return { x: point.x, y: point.y, text: marker.getElement().textContent ?? '' };
    });
  const image = drawMapImage(snapshot, readLegend(ui.legend), caption, scale, labels);
  image.toBlob((png) => {
    if (png !== null) downloadFile('hexreach-map.png', png);
    else showMessage(ui.messages, 'error', 'The map image could not be made.');
  }, 'image/png');
}

function writeHash(): void {
  if (view === undefined) return;
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${viewStateToHash(view)}`,
  );
}

map.on('moveend', () => {
  if (view === undefined || results === undefined) return;
  const center = map.getCenter();
  view = { ...view, camera: { lng: center.lng, lat: center.lat, zoom: map.getZoom() } };
  writeHash();
});

window.addEventListener('hashchange', () => {
  if (results === undefined || view === undefined) return;
  const defaults = defaultViewState(layers, otherColumns(results.numericColumns)[0]);
  const next = hashToViewState(location.hash, defaults, results.numericColumns);
  updateView(next);
  if (next.camera !== undefined)
    map.jumpTo({ center: [next.camera.lng, next.camera.lat], zoom: next.camera.zoom });
});

function setStatus(text: string): void {
  ui.status.textContent = text;
}

// ——— Basemap: offline by default; a user's style URL is remembered ———

function setBasemap(url: string | undefined): void {
  basemapUrl = url;
  saveBasemapUrl(url);
  map.setStyle(url ?? offlineStyle(), { diff: false });
  map.once('style.load', () => {
    for (const marker of zoneMarkers) marker.remove();
    zoneMarkers = [];
    drawOnMap();
  });
  renderBasemapForm();
}

function renderBasemapForm(): void {
  replaceContent(
    ui.basemapPanel,
    basemapForm(
      basemapUrl,
      (url) => {
        clearMessage(ui.messages);
        setBasemap(url);
      },
      (message) => showMessage(ui.messages, 'error', message),
    ),
  );
}

map.on('error', (event) => {
  const message = event.error instanceof Error ? event.error.message : String(event.error);
  if (basemapUrl !== undefined && !map.isStyleLoaded()) {
    showMessage(
      ui.messages,
      'error',
      `The basemap style could not be loaded (${message}); showing the offline map.`,
    );
    setBasemap(undefined);
  }
});

// ——— Opening files: picker, folder picker, drag and drop, ?results= ———

ui.openFiles.addEventListener('change', () => {
  loadPicked(Array.from(ui.openFiles.files ?? []).map((file) => ({ file, path: file.name })));
  ui.openFiles.value = '';
});
ui.openFolder.addEventListener('change', () => {
  loadPicked(
    Array.from(ui.openFolder.files ?? []).map((file) => ({
      file,
      path: file.webkitRelativePath === '' ? file.name : file.webkitRelativePath,
    })),
  );
  ui.openFolder.value = '';
});

installDropTarget(document, ui.dropOverlay, loadPicked, (message) =>
  showMessage(ui.messages, 'error', message),
);

renderBasemapForm();

function setLegendExpanded(expanded: boolean): void {
  ui.legendToggle.setAttribute('aria-expanded', String(expanded));
  ui.legend.hidden = !expanded;
}
ui.legendToggle.addEventListener('click', () =>
  setLegendExpanded(ui.legendToggle.getAttribute('aria-expanded') !== 'true'),
);
// On a phone-sized window the legend starts folded, so that it does not hide the map.
setLegendExpanded(window.innerWidth >= 600);

const resultsParam = params.get('results');
if (resultsParam !== null) {
  try {
    void load(urlResultSource(resultsParam));
  } catch (error) {
    showMessage(ui.messages, 'error', errorMessage(error));
  }
}

if (testMode) {
  // Only with ?test: end-to-end tests read the canvas and project cells to screen positions.
  Object.assign(window, {
    hexreachTest: {
      map,
      view: () => view,
      loads: () => loads,
      /** Milliseconds of the last re-score, in all and by phase (see lastRescore). */
      lastRescore: () => lastRescore,
      /** When the GPU has finished the map's next frame (see nextFrameFinished). */
      frameFinished: () => nextFrameFinished(map),
      layers: () => layers.map((l) => l.id),
      /** Each cell layer's visibility and opacity as drawn (custom layers have no paint properties). */
      cellLayers: () =>
        Object.fromEntries(
          [...(drawn?.cells ?? [])].map(([id, l]) => [
            id,
            { visible: l.visible, opacity: l.opacity },
          ]),
        ),
      cells: () => results?.cells.features,
      zones: () => results?.zones?.features.map((z) => z.properties),
    },
  });
}
