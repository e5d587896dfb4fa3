import type { ZoneProperties } from '../data/results.js';
import { h } from './dom.js';
import { formatNumber } from './format.js';

/**
 * The ranked zone list: one button per zone (rank, id, mean score, cells, residents, incidents);
 * choosing one calls `select`, which flies the map to the zone and opens its details.
 *
 * @param zones - the zones' properties, rank 1 first
 * @param selected - the id of the selected zone, if any
 * @param select - called with the zone id
 * @returns the list, or a sentence when there are no zones
 * @example
 * ```ts
 * replaceContent(panel, zoneList(results.zones.features.map((z) => z.properties), undefined, selectZone));
 * ```
 */
export function zoneList(
  zones: readonly ZoneProperties[],
  selected: string | undefined,
  select: (id: string) => void,
): HTMLElement {
  if (zones.length === 0) return h('p', { className: 'hint' }, 'This run found no priority zone.');
  return h(
    'ol',
    { className: 'zone-list' },
    ...zones.map((p) => {
      const score = typeof p.meanScore === 'number' ? formatNumber(p.meanScore) : '—';
      const button = h(
        'button',
        {
          className: 'zone-button',
          attrs: {
            type: 'button',
            'data-zone': p.id,
            'data-key': `zone-${p.id}`,
            'aria-pressed': String(selected === p.id),
          },
        },
        h('span', { className: 'zone-rank' }, String(p.rank)),
        h(
          'span',
          { className: 'zone-text' },
          h('strong', {}, p.id),
          ` · mean score ${score}`,
          h(
            'span',
            { className: 'zone-facts' },
            `${formatNumber(p.cellCount as number)} cells · ${formatNumber(p.population as number)} residents · ${formatNumber(p.incidents as number)} incidents`,
          ),
        ),
      );
      button.addEventListener('click', () => select(p.id));
      return h('li', {}, button);
    }),
  );
}
