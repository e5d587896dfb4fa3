import type { LoadedResults } from '../data/results.js';
import { formatNumber } from './format.js';

/**
 * The status line of results: where they came from, what they hold, and the hexreach version.
 *
 * @example
 * ```ts
 * describeResults(results); // "Results from results/: 1,234 cells, 5 zones · hexreach 0.1.0"
 * ```
 */
export function describeResults(results: LoadedResults): string {
  const zones = results.zones?.features.length;
  const parts = [
    `${formatNumber(results.cells.features.length)} cells`,
    zones === undefined ? undefined : `${formatNumber(zones)} zone${zones === 1 ? '' : 's'}`,
    results.organizations === undefined
      ? undefined
      : `${formatNumber(results.organizations.features.length)} organizations`,
  ].filter((p) => p !== undefined);
  const version =
    typeof results.summary?.hexreach === 'string' ? ` · hexreach ${results.summary.hexreach}` : '';
  return `Results from ${results.origin}: ${parts.join(', ')}${version}`;
}

/**
 * The status line when a load or an analysis did not change what is shown.
 *
 * @example
 * ```ts
 * ui.status.textContent = statusOf(store.get().results);
 * ```
 */
export function statusOf(results: LoadedResults | undefined): string {
  return results === undefined ? 'No results loaded' : describeResults(results);
}

/**
 * The text of anything thrown: an Error's message (HexreachErrors name the file and the
 * problem), else the value as a string.
 *
 * @example
 * ```ts
 * showMessage(ui.messages, 'error', `Could not load: ${errorMessage(error)}`);
 * ```
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
