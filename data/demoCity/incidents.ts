import { type BadRowFact, withBadRows } from './badRows.js';
import { CORRIDORS, type Corridor } from './corridors.js';
import { toLngLat } from './degrees.js';
import { INCIDENTS_IN_CITY, OUTSIDE_INCIDENTS } from './design.js';
import { formatPortalDate } from './formats.js';
import { HOTSPOTS, type Hotspot } from './hotspots.js';
import { sampleTime, timeProfile } from './incidentTimes.js';
import type { Placement } from './placement.js';
import { pointInPoly, type XY } from './plane.js';
import { cumulate, type Mix, normal, pickIndex, type Random, toMix } from './random.js';

/** Everything else, spread in proportion to where people live (Chicago-like category shares). */
const BACKGROUND_MIX = {
  THEFT: 24,
  BATTERY: 18,
  'CRIMINAL DAMAGE': 12,
  ASSAULT: 8,
  'DECEPTIVE PRACTICE': 7,
  'OTHER OFFENSE': 7,
  BURGLARY: 6,
  'MOTOR VEHICLE THEFT': 6,
  NARCOTICS: 4,
  ROBBERY: 4,
  'CRIMINAL TRESPASS': 3,
  'WEAPONS VIOLATION': 1,
};

interface Incident {
  readonly time: number;
  readonly category: string;
  readonly p: XY;
}

/** The rows of incidents.csv and how many incidents each source gave. */
export interface IncidentDraw {
  readonly rows: string[][];
  readonly badRows: BadRowFact[];
  readonly categories: string[];
  readonly hotspotCounts: number[];
  readonly corridorCounts: number[];
  readonly backgroundCount: number;
}

function sampleBlob(h: Hotspot, accept: (p: XY) => boolean, random: Random): XY {
  const angle = (h.rotationDeg * Math.PI) / 180;
  for (;;) {
    const u = h.sigmaXKm * normal(random);
    const v = h.sigmaYKm * normal(random);
    const p: XY = [
      h.x + u * Math.cos(angle) - v * Math.sin(angle),
      h.y + u * Math.sin(angle) + v * Math.cos(angle),
    ];
    if (accept(p)) return p;
  }
}

function sampleCorridor(c: Corridor, accept: (p: XY) => boolean, random: Random): XY {
  const dx = c.to[0] - c.from[0];
  const dy = c.to[1] - c.from[1];
  const len = Math.hypot(dx, dy);
  for (;;) {
    const t = random();
    const off = c.spreadKm * normal(random);
    const p: XY = [c.from[0] + t * dx - (off * dy) / len, c.from[1] + t * dy + (off * dx) / len];
    if (accept(p)) return p;
  }
}

function sampleOutside(shore: readonly XY[], accept: (p: XY) => boolean, random: Random): XY {
  for (;;) {
    const [x, y] = shore[Math.floor(random() * shore.length)];
    const len = Math.hypot(x, y);
    const beyond = 0.5 + 0.7 * random();
    const p: XY = [x + (x / len) * beyond, y + (y / len) * beyond];
    if (accept(p)) return p;
  }
}

/** Draws `count` incidents: each a time, then a category, then a place. */
function drawMany(
  count: number,
  profile: Float64Array,
  mix: Mix,
  place: () => XY,
  random: Random,
): Incident[] {
  const incidents: Incident[] = [];
  for (let i = 0; i < count; i++)
    incidents.push({
      time: sampleTime(profile, random),
      category: mix.names[pickIndex(mix.cumulative, random)],
      p: place(),
    });
  return incidents;
}

function sourceCounts() {
  const hotspotCounts = HOTSPOTS.map((h) => Math.round(h.share * INCIDENTS_IN_CITY));
  const corridorCounts = CORRIDORS.map((c) => Math.round(c.share * INCIDENTS_IN_CITY));
  const backgroundCount =
    INCIDENTS_IN_CITY -
    hotspotCounts.reduce((a, b) => a + b, 0) -
    corridorCounts.reduce((a, b) => a + b, 0);
  return { hotspotCounts, corridorCounts, backgroundCount };
}

function sampleIncidents(
  { city, tracts, locate, pointIn }: Placement,
  counts: ReturnType<typeof sourceCounts>,
  random: Random,
): Incident[] {
  const inCity = (p: XY) => locate(p) >= 0;
  const profiles = {
    steady: timeProfile('steady'),
    emerging: timeProfile('emerging'),
    fading: timeProfile('fading'),
  };
  const incidents: Incident[] = [];
  HOTSPOTS.forEach((h, k) => {
    const place = () => sampleBlob(h, inCity, random);
    incidents.push(
      ...drawMany(counts.hotspotCounts[k], profiles[h.activity], toMix(h.mix), place, random),
    );
  });
  CORRIDORS.forEach((c, k) => {
    const place = () => sampleCorridor(c, inCity, random);
    incidents.push(
      ...drawMany(counts.corridorCounts[k], profiles.steady, toMix(c.mix), place, random),
    );
  });
  const backgroundMix = toMix(BACKGROUND_MIX);
  const byPopulation = cumulate(tracts.map((t) => t.population));
  for (let i = 0; i < counts.backgroundCount; i++) {
    // The tract is drawn before the time, so this source does not fit drawMany's order.
    const t = pickIndex(byPopulation, random);
    incidents.push({
      time: sampleTime(profiles.steady, random),
      category: backgroundMix.names[pickIndex(backgroundMix.cumulative, random)],
      p: pointIn(t, random),
    });
  }
  const shore = city.outline.filter((p) => !pointInPoly(p, [city.lake]));
  const nearby = (p: XY) => locate(p) === -1 && !pointInPoly(p, [city.lake]);
  const outside = () => sampleOutside(shore, nearby, random);
  incidents.push(...drawMany(OUTSIDE_INCIDENTS, profiles.steady, backgroundMix, outside, random));
  return incidents;
}

/**
 * The incidents of incidents.csv: hotspots, corridors, a background that follows population and
 * a few just outside the city, in time order, with the deliberately bad rows slipped in.
 */
export function drawIncidents(placement: Placement, random: Random): IncidentDraw {
  const counts = sourceCounts();
  const incidents = sampleIncidents(placement, counts, random);
  incidents.sort((a, b) => a.time - b.time);
  const goodRows = incidents.map((incident) => {
    const [lng, lat] = toLngLat(incident.p);
    return {
      date: formatPortalDate(incident.time),
      category: incident.category,
      lat: lat.toFixed(6),
      lng: lng.toFixed(6),
    };
  });
  const { rows, badRows } = withBadRows(goodRows, random);
  const categories = [...new Set(incidents.map((i) => i.category))].sort();
  return { rows, badRows, categories, ...counts };
}
