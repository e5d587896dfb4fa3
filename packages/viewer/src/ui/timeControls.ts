import type { SpaceTimeSteps } from '../data/results.js';
import { h } from './dom.js';
import { stepLabel } from './stepLabel.js';

/** What the time controls do. */
export interface TimeActions {
  /** A step was chosen with the slider (while dragging too). */
  change(step: number): void;
  /** The play button was pressed: start or stop stepping through time. */
  togglePlay(): void;
}

/**
 * The time controls of the space-time view: a slider over the time steps, labelled with each
 * step's dates (`stepLabel`), and a play button that steps through them. The label follows the
 * slider as it moves, without rebuilding the controls under the pointer.
 *
 * @param steps - the results' time steps
 * @param step - the step shown (0 = first)
 * @param playing - whether the play button is running
 * @param actions - what a move or the button does
 * @returns the controls
 * @example
 * ```ts
 * replaceContent(panel, timeControls(results.spaceTime, view.step, false, { change, togglePlay }));
 * ```
 */
export function timeControls(
  steps: SpaceTimeSteps,
  step: number,
  playing: boolean,
  actions: TimeActions,
): HTMLElement {
  const count = steps.stepStarts.length;
  const covered = (t: number) =>
    steps.days === undefined ? undefined : { days: steps.days[t], first: t === 0 };
  const label = (t: number) =>
    `${stepLabel(steps.step, steps.stepStarts[t], covered(t))} (${t + 1} of ${count})`;
  const slider = h('input', {
    attrs: {
      id: 'time-step',
      type: 'range',
      min: '0',
      max: String(count - 1),
      step: '1',
      'data-key': 'time-step',
      'aria-valuetext': label(step),
    },
  });
  slider.value = String(step);
  const output = h('output', { attrs: { for: 'time-step', id: 'time-step-label' } }, label(step));
  slider.addEventListener('input', () => {
    const t = Number(slider.value);
    output.textContent = label(t);
    slider.setAttribute('aria-valuetext', label(t));
    actions.change(t);
  });
  const play = h(
    'button',
    {
      attrs: {
        type: 'button',
        id: 'time-play',
        'data-key': 'time-play',
        'aria-pressed': String(playing),
        title: playing ? 'Stop stepping through time' : 'Step through time from here',
      },
    },
    playing ? 'Pause' : 'Play',
  );
  play.addEventListener('click', () => actions.togglePlay());
  return h(
    'div',
    { className: 'time-controls' },
    h('label', { attrs: { for: 'time-step' } }, 'Time step'),
    slider,
    h('div', { className: 'time-row' }, play, output),
    h(
      'p',
      { className: 'hint' },
      'The layer "Hotspots in the time step" shows each cell’s Gi* confidence in the step.',
    ),
  );
}
