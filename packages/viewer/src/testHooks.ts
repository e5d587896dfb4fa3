import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MeshLayers } from './map/drawResults.js';
import { nextFrameFinished } from './map/nextFrameFinished.js';
import type { ViewerStore } from './state/store.js';

/**
 * `?test`: keep the drawing buffer readable and expose the map to end-to-end tests.
 *
 * @example
 * ```ts
 * const testMode = isTestMode(new URLSearchParams(location.search));
 * ```
 */
export function isTestMode(params: URLSearchParams): boolean {
  return params.has('test');
}

/**
 * Milliseconds from the slider's release to each step of a re-score: the worker's new scores
 * and zones arrived; the cells had their colours; the zones' outlines, labels and list were
 * shown; the GPU had drawn them all (one frame); the whole re-score arrived (asked for after
 * that frame), and it was applied and shown (cells' properties, zone details, panels).
 */
export interface RescoreTimes {
  scored: number;
  colored: number;
  zonesShown: number;
  painted: number;
  worker: number;
  total: number;
}

/** The clock of one re-score (see {@link TestProbe.timeRescore}). */
export interface RescoreTimer {
  /** Notes that a step is done, now. */
  mark(step: 'scored' | 'colored' | 'zonesShown' | 'worker'): void;
  /** Notes when the GPU had finished the frame with the zones ahead (a `performance.now()`). */
  painted(at: number): void;
  /** Notes that the whole re-score is shown, and keeps these times as the last re-score's. */
  done(): void;
}

/** What the viewer counts and times for the browser tests and the bench. */
export interface TestProbe {
  /** Counts results fully shown: a load, or a re-score's whole update. */
  countLoad(): void;
  /** A clock for the re-score that started at `started` (a `performance.now()`). */
  timeRescore(started: number): RescoreTimer;
  loads(): number;
  /** The times of the last re-score. */
  lastRescore(): RescoreTimes | undefined;
}

/**
 * The viewer's counters for tests and the bench, read through `window.hexreachTest`.
 *
 * @returns a probe with nothing counted
 * @example
 * ```ts
 * const probe = createTestProbe();
 * const timer = probe.timeRescore(performance.now());
 * timer.mark('scored');
 * ```
 */
export function createTestProbe(): TestProbe {
  let loads = 0;
  let lastRescore: RescoreTimes | undefined;
  return {
    countLoad: () => {
      loads++;
    },
    timeRescore: (started) => {
      const times: RescoreTimes = {
        scored: 0,
        colored: 0,
        zonesShown: 0,
        painted: 0,
        worker: 0,
        total: 0,
      };
      return {
        mark: (step) => {
          times[step] = performance.now() - started;
        },
        painted: (at) => {
          times.painted = at - started;
        },
        done: () => {
          times.total = performance.now() - started;
          lastRescore = times;
        },
      };
    },
    loads: () => loads,
    lastRescore: () => lastRescore,
  };
}

/** What the test hooks read. */
export interface TestHookSources {
  readonly map: MapLibreMap;
  readonly store: ViewerStore;
  readonly probe: TestProbe;
  /** The layers drawn from the cells' mesh. */
  readonly drawn: () => MeshLayers | undefined;
}

/**
 * Puts `hexreachTest` on the window (only with ?test): end-to-end tests and the bench read the
 * canvas, project cells to screen positions and wait for loads and re-scores through it.
 *
 * @param target - the window
 * @param sources - the map, store, probe and drawn layers
 * @example
 * ```ts
 * if (testMode) installTestHooks(window, { map, store, probe, drawn: mapView.drawn });
 * ```
 */
export function installTestHooks(target: object, sources: TestHookSources): void {
  const { map, store, probe, drawn } = sources;
  Object.assign(target, {
    hexreachTest: {
      map,
      view: () => store.get().view,
      loads: () => probe.loads(),
      /** Milliseconds of the last re-score, in all and by phase (see RescoreTimes). */
      lastRescore: () => probe.lastRescore(),
      /** When the GPU has finished the map's next frame (see nextFrameFinished). */
      frameFinished: () => nextFrameFinished(map),
      layers: () => store.get().layers.map((l) => l.id),
      /** Each cell layer's visibility and opacity as drawn (custom layers have no paint properties). */
      cellLayers: () =>
        Object.fromEntries(
          [...(drawn()?.cells ?? [])].map(([id, l]) => [
            id,
            { visible: l.visible, opacity: l.opacity },
          ]),
        ),
      // Plain features: those read from a cells.bin make their properties on first use, in a
      // getter that page.evaluate would not copy.
      cells: () =>
        store.get().results?.cells.features.map(({ type, geometry, properties }) => ({
          type,
          geometry,
          properties,
        })),
      /** The cells' data as the viewer holds it: ids, numeric columns (as arrays) and texts. */
      cellData: () => {
        const results = store.get().results;
        if (results === undefined) return undefined;
        return {
          cellIds: results.cellIds,
          numericColumns: results.numericColumns,
          columns: Object.fromEntries(
            results.numericColumns.map((name) => [name, Array.from(results.columns[name])]),
          ),
          textColumns: results.textColumns,
          texts: results.texts,
          properties: results.cells.features.map((f) => f.properties),
        };
      },
      zones: () => store.get().results?.zones?.features.map((z) => z.properties),
    },
  });
}
