import type { HexreachConfig } from '../config/configSchema.js';
import { HexreachError } from '../errors.js';
import type { RejectionTally } from '../run/rejectionTally.js';

/**
 * A wrong use of a command (exit code 2): a missing or conflicting flag.
 *
 * @example
 * ```ts
 * throw usage('no areas file: give --areas FILE or inputs.areas.path');
 * ```
 */
export function usage(message: string): HexreachError {
  return new HexreachError('E_ARGUMENT', message);
}

/**
 * Under `strict`, any rejected record is an error (exit code 1) naming how many and the first.
 *
 * @example
 * ```ts
 * failWhenStrict(config, combineTallies([incidents, areas]));
 * ```
 */
export function failWhenStrict(config: HexreachConfig, rejected: RejectionTally): void {
  if (!config.strict || rejected.total === 0) return;
  const first = rejected.first[0];
  throw new HexreachError(
    'E_INPUT',
    `${rejected.total.toLocaleString('en-US')} record(s) rejected and --strict is set; first: ${first.source} ${first.recordKind} ${first.record}: ${first.message}`,
  );
}
