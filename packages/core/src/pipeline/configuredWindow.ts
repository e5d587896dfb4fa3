import type { HexreachConfig } from '../config/configSchema.js';
import { parseDate } from '../io/parseDate.js';

/**
 * The configured date window (`incidents.from`, `incidents.to`) in ms, each bound undefined when
 * not set.
 *
 * @example
 * ```ts
 * configuredWindow(config); // { from: 1514764800000, to: undefined }
 * ```
 */
export function configuredWindow(config: HexreachConfig): {
  readonly from: number | undefined;
  readonly to: number | undefined;
} {
  return {
    from: config.incidents.from === undefined ? undefined : parseDate(config.incidents.from),
    to: config.incidents.to === undefined ? undefined : parseDate(config.incidents.to),
  };
}
