import type { ZoneProperties } from '../data/results.js';
import { h, updateAttribute, updateText } from './dom.js';
import { formatNumber } from './format.js';
import { zoneTitle } from './zoneTitle.js';

/** The ranked zone list (see {@link zoneList}). */
export interface ZoneList {
  /** The list, or a sentence when there are no zones. */
  readonly element: HTMLElement;
  /** How many zones it lists. */
  readonly count: number;
  /**
   * Shows other zones, as many as before, and another selection in the rows already there: a
   * re-score then changes texts, not the list's whole tree, which the browser would lay out and
   * paint again as the map repaints.
   */
  update(zones: readonly ZoneProperties[], selected: string | undefined): void;
}

/**
 * The ranked zone list: one button per zone (rank, id, mean score, cells, residents, incidents);
 * choosing one calls `select`, which flies the map to the zone and opens its details.
 *
 * @param zones - the zones' properties, rank 1 first
 * @param selected - the id of the selected zone, if any
 * @param select - called with the zone id
 * @returns the list, which `update` shows other zones of the same number
 * @example
 * ```ts
 * const list = zoneList(results.zones.features.map((z) => z.properties), undefined, selectZone);
 * replaceContent(panel, list.element);
 * ```
 */
export function zoneList(
  zones: readonly ZoneProperties[],
  selected: string | undefined,
  select: (id: string) => void,
): ZoneList {
  if (zones.length === 0) {
    const element = h('p', { className: 'hint' }, 'This run found no priority zone.');
    return { element, count: 0, update: () => {} };
  }
  const rows = zones.map(() => {
    const rank = h('span', { className: 'zone-rank' });
    const id = h('strong', {});
    const score = document.createTextNode('');
    const facts = h('span', { className: 'zone-facts' });
    const button = h(
      'button',
      { className: 'zone-button', attrs: { type: 'button' } },
      rank,
      h('span', { className: 'zone-text' }, id, score, facts),
    );
    button.addEventListener('click', () => {
      if (button.dataset.zone !== undefined) select(button.dataset.zone);
    });
    return { li: h('li', {}, button), button, rank, id, score, facts };
  });
  const update = (next: readonly ZoneProperties[], nextSelected: string | undefined) => {
    for (const [k, row] of rows.entries()) {
      const p = next[k];
      updateAttribute(row.button, 'data-zone', p.id);
      updateAttribute(row.button, 'data-key', `zone-${p.id}`);
      updateAttribute(row.button, 'aria-pressed', String(nextSelected === p.id));
      updateText(row.rank, String(p.rank));
      updateText(row.id, zoneTitle(p));
      updateText(
        row.score,
        ` · mean score ${typeof p.meanScore === 'number' ? formatNumber(p.meanScore) : '—'}`,
      );
      updateText(
        row.facts,
        `${formatNumber(p.cellCount as number)} cells · ${formatNumber(p.population as number)} residents · ${formatNumber(p.incidents as number)} incidents`,
      );
    }
  };
  update(zones, selected);
  const element = h('ol', { className: 'zone-list' }, ...rows.map((r) => r.li));
  return {
    element,
    count: zones.length,
    update: (next, nextSelected) => {
      if (next.length !== rows.length) {
        throw new RangeError(`zoneList: ${next.length} zones for a list of ${rows.length}`);
      }
      update(next, nextSelected);
    },
  };
}
