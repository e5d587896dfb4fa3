import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import type { OrganizationProperties } from '../data/results.js';
import { featureBounds } from '../map/featureBounds.js';
import { hitAt } from '../map/hitAt.js';
import { SOURCES } from '../map/layers.js';
import type { ViewerState } from '../state/store.js';
import { h, replaceContent } from '../ui/dom.js';
import { cellDetails, organizationDetails, zoneDetails } from '../ui/renderDetails.js';
import type { ViewerContext } from './context.js';
import type { MapController } from './mapController.js';
import type { ZoneListController } from './zoneListController.js';

/** What is selected, its outline and its details (see {@link createSelectionController}). */
export interface SelectionController {
  /** Selects a zone, flying the map to it unless `fly` is false, and shows its details. */
  selectZone(id: string, fly?: boolean): void;
  /** Puts the hovered and the selected cell in the highlight source (their outlines). */
  updateHighlight(): void;
  /** Shows the details of an organization, else of the cell or zone selected. */
  renderDetails(organization?: OrganizationProperties): void;
}

/** The outlines of the hovered and the selected cell, with their role. */
function highlightFeatures(
  state: Pick<ViewerState, 'results' | 'cells' | 'hovered' | 'selected'>,
): Feature<Polygon | MultiPolygon, { role: string }>[] {
  const { results, cells, hovered, selected } = state;
  const roles: [string, string | undefined][] = [
    ['hover', hovered],
    ['selected', selected?.kind === 'cell' ? selected.h3 : undefined],
  ];
  return roles.flatMap(([role, h3]) => {
    const index = h3 === undefined ? undefined : cells.index.get(h3);
    const cell = index === undefined ? undefined : results?.cells.features[index];
    return cell === undefined
      ? []
      : [{ type: 'Feature' as const, geometry: cell.geometry, properties: { role } }];
  });
}

/**
 * Selection by clicking the map: an organization (its details), a cell of a shown cell layer
 * (outlined), else a zone; and the details panel of what is selected.
 *
 * @param ctx - map, store and page
 * @param mapView - the map's layers and padding
 * @param zones - the ranked list, which marks the selected zone
 * @returns the controller
 * @example
 * ```ts
 * const selection = createSelectionController(ctx, mapView, zoneList);
 * selection.selectZone('Z01');
 * ```
 */
export function createSelectionController(
  ctx: ViewerContext,
  mapView: Pick<MapController, 'drawn' | 'padding'>,
  zones: ZoneListController,
): SelectionController {
  const { map, store, ui } = ctx;

  const updateHighlight = (): void => {
    const source = map.getSource<GeoJSONSource>(SOURCES.highlight);
    const state = store.get();
    if (source === undefined || state.results === undefined) return;
    source.setData({ type: 'FeatureCollection', features: highlightFeatures(state) });
  };

  const setSelectedCell = (h3: string | undefined): void => {
    if (h3 !== undefined) store.set({ selected: { kind: 'cell', h3 } });
    else if (store.get().selected?.kind === 'cell') store.set({ selected: undefined });
    updateHighlight();
  };

  const renderDetails = (organization?: OrganizationProperties): void => {
    if (organization !== undefined) {
      replaceContent(ui.details, organizationDetails(organization));
      return;
    }
    const { results, selected } = store.get();
    if (results === undefined || selected === undefined) {
      replaceContent(
        ui.details,
        h('p', { className: 'hint' }, 'Click a cell, zone or organization on the map.'),
      );
      return;
    }
    if (selected.kind === 'cell') {
      // By the index, not a search: cells read from cells.bin make their properties on first use.
      const index = store.get().cells.index.get(selected.h3);
      const cell = index === undefined ? undefined : results.cells.features[index];
      if (cell !== undefined)
        replaceContent(
          ui.details,
          cellDetails(cell.properties, results.summary, (id) => selectZone(id)),
        );
      return;
    }
    const zone = results.zones?.features.find((z) => z.properties.id === selected.id);
    if (zone === undefined) return;
    const cellZones = results.texts.zone ?? [];
    const cells = results.cells.features
      .filter((_, i) => cellZones[i] === selected.id)
      .map((f) => f.properties);
    replaceContent(ui.details, zoneDetails(zone.properties, cells, results.summary));
  };

  const selectZone = (id: string, fly = true): void => {
    if (store.get().shownZones?.ahead === true) {
      // The zone's outline and details come with the rest of the re-score, in a moment.
      store.set({ selectWhenRescored: id });
      return;
    }
    const zone = store.get().results?.zones?.features.find((z) => z.properties.id === id);
    if (zone === undefined) return;
    setSelectedCell(undefined);
    store.set({ selected: { kind: 'zone', id } });
    if (fly)
      map.fitBounds(featureBounds([zone]) ?? [-180, -85, 180, 85], {
        padding: mapView.padding(60),
        maxZoom: 15,
        duration: 1200,
      });
    zones.render();
    renderDetails();
  };

  map.on('click', (event) => {
    const hit = hitAt(map, store.get(), mapView.drawn(), event);
    if (hit === undefined) return;
    if (hit.kind === 'organization') {
      const organization = store.get().results?.organizations?.features[Number(hit.feature.id)];
      setSelectedCell(undefined);
      store.set({ selected: undefined });
      zones.render();
      if (organization !== undefined) renderDetails(organization.properties);
    } else if (hit.kind === 'cell') {
      setSelectedCell(hit.h3);
      zones.render();
      renderDetails();
    } else {
      selectZone(hit.id, false);
    }
  });

  return { selectZone, updateHighlight, renderDetails };
}
