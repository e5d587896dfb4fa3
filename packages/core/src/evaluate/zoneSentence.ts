import type { CrimeChange, Displacement } from './crimeChange.js';
import type { ZoneEngagement } from './engagementByZone.js';
import type { TrustChange } from './trustChange.js';

/** What a zone's sentence says. */
export interface ZoneOutcomes {
  readonly crime: CrimeChange;
  readonly displacement: Displacement;
  readonly trust?: TrustChange;
  readonly engagement?: ZoneEngagement;
  /** The answer scale, e.g. 1–5. */
  readonly scale?: { readonly min: number; readonly max: number };
}

const percent = (x: number) => `${Math.round(Math.abs(x) * 100)} %`;
const signedPercent = (x: number) => `${x < 0 ? '−' : x > 0 ? '+' : ''}${percent(x)}`;
const fixed = (x: number, digits: number) => {
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `−${s}` : s;
};

/**
 * One sentence in words of a zone's outcomes: the crime change against matched areas with its
 * interval (or "no clear change" when the interval spans zero), the displacement reading with the
 * WDQ, the trust change, and the engagement. Numbers as a planner reads them aloud.
 *
 * @param outcomes - the zone's crime, displacement, trust and engagement
 * @returns the sentence
 * @example
 * ```ts
 * zoneSentence(outcomes);
 * // "Incidents fell 18 % (90 % CI −29 % to −6 %) against matched areas; no displacement into
 * //  the surrounding ring (WDQ 0.12); trust rose 0.3 points on a 1–5 scale (answers: 14 and 16);
 * //  6 events reached 210 residents."
 * ```
 */
export function zoneSentence(outcomes: ZoneOutcomes): string {
  const parts = [crimePart(outcomes.crime), displacementPart(outcomes.displacement)];
  if (outcomes.trust !== undefined) parts.push(trustPart(outcomes.trust, outcomes.scale));
  if (outcomes.engagement !== undefined) parts.push(engagementPart(outcomes.engagement));
  return `${parts.join('; ')}.`;
}

function crimePart(crime: CrimeChange): string {
  if (!Number.isFinite(crime.change) || !Number.isFinite(crime.low)) {
    return `Too few incidents to estimate a change (${crime.zone.before} before, ${crime.zone.after} after)`;
  }
  const ci = `${Math.round(crime.confidence * 100)} % CI ${signedPercent(crime.low)} to ${signedPercent(crime.high)}`;
  const significant = crime.low > 0 || crime.high < 0;
  if (!significant) {
    return `No clear change in incidents against matched areas (${signedPercent(crime.change)}, ${ci})`;
  }
  const verb = crime.change < 0 ? 'fell' : 'rose';
  return `Incidents ${verb} ${percent(crime.change)} (${ci}) against matched areas`;
}

function displacementPart(d: Displacement): string {
  const wdq = Number.isFinite(d.wdq) ? ` (WDQ ${fixed(d.wdq, 2)})` : '';
  switch (d.reading) {
    case 'no reduction to displace':
      return 'no reduction for the surrounding ring to absorb';
    case 'no measurable displacement':
      return `no measurable displacement into the surrounding ring${wdq}`;
    case 'diffusion of benefits':
      return `a diffusion of benefits into the surrounding ring${wdq}`;
    case 'displacement':
      return `some displacement into the surrounding ring${wdq}`;
    case 'displacement larger than the benefit':
      return `displacement into the surrounding ring larger than the benefit${wdq}`;
  }
}

function trustPart(t: TrustChange, scale = { min: 1, max: 5 }): string {
  const answers = `answers: ${t.answersBefore} before, ${t.answersAfter} after`;
  if (t.fewAnswers || !Number.isFinite(t.change)) return `trust not scored (too few ${answers})`;
  const on = `on a ${scale.min}–${scale.max} scale`;
  const significant = t.low > 0 || t.high < 0;
  if (!significant)
    return `no clear change in trust (${fixed(t.change, 1)} points ${on}; ${answers})`;
  return `trust ${t.change > 0 ? 'rose' : 'fell'} ${fixed(Math.abs(t.change), 1)} points ${on} (${answers})`;
}

function engagementPart(e: ZoneEngagement): string {
  if (e.events === 0) return 'no engagement recorded';
  const events = `${e.events} ${e.events === 1 ? 'event' : 'events'}`;
  return e.attendance > 0 ? `${events} reached ${e.attendance} residents` : events;
}
