import { DAY_MS, DAYS, START_MS } from './design.js';
import type { Activity } from './hotspots.js';
import { cumulate, pickIndex, type Random } from './random.js';

// Relative intensity by weekday (Sunday first) and by hour of day: weekend nights are busiest.
const WEEKDAY = [1.0, 0.95, 0.93, 0.95, 0.98, 1.08, 1.12];
const HOUR = [
  0.7, 0.55, 0.45, 0.35, 0.25, 0.22, 0.3, 0.45, 0.65, 0.8, 0.9, 0.95, 1.05, 1.0, 1.0, 1.05, 1.1,
  1.2, 1.3, 1.3, 1.25, 1.15, 1.0, 0.85,
];

/** Running weights of every hour of 2023–2024 for a source's activity, for {@link sampleTime}. */
export function timeProfile(activity: Activity): Float64Array {
  const weights = new Float64Array(DAYS * 24);
  for (let d = 0; d < DAYS; d++) {
    const ms = START_MS + d * DAY_MS;
    const date = new Date(ms);
    const dayOfYear = (ms - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
    // Summer peak near 21 July, winter trough near 19 January.
    const season = 1 + 0.22 * Math.sin((2 * Math.PI * (dayOfYear - 111)) / 365.25);
    let trend = 1;
    if (activity === 'emerging') trend = d < 365 ? 0 : 0.35 + (0.65 * (d - 365)) / 365;
    else if (activity === 'fading') trend = Math.max(0, 1 - d / 455);
    for (let h = 0; h < 24; h++)
      weights[d * 24 + h] = season * WEEKDAY[date.getUTCDay()] * HOUR[h] * trend;
  }
  return cumulate(weights);
}

/** A time drawn from a profile: an hour by weight, then a whole second within it. */
export function sampleTime(profile: Float64Array, random: Random): number {
  const slot = pickIndex(profile, random);
  return START_MS + slot * 3_600_000 + Math.floor(random() * 3600) * 1000;
}
