import type { EvaluatedZone, LoadedEvaluation } from '../data/evaluation.js';
import type { EvaluationChangeScale } from '../map/evaluationChangeScale.js';
import { h } from './dom.js';
import { enlargeableImage } from './enlargeableImage.js';
import { evaluationChart } from './evaluationChart.js';
import {
  engagementText,
  estimateText,
  formatChange,
  trustText,
  wdqText,
} from './formatEvaluation.js';

/**
 * The outcomes panel of an evaluation: all zones together, a list of the zones (each with the
 * colour of its change, a button that selects it), and the selected zone's outcomes — its
 * sentence, the estimate with its interval and p, the WDQ with its reading, trust, engagement
 * (labelled descriptive) and the before/after chart. Text from the file goes in as text.
 *
 * @param evaluation - the loaded evaluation
 * @param scale - the colour scale of the map
 * @param selected - the id of the selected zone, or undefined
 * @param select - called with a zone's id when its button is pressed
 * @returns the panel's content
 * @example
 * ```ts
 * panel.replaceChildren(evaluationPanel(evaluation, scale, 'Z01', (id) => show(id)));
 * ```
 */
export function evaluationPanel(
  evaluation: LoadedEvaluation,
  scale: EvaluationChangeScale,
  selected: string | undefined,
  select: (id: string) => void,
): HTMLElement {
  const zone = evaluation.zones.find((z) => z.id === selected);
  return h(
    'div',
    { className: 'evaluation' },
    h(
      'p',
      { className: 'evaluation-all' },
      `All ${evaluation.zones.length} zones: ${estimateText(evaluation.all)}.`,
    ),
    evaluation.isPublic
      ? h('p', { className: 'hint' }, 'Public: counts carry differentially private noise.')
      : null,
    zoneList(evaluation.zones, scale, selected, select),
    zone === undefined
      ? h('p', { className: 'hint' }, 'Choose a zone, here or on the map, to see its outcomes.')
      : zoneOutcomes(zone, scale),
  );
}

function zoneList(
  zones: readonly EvaluatedZone[],
  scale: EvaluationChangeScale,
  selected: string | undefined,
  select: (id: string) => void,
): HTMLElement {
  return h(
    'ul',
    { className: 'zone-list' },
    ...zones.map((zone) => {
      const swatch = h('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
      swatch.style.backgroundColor = scale(zone.crime.change);
      const button = h(
        'button',
        {
          className: 'zone-button evaluation-zone',
          attrs: {
            type: 'button',
            'aria-pressed': String(zone.id === selected),
            'data-zone': zone.id,
            'data-key': `evaluation-${zone.id}`,
            'data-color': scale(zone.crime.change),
          },
        },
        swatch,
        h(
          'span',
          {},
          zone.name === zone.id ? zone.id : `${zone.id} · ${zone.name}`,
          h(
            'span',
            { className: 'zone-facts' },
            `${formatChange(zone.crime.change)} against matched areas, p = ${Number.isFinite(zone.crime.p) ? zone.crime.p.toFixed(3) : '—'}`,
          ),
        ),
      );
      button.addEventListener('click', () => select(zone.id));
      return h('li', {}, button);
    }),
  );
}

function zoneOutcomes(zone: EvaluatedZone, scale: EvaluationChangeScale): HTMLElement {
  const row = (term: string, text: string, key: string) => [
    h('dt', {}, term),
    h('dd', { attrs: { 'data-field': key } }, text),
  ];
  const swatch = h('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.backgroundColor = scale(zone.crime.change);
  return h(
    'section',
    { className: 'details evaluation-zone-details', attrs: { 'data-zone': zone.id } },
    h('h3', {}, swatch, ' ', zone.name === zone.id ? zone.id : `${zone.id} · ${zone.name}`),
    h('p', { className: 'evaluation-sentence' }, zone.sentence),
    h(
      'dl',
      { className: 'evaluation-table' },
      ...row('Incidents', estimateText(zone.crime), 'estimate'),
      ...row('Displacement', wdqText(zone.displacement), 'wdq'),
      ...row('Trust', trustText(zone.trust, zone.crime.confidence), 'trust'),
      ...row('Engagement (descriptive)', engagementText(zone.engagement), 'engagement'),
      ...row('Start', `${zone.start}; ${zone.cells} cells`, 'start'),
    ),
    h('h4', {}, 'Before and after: incidents per day by month'),
    enlargeableImage(evaluationChart(zone), `Show the chart of ${zone.id} larger`),
  );
}
