import type { ViewState } from '../state/viewState.js';
import { replaceContent } from '../ui/dom.js';
import { timeControls } from '../ui/timeControls.js';
import type { ViewerContext } from './context.js';
import type { LegendController } from './legendController.js';
import type { MapController } from './mapController.js';

/** Milliseconds each step stays on the map while playing. */
const PLAY_INTERVAL = 700;

/** The time panel (see {@link createTimeController}). */
export interface TimeController {
  /** Draws the time panel: shown only for results with time steps. */
  render(): void;
  /** Stops playing (new results). */
  stopPlaying(): void;
}

/** What the time panel changes besides the view's step. */
export interface TimeParts {
  readonly mapView: Pick<MapController, 'refresh'>;
  readonly legend: LegendController;
  /** Shows another view everywhere (to show the time-step layer before playing). */
  readonly updateView: (next: ViewState) => void;
}

/**
 * Time: the Gi* bins of one time step, chosen with a slider, and a play button stepping
 * through them.
 *
 * @param ctx - store and page
 * @param parts - the map, legend and view it changes
 * @returns the controller
 * @example
 * ```ts
 * const time = createTimeController(ctx, { mapView, legend, updateView: views.updateView });
 * time.render();
 * ```
 */
export function createTimeController(ctx: ViewerContext, parts: TimeParts): TimeController {
  const { store, ui } = ctx;
  let playTimer: ReturnType<typeof setInterval> | undefined;

  const setStep = (step: number): void => {
    const { view } = store.get();
    if (view === undefined || view.step === step) return;
    store.set({ view: { ...view, step } });
    parts.mapView.refresh();
    parts.legend.render();
  };

  const stopPlaying = (): void => {
    if (playTimer !== undefined) clearInterval(playTimer);
    playTimer = undefined;
  };

  const render = (): void => {
    const steps = store.get().results?.spaceTime;
    const step = store.get().view?.step;
    ui.timePanel.hidden = steps === undefined;
    if (steps === undefined || step === undefined) return;
    replaceContent(
      ui.time,
      timeControls(steps, step, playTimer !== undefined, { change: setStep, togglePlay }),
    );
  };

  // Playing shows the time-step layer; from the last step it starts again at the first.
  const togglePlay = (): void => {
    const steps = store.get().results?.spaceTime;
    const view = store.get().view;
    if (steps === undefined || view === undefined) return;
    if (playTimer !== undefined) {
      stopPlaying();
      render();
      return;
    }
    const last = steps.stepStarts.length - 1;
    if (!view.layers.gi_step.visible || view.active !== 'gi_step') {
      parts.updateView({
        ...view,
        active: 'gi_step',
        layers: { ...view.layers, gi_step: { ...view.layers.gi_step, visible: true } },
      });
    }
    if (store.get().view?.step === last) setStep(0);
    playTimer = setInterval(() => {
      const next = (store.get().view?.step ?? last) + 1;
      if (next > last) stopPlaying();
      else setStep(next);
      render();
    }, PLAY_INTERVAL);
    render();
  };

  return { render, stopPlaying };
}
