import { gridFromCells } from '../../src/hex/gridFromCells.js';
import { gridDisk, lngLatToCell } from '../../src/hex/h3.js';
import type { SpaceTimeBins } from '../../src/stats/spaceTimeBins.js';
import type { CellGrid, SpatialWeights } from '../../src/types.js';
import { mulberry32 } from '../../src/util/random.js';
import { kRingWeights } from '../../src/weights/kRingWeights.js';

/** A zone of a planted panel: its cells and what was planted. */
export interface PlantedZone {
  readonly id: string;
  readonly cells: Int32Array;
  /** Multiplier of the zone's counts after the start (0.7: a 30 % drop). */
  readonly effect: number;
  /** Share of the prevented incidents moved into the ring (0.5: half displaced). */
  readonly displaced: number;
}

/** A seeded space-time panel of Poisson counts with planted effects. */
export interface PlantedPanel {
  readonly grid: CellGrid;
  readonly contiguity: SpatialWeights;
  readonly cube: SpaceTimeBins;
  readonly zones: readonly PlantedZone[];
  /** The intervention start: 1 January 2019. */
  readonly start: number;
}

/** Draws a Poisson variate (Knuth for small means, normal approximation above 60). */
function poisson(mean: number, random: () => number): number {
  if (mean > 60) {
    const u = Math.max(random(), 1e-12);
    const g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/**
 * 24 months (2018–2019) of monthly counts on the 1,261 cells within 20 steps of a res-9 cell;
 * every cell has its own level (1–15 a month, most cells quiet) and a city-wide trend of +10 %
 * in 2019. Three zones of 19 cells (a cell and its two rings) start on 1 January 2019: `drop`
 * loses 30 % of its incidents; `displaced` loses 30 %, half of which reappears in its ring;
 * `none` is untouched.
 *
 * @example
 * ```ts
 * const panel = plantedPanel(7);
 * panel.zones.map((z) => z.id); // ['drop', 'displaced', 'none']
 * ```
 */
export function plantedPanel(seed: number): PlantedPanel {
  const random = mulberry32(seed);
  const centre = lngLatToCell(-87.65, 41.85, 9);
  const grid = gridFromCells(gridDisk(centre, 20));
  const contiguity = kRingWeights(grid, { k: 1, selfIncluded: false });
  const n = grid.cells.length;
  const index = (cell: string) => grid.indexOf.get(cell) ?? -1;
  const zoneAt = (lng: number, lat: number) =>
    Int32Array.from(gridDisk(lngLatToCell(lng, lat, 9), 2).map(index)).sort();
  const zones: PlantedZone[] = [
    { id: 'drop', cells: zoneAt(-87.665, 41.855), effect: 0.7, displaced: 0 },
    { id: 'displaced', cells: zoneAt(-87.635, 41.855), effect: 0.7, displaced: 0.5 },
    { id: 'none', cells: zoneAt(-87.65, 41.835), effect: 1, displaced: 0 },
  ];
  const level = new Float64Array(n);
  // Levels as a city has them: many quiet cells and a long tail of busy ones, so that busy
  // comparison cells exist outside the zones (common support for the matching).
  for (let c = 0; c < n; c++) level[c] = 1 + 14 * random() ** 3;
  for (const z of zones) for (const c of z.cells) level[c] = 6 + 6 * random();
  const months = 24;
  const stepStarts = new Float64Array(months);
  for (let t = 0; t < months; t++) stepStarts[t] = Date.UTC(2018, t, 1);
  const counts = new Float64Array(months * n);
  const ringOf = zones.map((z) => {
    const inZone = new Set(z.cells);
    const ring = new Set<number>();
    for (const c of z.cells) {
      for (let j = contiguity.offsets[c]; j < contiguity.offsets[c + 1]; j++) {
        if (!inZone.has(contiguity.neighbors[j])) ring.add(contiguity.neighbors[j]);
      }
    }
    return [...ring];
  });
  for (let t = 0; t < months; t++) {
    const after = t >= 12;
    const mean = Float64Array.from(level, (l) => l * (after ? 1.1 : 1));
    if (after) {
      zones.forEach((z, k) => {
        let prevented = 0;
        for (const c of z.cells) {
          prevented += mean[c] * (1 - z.effect);
          mean[c] *= z.effect;
        }
        const ring = ringOf[k];
        let ringTotal = 0;
        for (const c of ring) ringTotal += mean[c];
        for (const c of ring) mean[c] += (prevented * z.displaced * mean[c]) / ringTotal;
      });
    }
    for (let c = 0; c < n; c++) counts[t * n + c] = poisson(mean[c], random);
  }
  let counted = 0;
  for (const v of counts) counted += v;
  const cube: SpaceTimeBins = {
    cells: n,
    steps: months,
    step: 'month',
    stepStarts,
    end: Date.UTC(2020, 0, 1),
    counts,
    counted,
    outsideGrid: 0,
    outsideWindow: 0,
  };
  return { grid, contiguity, cube, zones, start: Date.UTC(2019, 0, 1) };
}
