import type { KernelPoints } from '../stats/kernelDensity.js';
import type { IncidentTable } from '../types.js';
import { getOwn } from '../util/getOwn.js';

/**
 * Each incident's weight times its category's severity weight (unlisted categories weigh 1).
 *
 * @example
 * ```ts
 * incidentWeights(incidents, { HOMICIDE: 10 }); // Float64Array, one weight per incident
 * ```
 */
export function incidentWeights(
  incidents: IncidentTable,
  categoryWeights: Readonly<Record<string, number>>,
): Float64Array {
  // A category named `toString` must weigh 1, not Object.prototype.toString.
  const byCategory = incidents.categories.map((name) => getOwn(categoryWeights, name) ?? 1);
  const out = new Float64Array(incidents.length);
  for (let i = 0; i < incidents.length; i++)
    out[i] = incidents.weight[i] * byCategory[incidents.category[i]];
  return out;
}

/**
 * The incidents counted in a cell, as weighted points (incident weight × category weight).
 *
 * @example
 * ```ts
 * const points = countedPoints(incidents, binned.cellOfIncident, config.incidents.categoryWeights);
 * kernelDensity(grid, points, { bandwidthMeters: 500 });
 * ```
 */
export function countedPoints(
  incidents: IncidentTable,
  cellOfIncident: Int32Array,
  categoryWeights: Readonly<Record<string, number>>,
): KernelPoints {
  const weights = incidentWeights(incidents, categoryWeights);
  let m = 0;
  for (let i = 0; i < cellOfIncident.length; i++) if (cellOfIncident[i] >= 0) m++;
  const lng = new Float64Array(m);
  const lat = new Float64Array(m);
  const weight = new Float64Array(m);
  for (let i = 0, j = 0; i < cellOfIncident.length; i++) {
    if (cellOfIncident[i] < 0) continue;
    lng[j] = incidents.lng[i];
    lat[j] = incidents.lat[i];
    weight[j++] = weights[i];
  }
  return { lng, lat, weight };
}
