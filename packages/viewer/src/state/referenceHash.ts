/** The hash parameter holding the reference layers: `ref=wards:1,beats:0` (name : shown). */
const PARAM = 'ref';

/**
 * The reference layers' part of the URL hash: each layer by name, with whether it is shown, so
 * that a shared link shows the same layers once the same files are added. Names are
 * percent-encoded; `:` and `,` inside a name survive.
 *
 * @param layers - the reference layers, in the order added
 * @returns `ref=…`, or an empty string without layers
 * @example
 * ```ts
 * referencesToHashParam([{ name: 'wards', visible: true }, { name: 'beats', visible: false }]);
 * // 'ref=wards:1,beats:0'
 * ```
 */
export function referencesToHashParam(
  layers: readonly { readonly name: string; readonly visible: boolean }[],
): string {
  if (layers.length === 0) return '';
  const pieces = layers.map((l) => `${encodeURIComponent(l.name)}:${l.visible ? 1 : 0}`);
  return `${PARAM}=${pieces.join(',')}`;
}

/**
 * Whether each reference layer named in a hash is shown.
 *
 * @param hash - the URL's hash (`#…`)
 * @returns shown (true) or hidden (false) by layer name; layers not named are absent
 * @example
 * ```ts
 * hashToReferenceVisibility('#active=score&ref=wards:0').get('wards'); // false
 * ```
 */
export function hashToReferenceVisibility(hash: string): Map<string, boolean> {
  const shown = new Map<string, boolean>();
  const value = hash
    .replace(/^#/, '')
    .split('&')
    .find((pair) => pair.startsWith(`${PARAM}=`))
    ?.slice(PARAM.length + 1);
  for (const piece of value?.split(',') ?? []) {
    const colon = piece.lastIndexOf(':');
    const flag = piece.slice(colon + 1);
    if (colon <= 0 || (flag !== '0' && flag !== '1')) continue;
    try {
      shown.set(decodeURIComponent(piece.slice(0, colon)), flag === '1');
    } catch {
      // A malformed escape names no layer.
    }
  }
  return shown;
}

/**
 * A hash with its reference-layer part replaced (or added, or removed), the rest kept in order.
 *
 * @param hash - the URL's hash
 * @param param - `referencesToHashParam(…)`, or empty to remove the part
 * @returns the new hash, `#…` (or empty when nothing is left)
 * @example
 * ```ts
 * withReferenceHashParam('#active=score&ref=wards:1', 'ref=wards:0'); // '#active=score&ref=wards:0'
 * ```
 */
export function withReferenceHashParam(hash: string, param: string): string {
  const rest = hash
    .replace(/^#/, '')
    .split('&')
    .filter((pair) => pair !== '' && !pair.startsWith(`${PARAM}=`));
  const parts = param === '' ? rest : [...rest, param];
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}
