import { formatNumber } from './format.js';
import type { ZoneStep } from './readZoneDetails.js';

const SVG = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number>>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * A small bar chart of a zone's incidents over time, in plain SVG: one bar per time step on a
 * common axis from 0 to the busiest step, the first and last step's start dates below it and
 * the busiest count above. Every bar has its own title (date and count) for pointer and
 * screen-reader users; the chart as a whole has a title, an aria-label and a description
 * listing every step. Text is set with textContent.
 *
 * @param steps - the incidents per step, oldest first (at least one)
 * @param title - what the chart shows, e.g. "Incidents per step in zone Z01"
 * @returns the SVG element
 * @throws Error when `steps` is empty (the caller shows nothing instead)
 * @example
 * ```ts
 * panel.append(incidentChart([{ start: '2024-01-01', incidents: 12 }], 'Incidents in zone Z01'));
 * ```
 */
export function incidentChart(steps: readonly ZoneStep[], title: string): SVGSVGElement {
  if (steps.length === 0) throw new Error('incidentChart: no steps to draw');
  const width = 280;
  const top = 16;
  const plotHeight = 60;
  const height = top + plotHeight + 18;
  const max = Math.max(...steps.map((s) => s.incidents));
  const slot = width / steps.length;
  // A gap between bars only where there is room for one; 48 monthly bars still read as bars.
  const gap = slot >= 4 ? Math.min(2, slot * 0.2) : 0;
  const first = steps[0];
  const last = steps[steps.length - 1];
  const label = `${title}: ${first.start} to ${last.start}, ${steps.length} steps, at most ${formatNumber(max)} incidents`;
  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    role: 'img',
    'aria-label': label,
    class: 'incident-chart',
  });
  svg.append(
    svgElement('title', {}, label),
    svgElement('desc', {}, steps.map((s) => `${s.start}: ${formatNumber(s.incidents)}`).join('; ')),
    svgElement('line', {
      x1: 0,
      x2: width,
      y1: top + plotHeight,
      y2: top + plotHeight,
      class: 'incident-axis',
    }),
    svgElement('text', { x: 0, y: 11, class: 'chart-label' }, `max ${formatNumber(max)}`),
  );
  steps.forEach((s, i) => {
    const h = max > 0 ? (Math.max(0, s.incidents) / max) * plotHeight : 0;
    const bar = svgElement('rect', {
      x: i * slot + gap / 2,
      y: top + plotHeight - h,
      width: slot - gap,
      height: h,
      class: 'incident-bar',
      'data-start': s.start,
    });
    bar.append(svgElement('title', {}, `${s.start}: ${formatNumber(s.incidents)} incidents`));
    svg.append(bar);
  });
  const dateY = top + plotHeight + 14;
  svg.append(svgElement('text', { x: 0, y: dateY, class: 'chart-label' }, first.start));
  if (steps.length > 1) {
    svg.append(
      svgElement(
        'text',
        { x: width, y: dateY, 'text-anchor': 'end', class: 'chart-label' },
        last.start,
      ),
    );
  }
  return svg;
}
