import { seriesToSvg } from '@hexreach/core/export';
import type { EvaluatedZone } from '../data/evaluation.js';
import { h } from './dom.js';

/**
 * A zone's before/after chart — incidents per day by month in the zone, its ring and its
 * matched comparison, the start marked — drawn by core's `seriesToSvg` (the chart of
 * report.html) and shown as an image: the SVG never becomes part of the page, so nothing in it
 * can run, and it needs no font or other file.
 *
 * @param zone - the zone, with its monthly series
 * @returns an `<img>` holding the chart, its alternative text saying what it shows
 * @example
 * ```ts
 * panel.append(evaluationChart(evaluation.zones[0]));
 * ```
 */
export function evaluationChart(
  zone: Pick<EvaluatedZone, 'id' | 'name' | 'series'>,
): HTMLImageElement {
  const { months, startIndex } = zone.series;
  const title = `Incidents per day by month in ${zone.id}, its surrounding ring and its matched comparison`;
  const svg = seriesToSvg(zone.series, { title });
  const span =
    months.length === 0
      ? ''
      : `, ${months[0].slice(0, 7)} to ${months[months.length - 1].slice(0, 7)}, the start in ${months[startIndex]?.slice(0, 7) ?? '—'}`;
  return h('img', {
    className: 'evaluation-chart',
    attrs: {
      src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
      alt: `${title}${span}`,
    },
  });
}
