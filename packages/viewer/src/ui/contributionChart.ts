import { formatNumber } from './format.js';

/** One bar of {@link contributionChart}. */
export interface Contribution {
  readonly label: string;
  /** The component's contribution to the score (missing: NaN). */
  readonly value: number;
  /** The most it can contribute (its weight), drawn as a faint track; undefined when unknown. */
  readonly max?: number;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A horizontal bar chart of each score component's contribution, in plain SVG: one bar per
 * component on a common 0…1 axis (the score's range), over a faint track as long as the
 * component's weight, with the label and value written beside it. Text is set with
 * textContent. The chart has a title and description for screen readers.
 *
 * @param items - the components
 * @param title - what the chart shows, e.g. "Contributions to the priority score 0.907"
 * @returns the SVG element
 * @example
 * ```ts
 * panel.append(contributionChart([{ label: 'Hotspot', value: 0.36, max: 0.4 }], 'Score 0.91'));
 * ```
 */
export function contributionChart(items: readonly Contribution[], title: string): SVGSVGElement {
  const width = 280;
  const labelWidth = 96;
  const valueWidth = 44;
  const barWidth = width - labelWidth - valueWidth;
  const rowHeight = 26;
  const height = items.length * rowHeight + 6;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('role', 'img');
  svg.classList.add('contribution-chart');
  const titleElement = document.createElementNS(SVG, 'title');
  titleElement.textContent = title;
  const desc = document.createElementNS(SVG, 'desc');
  desc.textContent = items.map((i) => `${i.label}: ${formatNumber(i.value)}`).join('; ');
  svg.append(titleElement, desc);
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  items.forEach((item, i) => {
    const y = 3 + i * rowHeight;
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(y + 16));
    label.classList.add('chart-label');
    label.textContent = item.label;
    svg.append(label);
    if (item.max !== undefined && Number.isFinite(item.max)) {
      const track = document.createElementNS(SVG, 'rect');
      track.setAttribute('x', String(labelWidth));
      track.setAttribute('y', String(y + 4));
      track.setAttribute('width', String(clamp(item.max) * barWidth));
      track.setAttribute('height', '16');
      track.classList.add('chart-track');
      svg.append(track);
    }
    const bar = document.createElementNS(SVG, 'rect');
    bar.setAttribute('x', String(labelWidth));
    bar.setAttribute('y', String(y + 4));
    bar.setAttribute(
      'width',
      String(Number.isFinite(item.value) ? clamp(item.value) * barWidth : 0),
    );
    bar.setAttribute('height', '16');
    bar.classList.add('chart-bar');
    bar.dataset.component = item.label;
    svg.append(bar);
    const value = document.createElementNS(SVG, 'text');
    value.setAttribute('x', String(width));
    value.setAttribute('y', String(y + 16));
    value.setAttribute('text-anchor', 'end');
    value.classList.add('chart-value');
    value.textContent = formatNumber(item.value);
    svg.append(value);
  });
  return svg;
}
