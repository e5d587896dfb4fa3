import { gaussian } from './numbers.js';
import type { XY } from './plane.js';

/** Where income, jobs and schooling are worst; the need index peaks at 1 in their centres. */
export const DISTRICTS = [
  { name: 'Quarry Row', x: -2.2, y: -3.4, sigmaKm: 1.5, strength: 1, hotspot: true },
  { name: 'East Riverside', x: 3.3, y: -0.4, sigmaKm: 1.1, strength: 1, hotspot: true },
  { name: 'Northwest Heights', x: -4.8, y: 3.3, sigmaKm: 1.3, strength: 0.95, hotspot: false },
] as const;

/** Well-off areas around the two hotspots that are meant to show no need. */
const AFFLUENT = [
  { name: 'Downtown', x: 0.9, y: -0.7, sigmaKm: 0.9 },
  { name: 'Northgate', x: 4.0, y: 3.9, sigmaKm: 1.0 },
] as const;

/** Fictitious neighbourhood names, used to name organizations and describe the structure. */
const NEIGHBOURHOODS: readonly { name: string; x: number; y: number }[] = [
  { name: 'Downtown', x: 0.8, y: -0.6 },
  { name: 'Quarry Row', x: -2.2, y: -3.4 },
  { name: 'East Riverside', x: 3.3, y: -0.3 },
  { name: 'Northwest Heights', x: -4.8, y: 3.3 },
  { name: 'Northgate', x: 4.0, y: 3.9 },
  { name: 'West Yards', x: -4.6, y: -1.6 },
  { name: 'Old Market', x: -0.7, y: 3.1 },
  { name: 'Millbrook', x: -6.2, y: 0.9 },
  { name: 'Cedar Flats', x: 2.0, y: -4.2 },
  { name: 'Lindenwood', x: -4.6, y: -4.3 },
  { name: 'Harbor Point', x: 5.3, y: -2.6 },
  { name: 'Orchard Hill', x: 1.8, y: 4.9 },
  { name: 'Bell Meadow', x: -2.8, y: 5.0 },
  { name: 'Ashford', x: 4.4, y: 1.6 },
  { name: 'Stonegate', x: -2.6, y: 1.6 },
];

/** Each district's pull on `p`, in {@link DISTRICTS} order: its strength at its centre, 0 afar. */
export function districtWeights(p: XY): number[] {
  return DISTRICTS.map((d) => d.strength * gaussian(p[0] - d.x, p[1] - d.y, d.sigmaKm));
}

/** How well-off `p` is by design: 1 at the centre of an affluent area. */
export function affluenceAt(p: XY): number {
  return Math.max(...AFFLUENT.map((a) => gaussian(p[0] - a.x, p[1] - a.y, a.sigmaKm)));
}

/** Name of the neighbourhood whose centre is nearest to `p`. */
export function nearestNeighbourhood(p: XY): string {
  let best = NEIGHBOURHOODS[0];
  for (const n of NEIGHBOURHOODS)
    if (Math.hypot(p[0] - n.x, p[1] - n.y) < Math.hypot(p[0] - best.x, p[1] - best.y)) best = n;
  return best.name;
}
