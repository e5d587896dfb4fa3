import { h } from './dom.js';

const STORAGE_KEY = 'hexreach.basemapStyleUrl';

/**
 * The basemap style URL the user set, if any (remembered in localStorage). Only http(s) URLs
 * are returned.
 *
 * @example
 * ```ts
 * const url = readBasemapUrl(); // undefined: the offline map
 * ```
 */
export function readBasemapUrl(): string | undefined {
  try {
    const url = localStorage.getItem(STORAGE_KEY) ?? undefined;
    return url !== undefined && isStyleUrl(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remembers the basemap style URL, or forgets it when `url` is undefined.
 *
 * @example
 * ```ts
 * saveBasemapUrl('https://tiles.example.org/style.json');
 * ```
 */
export function saveBasemapUrl(url: string | undefined): void {
  try {
    if (url === undefined) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, url);
  } catch {
    // Storage can be disabled (private windows, file shares); the setting then lasts the session.
  }
}

/**
 * Is `text` an absolute http(s) URL?
 *
 * @example
 * ```ts
 * isStyleUrl('https://tiles.example.org/style.json'); // true
 * isStyleUrl('javascript:alert(1)'); // false
 * ```
 */
export function isStyleUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The basemap form: a URL field, "Use basemap" and "No basemap". The map is offline unless the
 * user sets a style URL here (a MapLibre style JSON, e.g. from their own tile server).
 *
 * @param current - the URL in use, if any
 * @param apply - called with the new URL, or undefined for the offline map
 * @param invalid - called with a message when the text is not an http(s) URL
 * @param openPmtiles - called with a PMTiles file chosen with "Open PMTiles…"
 * @param pmtilesName - the PMTiles basemap shown, if any
 * @example
 * ```ts
 * panel.append(basemapForm(readBasemapUrl(), setBasemap, (m) => showMessage(area, 'error', m)));
 * ```
 */
export function basemapForm(
  current: string | undefined,
  apply: (url: string | undefined) => void,
  invalid: (message: string) => void,
  openPmtiles: (file: File) => void = () => {},
  pmtilesName?: string,
): HTMLFormElement {
  const input = h('input', {
    attrs: {
      id: 'basemap-url',
      type: 'url',
      placeholder: 'https://…/style.json',
      autocomplete: 'url',
      spellcheck: 'false',
    },
  });
  input.value = current ?? '';
  const clear = h('button', { attrs: { type: 'button' } }, 'No basemap');
  clear.addEventListener('click', () => {
    input.value = '';
    apply(undefined);
  });
  const form = h(
    'form',
    // The viewer's own message (below) names the problem; the browser's bubble would not say why.
    { className: 'basemap-form', attrs: { novalidate: '' } },
    h(
      'label',
      { attrs: { for: 'basemap-url' } },
      'Basemap style URL (optional; loads tiles from the network)',
    ),
    input,
    h(
      'div',
      { className: 'button-row' },
      h('button', { attrs: { type: 'submit' } }, 'Use basemap'),
      clear,
    ),
    h(
      'p',
      { className: 'hint' },
      pmtilesName === undefined
        ? 'Or a basemap with no network: a PMTiles file of your city (see the README).'
        : `Basemap: ${pmtilesName} (PMTiles, offline).`,
    ),
    h('label', { className: 'button', attrs: { for: 'basemap-pmtiles' } }, 'Open PMTiles…'),
    pmtilesInput(openPmtiles),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') apply(undefined);
    else if (isStyleUrl(text)) apply(text);
    else invalid(`Basemap: "${text}" is not an http(s) URL of a MapLibre style.`);
  });
  return form;
}

/** The hidden file input of "Open PMTiles…". */
function pmtilesInput(open: (file: File) => void): HTMLInputElement {
  const input = h('input', {
    className: 'visually-hidden',
    attrs: { id: 'basemap-pmtiles', type: 'file', accept: '.pmtiles' },
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file !== undefined) open(file);
  });
  return input;
}
