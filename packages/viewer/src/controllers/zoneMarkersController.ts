import { Marker } from 'maplibre-gl';
import { zoneLabelPoints } from '../map/zoneLabelPoints.js';
import { h, updateAttribute, updateText } from '../ui/dom.js';
import { zoneLabelText, zoneTitle } from '../ui/zoneTitle.js';
import type { ViewerContext } from './context.js';

/** A zone's rank label as drawn on the map: where it is on the screen and its text. */
export interface ZoneLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** The zones' rank labels on the map (see {@link createZoneMarkersController}). */
export interface ZoneMarkersController {
  /** Puts a rank label on each zone shown. */
  place(): void;
  /** Shows the labels with the zones layer, hides them without. */
  updateVisibility(): void;
  /** Takes every label off the map (a new basemap style starts empty). */
  removeAll(): void;
  /** The labels shown, in screen pixels (for the exported image). */
  shownLabels(): ZoneLabel[];
}

/**
 * The zones' rank labels, HTML markers (an offline style has no glyphs), each a button that
 * selects its zone.
 *
 * @param ctx - map and store
 * @param select - selects a zone by id, without flying to it
 * @returns the controller
 * @example
 * ```ts
 * const markers = createZoneMarkersController(ctx, (id) => selection.selectZone(id, false));
 * markers.place();
 * ```
 */
export function createZoneMarkersController(
  ctx: ViewerContext,
  select: (id: string) => void,
): ZoneMarkersController {
  const { map, store } = ctx;
  let markers: Marker[] = [];

  const zoneMarker = (): Marker => {
    const label = h('button', { className: 'zone-label', attrs: { type: 'button' } });
    label.addEventListener('click', (event) => {
      event.stopPropagation();
      if (label.dataset.zone !== undefined) select(label.dataset.zone);
    });
    return new Marker({ element: label });
  };

  const updateVisibility = (): void => {
    const visible = store.get().view?.layers.zones?.visible ?? false;
    for (const marker of markers) marker.getElement().hidden = !visible;
  };

  // The labels shown before are moved and renamed rather than made anew, so that a re-score
  // changes a few texts and positions.
  const place = (): void => {
    const placed: Marker[] = [];
    const { results, shownZones, view } = store.get();
    if (results !== undefined && shownZones !== undefined && view !== undefined) {
      const { groups, list } = shownZones;
      const points = zoneLabelPoints(results.cells.features, groups, list.length);
      for (const [z, zone] of list.entries()) {
        const point = points[z];
        if (point === undefined) continue;
        const marker = markers[placed.length] ?? zoneMarker();
        const label = marker.getElement();
        updateText(label, zoneLabelText(zone));
        updateAttribute(label, 'aria-label', `Zone ${zoneTitle(zone)}, rank ${zone.rank}`);
        updateAttribute(label, 'data-zone', zone.id);
        placed.push(marker.setLngLat(point));
        if (placed.length > markers.length) marker.addTo(map);
      }
    }
    for (const marker of markers.slice(placed.length)) marker.remove();
    markers = placed;
    updateVisibility();
  };

  return {
    place,
    updateVisibility,
    removeAll: () => {
      for (const marker of markers) marker.remove();
      markers = [];
    },
    shownLabels: () =>
      markers
        .filter((marker) => !marker.getElement().hidden)
        .map((marker) => {
          const point = map.project(marker.getLngLat());
          return { x: point.x, y: point.y, text: marker.getElement().textContent ?? '' };
        }),
  };
}
