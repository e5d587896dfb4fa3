import type { PickedFile } from '../data/fileResultSource.js';
import { fileResultSource } from '../data/fileResultSource.js';
import { loadResults } from '../data/loadResults.js';
import type { ResultSource } from '../data/ResultSource.js';
import type { LoadedResults } from '../data/results.js';
import { urlResultSource } from '../data/urlResultSource.js';
import { featureBounds } from '../map/featureBounds.js';
import type { LayerColoring } from '../map/layerColoring.js';
import { loadedState } from '../state/loadedState.js';
import { writeViewHash } from '../state/viewHash.js';
import type { TestProbe } from '../testHooks.js';
import { describeResults, errorMessage, statusOf } from '../ui/describeResults.js';
import { installDropTarget } from '../ui/installDropTarget.js';
import { clearMessage, showMessage } from '../ui/messages.js';
import type { PageElements } from '../ui/pageElements.js';
import type { ViewerContext } from './context.js';
import type { MapController } from './mapController.js';

/** How a load is made. */
export interface LoadOptions {
  /** Files picked or dropped that are not results (listed in a note). */
  readonly ignored?: readonly string[];
  /** Keep the map where it is (re-scoring), instead of fitting the data. */
  readonly keepCamera?: boolean;
  /** The results come from an analysis in this browser, which can be re-scored. */
  readonly weights?: Readonly<Record<string, number>>;
}

/** Loads results from a source and shows them; a failure is reported and changes nothing. */
export type LoadResults = (source: ResultSource, options?: LoadOptions) => Promise<void>;

/** Loading results (see {@link createLoadController}). */
export interface LoadController {
  readonly load: LoadResults;
  /** Loads the results a link names (`?results=`), if it names any. */
  openLinkedResults(params: URLSearchParams): void;
}

/** What a load redraws or hands on. */
export interface LoadParts {
  readonly mapView: Pick<MapController, 'draw' | 'whenStyleReady' | 'padding'>;
  readonly coloring: Pick<LayerColoring, 'clear'>;
  readonly probe: Pick<TestProbe, 'countLoad'>;
  /** Analyses raw data files in the worker. */
  readonly analyseRaw: (files: readonly PickedFile[]) => Promise<void>;
  /** Opens the results of `hexreach evaluate` a source holds; false when it holds none. */
  readonly openEvaluation: (source: ResultSource) => Promise<boolean>;
  readonly stopPlaying: () => void;
  readonly renderPanels: () => void;
  readonly renderDetails: () => void;
  readonly renderWeights: () => void;
  /** Adds GeoJSON files as reference layers (outlines with names). */
  readonly addReferences: (files: readonly PickedFile[]) => Promise<void>;
  /** Shows a PMTiles file as the basemap. */
  readonly openBasemap: (file: File) => Promise<void>;
}

/** The notes of a load: the loader's, then the files not used (the first five named). */
function loadNotes(loaded: LoadedResults, ignored: readonly string[]): string[] {
  const notes = [...loaded.notes];
  if (ignored.length > 0) {
    notes.push(
      `Not used: ${ignored.slice(0, 5).join(', ')}${ignored.length > 5 ? ` and ${ignored.length - 5} more` : ''}.`,
    );
  }
  return notes;
}

/** Hands the files picked (files, or a folder's with their paths) or dropped to `receive`. */
function installFilePickers(
  ui: PageElements,
  receive: (files: readonly PickedFile[]) => void,
): void {
  ui.openFiles.addEventListener('change', () => {
    receive(Array.from(ui.openFiles.files ?? []).map((file) => ({ file, path: file.name })));
    ui.openFiles.value = '';
  });
  ui.openFolder.addEventListener('change', () => {
    receive(
      Array.from(ui.openFolder.files ?? []).map((file) => ({
        file,
        path: file.webkitRelativePath === '' ? file.name : file.webkitRelativePath,
      })),
    );
    ui.openFolder.value = '';
  });
  installDropTarget(document, ui.dropOverlay, receive, (message) =>
    showMessage(ui.messages, 'error', message),
  );
}

/**
 * Opening results: the file and folder pickers, files dropped on the page and `?results=`;
 * an evaluation (evaluation.json) is handed to `openEvaluation`, and files that are neither
 * (no cells.geojson) are analysed in the worker.
 *
 * @param ctx - map, store and page
 * @param parts - the map, panels and analysis a load hands on to
 * @returns the controller
 * @example
 * ```ts
 * const loader = createLoadController(ctx, parts);
 * loader.openLinkedResults(new URLSearchParams(location.search));
 * ```
 */
export function createLoadController(ctx: ViewerContext, parts: LoadParts): LoadController {
  const { map, store, ui } = ctx;

  const show = (loaded: LoadedResults, keepCamera: boolean): void => {
    const first = store.get().results === undefined;
    parts.coloring.clear();
    parts.stopPlaying();
    const center = map.getCenter();
    const camera = keepCamera
      ? { lng: center.lng, lat: center.lat, zoom: map.getZoom() }
      : undefined;
    store.set(
      loadedState(loaded, location.hash, first ? { fromLink: true } : { fromLink: false, camera }),
    );
    ui.status.textContent = describeResults(loaded);
    parts.renderPanels();
    parts.renderDetails();
    parts.mapView.whenStyleReady(() => {
      parts.mapView.draw();
      const shown = store.get().view?.camera;
      if (shown !== undefined) map.jumpTo({ center: [shown.lng, shown.lat], zoom: shown.zoom });
      else
        map.fitBounds(featureBounds(loaded.cells.features) ?? [-180, -85, 180, 85], {
          padding: parts.mapView.padding(30),
          animate: false,
        });
      writeViewHash(store.get().view);
    });
  };

  const load: LoadResults = async (source, options = {}) => {
    ui.status.textContent = `Loading results from ${source.description}…`;
    try {
      const loaded = await loadResults(source);
      show(loaded, options.keepCamera ?? false);
      parts.probe.countLoad();
      const weights = options.weights === undefined ? undefined : { ...options.weights };
      // Results not analysed in this browser have no incidents to filter.
      store.set(weights === undefined ? { weights, lastOutputs: undefined } : { weights });
      parts.renderWeights();
      const notes = loadNotes(loaded, options.ignored ?? []);
      if (notes.length > 0) showMessage(ui.messages, 'info', 'Results loaded.', notes);
      else clearMessage(ui.messages);
    } catch (error) {
      const { results } = store.get();
      // HexreachErrors name the file and the problem; anything else is shown as it is.
      showMessage(
        ui.messages,
        'error',
        `Could not load results from ${source.description}: ${errorMessage(error)}`,
        results === undefined ? [] : ['The map still shows the results loaded before.'],
      );
      ui.status.textContent = statusOf(results);
    }
  };

  // Results (a cells.geojson or cells.bin among the files) are loaded, an evaluation (evaluation.json)
  // opened; other data files are analysed.
  const loadPicked = (picked: readonly PickedFile[]): void => {
    // A PMTiles file is a basemap, whatever comes with it.
    const basemap = picked.find((f) => /\.pmtiles$/i.test(f.file.name));
    if (basemap !== undefined) void parts.openBasemap(basemap.file);
    const files = picked.filter((f) => f !== basemap);
    if (files.length === 0) return;
    const isResults = files.some((f) => /^cells\.(geojson|bin)$/.test(f.file.name.toLowerCase()));
    if (files.some((f) => f.file.name.toLowerCase() === 'evaluation.json')) {
      void parts.openEvaluation(fileResultSource(files).source);
      if (!isResults) return;
    }
    const isRaw = files.some((f) => /\.(csv|geojson|json|zip|parquet)$/i.test(f.file.name));
    if (isReferenceDrop(files, store.get().results !== undefined)) {
      void parts.addReferences(files);
      return;
    }
    if (!isResults && isRaw) {
      void parts.analyseRaw(files);
      return;
    }
    const { source, ignored } = fileResultSource(files);
    void load(source, { ignored });
  };

  store.subscribe((state, previous) => {
    if (state.results !== undefined && previous.results === undefined) ui.welcome.hidden = true;
  });
  installFilePickers(ui, loadPicked);

  return {
    load,
    openLinkedResults: (params) => {
      const resultsParam = params.get('results');
      if (resultsParam === null) return;
      try {
        const source = urlResultSource(resultsParam);
        // The folder of `hexreach evaluate` holds evaluation.json and no cells.
        void parts.openEvaluation(source).then((isEvaluation) => {
          if (!isEvaluation) void load(source);
        });
      } catch (error) {
        showMessage(ui.messages, 'error', errorMessage(error));
      }
    },
  };
}

/**
 * Whether files given while results are shown are reference layers: GeoJSON only, none of them
 * a run's output, and no incident CSV or configuration with them (which would be an analysis).
 */
function isReferenceDrop(files: readonly PickedFile[], hasResults: boolean): boolean {
  return (
    hasResults &&
    files.every(
      (f) =>
        /\.(geojson|zip)$/i.test(f.file.name) &&
        !/^(cells|zones|organizations)\.geojson$/i.test(f.file.name.split(/[\\/]/).pop() ?? ''),
    )
  );
}
