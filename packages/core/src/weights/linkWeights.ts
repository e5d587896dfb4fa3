import { assertArgument } from '../errors.js';

/** The weighting styles the builders produce. */
export type WeightsStyle = 'binary' | 'row';

/**
 * Throws `E_ARGUMENT` unless `style` is one of the styles the builders produce; `fn` names the
 * public function being called.
 *
 * @param style - the style option as the caller gave it (`undefined` means the default)
 * @param fn - name of the public function, for the error message
 * @returns the style, `'binary'` when not given
 * @throws HexreachError `E_ARGUMENT` for any other value
 * @example
 * ```ts
 * resolveStyle(options.style, 'kRingWeights'); // 'binary'
 * ```
 */
export function resolveStyle(style: unknown, fn: string): WeightsStyle {
  const resolved = style ?? 'binary';
  assertArgument(
    resolved === 'binary' || resolved === 'row',
    fn,
    `style must be 'binary' or 'row', got ${String(style)}`,
    style,
  );
  return resolved;
}

/**
 * The weight of every link of a CSR neighbour structure: 1 for `binary`, 1/|row| for `row`
 * (spdep `nb2listw(style = "W")`: each row of a binary matrix divided by its sum).
 *
 * @param offsets - CSR row starts, length n + 1
 * @param style - `binary` or `row`
 * @returns one weight per link, aligned with the CSR `neighbors`
 * @example
 * ```ts
 * linkWeights(Uint32Array.of(0, 2, 3), 'row'); // Float64Array [0.5, 0.5, 1]
 * ```
 */
export function linkWeights(offsets: Uint32Array, style: WeightsStyle): Float64Array {
  const n = offsets.length - 1;
  const weights = new Float64Array(offsets[n]);
  if (style === 'binary') return weights.fill(1);
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    if (end > start) weights.fill(1 / (end - start), start, end);
  }
  return weights;
}
