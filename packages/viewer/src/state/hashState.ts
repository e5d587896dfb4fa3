import type { IncidentFilters } from '../data/analyzeRawInputs.js';
import { isClassMethod } from '../map/classify.js';
import { isSchemeName } from '../map/colorSchemes.js';
import { type Camera, CLASS_RANGE, type LayerView, type ViewState } from './viewState.js';

/**
 * The URL hash that restores a view, e.g.
 * `#map=12.50/42.34000/-101.35000&active=score&order=zones,outline,score&score=1,0.85,quantile,5,viridis`.
 * Each layer is `visible,opacity,method,classes,scheme[,column]`; then `step=N` (the time step
 * shown), `weights=hotspot:0.4,need:0.3,…` (priority weights asked for) and the incident filters
 * `from=`, `to=` and `exclude=` when set. Every piece is URI-encoded, so a column name cannot
 * break the format.
 *
 * @param state - the view
 * @returns the hash, starting with `#`
 * @example
 * ```ts
 * history.replaceState(null, '', viewStateToHash(state));
 * ```
 */
export function viewStateToHash(state: ViewState): string {
  const parts: string[] = [];
  const c = state.camera;
  if (c !== undefined)
    parts.push(`map=${c.zoom.toFixed(2)}/${c.lat.toFixed(5)}/${c.lng.toFixed(5)}`);
  parts.push(`active=${encodeURIComponent(state.active)}`);
  parts.push(`order=${state.order.map(encodeURIComponent).join(',')}`);
  for (const id of state.order) {
    const v = state.layers[id];
    if (v === undefined) continue;
    const pieces = [
      v.visible ? '1' : '0',
      String(Math.round(v.opacity * 100) / 100),
      v.method,
      String(v.classes),
      v.scheme,
      ...(v.column === undefined ? [] : [v.column]),
    ];
    parts.push(`${encodeURIComponent(id)}=${pieces.map(encodeURIComponent).join(',')}`);
  }
  if (state.step !== undefined) parts.push(`step=${state.step}`);
  if (state.weights !== undefined) {
    const weights = Object.entries(state.weights).map(
      ([name, w]) => `${encodeURIComponent(name)}:${Math.round(w * 1000) / 1000}`,
    );
    parts.push(`weights=${weights.join(',')}`);
  }
  const f = state.filters;
  if (f?.from !== undefined) parts.push(`from=${f.from}`);
  if (f?.to !== undefined) parts.push(`to=${f.to}`);
  if (f?.excluded !== undefined && f.excluded.length > 0)
    parts.push(`exclude=${f.excluded.map(encodeURIComponent).join(',')}`);
  return `#${parts.join('&')}`;
}

/**
 * A view restored from a URL hash over the defaults of the loaded results: every valid piece of
 * the hash is applied, anything unknown or malformed (a layer these results lack, an opacity
 * of 7, a method that does not exist) is ignored, so an edited or stale link still opens.
 *
 * @param hash - `location.hash` (with or without `#`)
 * @param defaults - the default view of the results (its layers are the only ones accepted; a
 *   step from 0 to its `step`, the last, is accepted; weights are names with values 0…1)
 * @param columns - the numeric columns the `column` layer may show
 * @returns the restored view
 * @example
 * ```ts
 * const state = hashToViewState(location.hash, defaultViewState(layers), results.numericColumns);
 * ```
 */
export function hashToViewState(
  hash: string,
  defaults: ViewState,
  columns: readonly string[] = [],
): ViewState {
  const params = hashParams(hash);
  const known = new Set(defaults.order);

  let camera: Camera | undefined = defaults.camera;
  const map = params.get('map')?.[0]?.split('/').map(Number);
  if (
    map !== undefined &&
    map.length === 3 &&
    map.every(Number.isFinite) &&
    map[0] >= 0 &&
    map[0] <= 24 &&
    Math.abs(map[1]) <= 90 &&
    Math.abs(map[2]) <= 180
  ) {
    camera = { zoom: map[0], lat: map[1], lng: map[2] };
  }

  let order = [...defaults.order];
  const asked = params.get('order');
  if (asked !== undefined) {
    const valid = asked.filter((id, i) => known.has(id) && asked.indexOf(id) === i);
    order = [...valid, ...defaults.order.filter((id) => !valid.includes(id))];
  }

  const layers: Record<string, LayerView> = { ...defaults.layers };
  for (const id of defaults.order) {
    const pieces = params.get(id);
    if (pieces === undefined) continue;
    const [visible, opacity, method, classes, scheme, column] = pieces;
    let view: LayerView = layers[id];
    if (visible === '1' || visible === '0') view = { ...view, visible: visible === '1' };
    const o = Number(opacity);
    if (opacity !== undefined && opacity !== '' && Number.isFinite(o) && o >= 0 && o <= 1)
      view = { ...view, opacity: o };
    if (method !== undefined && isClassMethod(method)) view = { ...view, method };
    const k = Number(classes);
    if (Number.isInteger(k) && k >= CLASS_RANGE.min && k <= CLASS_RANGE.max)
      view = { ...view, classes: k };
    if (scheme !== undefined && isSchemeName(scheme)) view = { ...view, scheme };
    if (id === 'column' && column !== undefined && columns.includes(column))
      view = { ...view, column };
    layers[id] = view;
  }

  let step = defaults.step;
  const askedStep = params.get('step')?.[0];
  if (defaults.step !== undefined && askedStep !== undefined && /^\d+$/.test(askedStep))
    step = Math.min(Number(askedStep), defaults.step);

  const settings = settingsOf(params);
  const active = params.get('active')?.[0];
  return {
    active: active !== undefined && known.has(active) ? active : defaults.active,
    order,
    layers,
    camera,
    step,
    weights: settings.weights ?? defaults.weights,
    filters: settings.filters ?? defaults.filters,
  };
}

/**
 * The priority weights and incident filters a URL hash asks for (`weights=hotspot:0.4,…`,
 * `from=YYYY-MM-DD`, `to=YYYY-MM-DD`, `exclude=A,B`), read before any results exist so that an
 * analysis in the browser starts with them. Malformed pieces are ignored: weights are taken only
 * when every one is a name with a value in 0…1, dates only as `YYYY-MM-DD`.
 *
 * @param hash - `location.hash`
 * @returns what the hash sets
 * @example
 * ```ts
 * hashToSettings('#weights=hotspot:1,need:0&from=2024-01-01'); // { weights: {…}, filters: { from: '2024-01-01' } }
 * ```
 */
export function hashToSettings(hash: string): {
  weights: Readonly<Record<string, number>> | undefined;
  filters: IncidentFilters | undefined;
} {
  return settingsOf(hashParams(hash));
}

function hashParams(hash: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = safeDecode(pair.slice(0, eq));
    const value = pair
      .slice(eq + 1)
      .split(',')
      .map(safeDecode);
    if (key !== undefined && value.every((v) => v !== undefined))
      params.set(key, value as string[]);
  }
  return params;
}

function settingsOf(params: Map<string, string[]>): ReturnType<typeof hashToSettings> {
  let weights: Record<string, number> | undefined;
  const askedWeights = params.get('weights');
  if (askedWeights !== undefined) {
    const entries = askedWeights.map((piece) => {
      const colon = piece.lastIndexOf(':');
      const w = Number(piece.slice(colon + 1));
      return colon > 0 && Number.isFinite(w) && w >= 0 && w <= 1
        ? ([piece.slice(0, colon), w] as const)
        : undefined;
    });
    if (entries.length > 0 && entries.every((e) => e !== undefined))
      weights = Object.fromEntries(entries as (readonly [string, number])[]);
  }
  const day = (key: string) => {
    const value = params.get(key)?.[0];
    return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const from = day('from');
  const to = day('to');
  const excluded = params.get('exclude')?.filter((name) => name !== '');
  const filters: IncidentFilters = {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(excluded === undefined || excluded.length === 0 ? {} : { excluded }),
  };
  return { weights, filters: Object.keys(filters).length === 0 ? undefined : filters };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
