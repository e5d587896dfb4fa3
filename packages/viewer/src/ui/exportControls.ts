import { h } from './dom.js';

/** What the export panel offers, given what is loaded and selected. */
export interface ExportState {
  /** Zones loaded (else the zone exports are disabled). */
  readonly zones: number;
  /** The selected zone's id, offered as the scope of the zone exports. */
  readonly selectedZone: string | undefined;
  /** The report is available (the run's report.html, or the in-browser analysis's). */
  readonly report: boolean;
}

/** The export actions; `scope` is `all` or `selected`. */
export interface ExportActions {
  zonesGeoJson(scope: 'all' | 'selected'): void;
  zonesCsv(scope: 'all' | 'selected'): void;
  mapPng(): void;
  report(): void;
}

/**
 * The export panel: the zones (all, or the selected one) as GeoJSON or CSV, the map as a PNG with
 * its legend, and the printable report. Buttons that cannot work now are disabled and say why.
 *
 * @param state - what can be exported
 * @param actions - called when a button is pressed
 * @returns the controls
 * @example
 * ```ts
 * replaceContent(panel, exportControls({ zones: 4, selectedZone: 'Z02', report: true }, actions));
 * ```
 */
export function exportControls(state: ExportState, actions: ExportActions): HTMLElement {
  const scopeAll = h('input', {
    attrs: { type: 'radio', name: 'export-scope', id: 'export-scope-all', value: 'all' },
  });
  const scopeSelected = h('input', {
    attrs: { type: 'radio', name: 'export-scope', id: 'export-scope-selected', value: 'selected' },
  });
  scopeAll.checked = state.selectedZone === undefined;
  scopeSelected.checked = state.selectedZone !== undefined;
  scopeSelected.disabled = state.selectedZone === undefined;
  const scope = (): 'all' | 'selected' => (scopeSelected.checked ? 'selected' : 'all');
  const button = (key: string, text: string, run: () => void, disabledBecause?: string) => {
    const element = h(
      'button',
      { attrs: { type: 'button', 'data-key': key, 'data-export': key } },
      text,
    );
    if (disabledBecause !== undefined) {
      element.disabled = true;
      element.title = disabledBecause;
    } else element.addEventListener('click', run);
    return element;
  };
  const noZones = state.zones === 0 ? 'No zones are loaded.' : undefined;
  return h(
    'div',
    { className: 'export-controls' },
    h(
      'fieldset',
      { className: 'export-scope' },
      h('legend', {}, 'Zones to export'),
      h('label', { attrs: { for: 'export-scope-all' } }, scopeAll, ` All (${state.zones})`),
      h(
        'label',
        { attrs: { for: 'export-scope-selected' } },
        scopeSelected,
        state.selectedZone === undefined
          ? ' Selected zone (select one first)'
          : ` Selected zone ${state.selectedZone}`,
      ),
    ),
    h(
      'div',
      { className: 'export-buttons' },
      button('zones-geojson', 'Zones (GeoJSON)', () => actions.zonesGeoJson(scope()), noZones),
      button('zones-csv', 'Zones (CSV)', () => actions.zonesCsv(scope()), noZones),
      button('map-png', 'Map with legend (PNG)', () => actions.mapPng()),
      button(
        'report',
        'Report (HTML)',
        () => actions.report(),
        state.report ? undefined : 'These results came without report.html.',
      ),
    ),
  );
}
