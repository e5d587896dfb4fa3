import { CORRIDORS } from './corridors.js';
import { toLngLat } from './degrees.js';
import { DAY_MS, SURVEY_DAYS, SURVEY_RESPONSES, SURVEY_START_MS } from './design.js';
import { formatIsoDate } from './formats.js';
import { HOTSPOTS } from './hotspots.js';
import { clamp, gaussian } from './numbers.js';
import type { Placement } from './placement.js';
import { distanceToSegment, type XY } from './plane.js';
import { cumulate, normal, pickIndex, type Random, shuffle } from './random.js';
import type { TractRecord } from './tracts.js';

/** The rows of surveys.csv and how many answers each tract gave. */
export interface SurveyDraw {
  readonly rows: string[][];
  readonly responsesByTract: Uint32Array;
}

interface Answer {
  readonly time: number;
  readonly p: XY;
  readonly trust: number;
  readonly safe: number;
}

/** The tract of every answer, in drawing order. */
function answerTracts(tracts: readonly TractRecord[], surveyRandom: Random): number[] {
  // Every populated tract gets at least 3 answers, except 4 that barely answered (0, 1 or 2), so
  // per-tract means there rest on too few answers; the rest follow population and participation.
  const populated = tracts.flatMap((t, i) => (t.population > 0 ? [i] : []));
  const sparse = new Set(shuffle([...populated], surveyRandom).slice(0, 4));
  const surveyTracts: number[] = [];
  populated.forEach((i, k) => {
    const base = sparse.has(i) ? k % 3 : 3;
    for (let j = 0; j < base; j++) surveyTracts.push(i);
  });
  const bySurvey = cumulate(
    tracts.map((t, i) =>
      t.population === 0 || sparse.has(i) ? 0 : t.population * Math.exp(0.6 * normal(surveyRandom)),
    ),
  );
  while (surveyTracts.length < SURVEY_RESPONSES)
    surveyTracts.push(pickIndex(bySurvey, surveyRandom));
  return surveyTracts;
}

/** How much crime a respondent at `p` lived with in 2024, 0…1: the fading hotspot is gone. */
function crime2024(p: XY): number {
  let v = 0;
  for (const h of HOTSPOTS)
    if (h.activity !== 'fading')
      v += gaussian(p[0] - h.x, p[1] - h.y, 1.6 * Math.max(h.sigmaXKm, h.sigmaYKm));
  for (const c of CORRIDORS) v += 0.4 * gaussian(distanceToSegment(p, c.from, c.to), 0, 0.25);
  return Math.min(1, v);
}

/**
 * The answers of surveys.csv: trust in the police and feeling safe, lower where need is high and
 * near the hotspots active in 2024.
 */
export function answerSurveys({ tracts, pointIn }: Placement, surveyRandom: Random): SurveyDraw {
  const responsesByTract = new Uint32Array(tracts.length);
  const surveys: Answer[] = [];
  for (const t of answerTracts(tracts, surveyRandom)) {
    responsesByTract[t]++;
    const p = pointIn(t, surveyRandom);
    const crime = crime2024(p);
    const need = tracts[t].need;
    const likert = (v: number) => Math.round(clamp(v, 1, 5));
    surveys.push({
      time: SURVEY_START_MS + Math.floor(surveyRandom() * SURVEY_DAYS) * DAY_MS,
      p,
      trust: likert(3.7 - 1.7 * need - 0.9 * crime + 0.85 * normal(surveyRandom)),
      safe: likert(3.9 - 0.9 * need - 1.4 * crime + 0.85 * normal(surveyRandom)),
    });
  }
  surveys.sort((a, b) => a.time - b.time);
  const rows = surveys.map((s, i) => {
    const [lng, lat] = toLngLat(s.p);
    return [
      String(i + 1),
      formatIsoDate(s.time),
      lat.toFixed(6),
      lng.toFixed(6),
      String(s.trust),
      String(s.safe),
    ];
  });
  return { rows, responsesByTract };
}
