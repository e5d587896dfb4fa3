/**
 * Why a hexreach call failed. Tests assert the code, never the message.
 * - `E_ARGUMENT`: a function was given a value it cannot use (wrong length, out of range).
 * - `E_INPUT`: a user's file or record cannot be used (the message names the file and record).
 * - `E_CONFIG`: the configuration does not match its schema (the message names the path).
 * - `E_NOT_FOUND`: a named file or column does not exist.
 */
export type HexreachErrorCode = 'E_ARGUMENT' | 'E_INPUT' | 'E_CONFIG' | 'E_NOT_FOUND';

/**
 * The one error class of hexreach: a code, a message that names the function or file, and the
 * offending value.
 *
 * @example
 * ```ts
 * try { giStar(values, weights); } catch (e) { if (e instanceof HexreachError) console.log(e.code); }
 * ```
 */
export class HexreachError extends Error {
  readonly code: HexreachErrorCode;
  readonly value: unknown;

  constructor(code: HexreachErrorCode, message: string, value?: unknown) {
    super(message);
    this.name = 'HexreachError';
    this.code = code;
    this.value = value;
  }
}

/**
 * Throws `E_ARGUMENT` unless `condition` holds; `fn` names the public function being called.
 *
 * @example
 * ```ts
 * assertArgument(k >= 0, 'kRingWeights', `k must be >= 0, got ${k}`, k);
 * ```
 */
export function assertArgument(
  condition: boolean,
  fn: string,
  message: string,
  value?: unknown,
): asserts condition {
  if (!condition) throw new HexreachError('E_ARGUMENT', `${fn}: ${message}`, value);
}
