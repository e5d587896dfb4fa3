import { concentrationShare } from '../../stats/concentrationShare.js';
import { generalizedGini } from '../../stats/generalizedGini.js';
import { gini } from '../../stats/gini.js';
import { lorenzCurve } from '../../stats/lorenzCurve.js';
import type { RunContext } from '../runContext.js';

/** How concentrated incidents are over the cells. */
export interface Concentration {
  /** Gini coefficient of the incident counts per cell (0 = even, → 1 = all in one cell). */
  readonly gini: number;
  /** Gini corrected for fewer incidents than cells (Bernasco & Steenbeek 2017). */
  readonly generalizedGini: number;
  /** Share of incidents in the top 1, 5, 10 and 20 % of cells. */
  readonly topShares: readonly { readonly cellShare: number; readonly incidentShare: number }[];
  /** The Lorenz curve (cells sorted from most to fewest incidents) at up to 101 points. */
  readonly lorenz: {
    readonly cellShare: readonly number[];
    readonly incidentShare: readonly number[];
  };
}

/**
 * How concentrated the incidents are over the cells: Gini, generalised Gini, the share in the
 * top 1, 5, 10 and 20 % of cells, and the Lorenz curve (NaN and empty with no incident).
 *
 * @example
 * ```ts
 * const { concentration } = concentrationStage(run, binned.incidents);
 * concentration.gini; // 0.56
 * ```
 */
export function concentrationStage(
  run: RunContext,
  counts: Uint32Array,
): { readonly concentration: Concentration } {
  return { concentration: run.timed('concentration', () => concentrationOf(counts)) };
}

/** Gini, generalised Gini, top shares and a Lorenz curve of the incident counts per cell. */
function concentrationOf(counts: Uint32Array): Concentration {
  const total = counts.reduce((s, v) => s + v, 0);
  if (total === 0) {
    return {
      gini: Number.NaN,
      generalizedGini: Number.NaN,
      topShares: [],
      lorenz: { cellShare: [], incidentShare: [] },
    };
  }
  const curve = lorenzCurve(counts, { descending: true });
  const step = Math.max(1, Math.ceil((curve.cellShare.length - 1) / 100));
  const cellShare: number[] = [];
  const incidentShare: number[] = [];
  for (let i = 0; i < curve.cellShare.length; i += step) {
    cellShare.push(curve.cellShare[i]);
    incidentShare.push(curve.incidentShare[i]);
  }
  const last = curve.cellShare.length - 1;
  if (cellShare[cellShare.length - 1] !== curve.cellShare[last]) {
    cellShare.push(curve.cellShare[last]);
    incidentShare.push(curve.incidentShare[last]);
  }
  return {
    gini: gini(counts),
    generalizedGini: generalizedGini(counts),
    topShares: [0.01, 0.05, 0.1, 0.2].map((share) => ({
      cellShare: share,
      incidentShare: concentrationShare(counts, share),
    })),
    lorenz: { cellShare, incidentShare },
  };
}
