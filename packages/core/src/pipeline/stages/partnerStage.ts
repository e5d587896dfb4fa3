import { type PartnerAccess, partnerAccess } from '../../indicators/partnerAccess.js';
import type { CellGrid } from '../../types.js';
import type { RunContext } from '../runContext.js';

/**
 * Access to partner organizations per cell (nearest, count and capacity within
 * `partners.radiusMeters`), when organizations are given.
 *
 * @example
 * ```ts
 * const { partners } = partnerStage(run, grid);
 * partners?.nearestAnyMeters; // per cell
 * ```
 */
export function partnerStage(
  run: RunContext,
  grid: CellGrid,
): { readonly partners: PartnerAccess | undefined } {
  const { organizations } = run.inputs;
  if (organizations === undefined || organizations.length === 0) return { partners: undefined };
  const partners = run.timed('partners', () =>
    partnerAccess(grid, organizations, {
      radiusMeters: run.config.partners.radiusMeters,
      types: run.config.partners.types,
    }),
  );
  return { partners };
}
