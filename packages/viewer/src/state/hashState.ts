import { isClassMethod } from '../map/classify.js';
import { isSchemeName } from '../map/colorSchemes.js';
import { type Camera, CLASS_RANGE, type LayerView, type ViewState } from './viewState.js';

/**
 * The URL hash that restores a view, e.g.
 * `#map=12.50/42.34000/-101.35000&active=score&order=zones,outline,score&score=1,0.85,quantile,5,viridis`.
 * Each layer is `visible,opacity,method,classes,scheme[,column]`; every piece is URI-encoded, so
 * a column name cannot break the format.
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
  return `#${parts.join('&')}`;
}

/**
 * A view restored from a URL hash over the defaults of the loaded results: every valid piece of
 * the hash is applied, anything unknown or malformed (a layer these results lack, an opacity
 * of 7, a method that does not exist) is ignored, so an edited or stale link still opens.
 *
 * @param hash - `location.hash` (with or without `#`)
 * @param defaults - the default view of the results (its layers are the only ones accepted)
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

  const active = params.get('active')?.[0];
  return {
    active: active !== undefined && known.has(active) ? active : defaults.active,
    order,
    layers,
    camera,
  };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
