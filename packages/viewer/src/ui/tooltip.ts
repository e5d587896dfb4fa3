import { h } from './dom.js';

/**
 * Shows the tooltip next to the pointer with a heading and label/value rows (all as text),
 * kept inside its container.
 *
 * @param tooltip - the tooltip element (absolutely positioned in `container`)
 * @param x - pointer x in the container, pixels
 * @param y - pointer y in the container, pixels
 * @param heading - first line
 * @param rows - label and value pairs
 * @example
 * ```ts
 * showTooltip(tooltip, e.point.x, e.point.y, 'Cell 89…', [['Priority score', '0.91']]);
 * ```
 */
export function showTooltip(
  tooltip: HTMLElement,
  x: number,
  y: number,
  heading: string,
  rows: readonly [string, string][],
): void {
  tooltip.replaceChildren(
    h('strong', {}, heading),
    h('dl', {}, ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
  );
  tooltip.hidden = false;
  const container = tooltip.offsetParent as HTMLElement | null;
  const width = container?.clientWidth ?? Number.POSITIVE_INFINITY;
  const height = container?.clientHeight ?? Number.POSITIVE_INFINITY;
  const left = x + 14 + tooltip.offsetWidth > width ? x - 14 - tooltip.offsetWidth : x + 14;
  const top = y + 14 + tooltip.offsetHeight > height ? y - 14 - tooltip.offsetHeight : y + 14;
  tooltip.style.left = `${Math.max(0, left)}px`;
  tooltip.style.top = `${Math.max(0, top)}px`;
}

/**
 * Hides the tooltip.
 *
 * @example
 * ```ts
 * map.getCanvas().addEventListener('mouseleave', () => hideTooltip(tooltip));
 * ```
 */
export function hideTooltip(tooltip: HTMLElement): void {
  tooltip.hidden = true;
}
