import type { ZoneProperties } from '../data/results.js';

/** One suggested partner organization of a zone. */
export interface ZonePartner {
  readonly name: string;
  readonly type: string;
  /** Distance from the zone in metres (0 inside it). */
  readonly distanceMeters: number;
}

/** Incidents of a zone in one time step. */
export interface ZoneStep {
  /** First day of the step, `YYYY-MM-DD`. */
  readonly start: string;
  readonly incidents: number;
}

/** How stable a zone is when the inputs are perturbed. */
export interface ZoneRobustness {
  readonly label: string;
  /** Mean share of the checks in which the zone's cells were selected, 0…1. */
  readonly meanProbability: number;
  /** Share of its cells selected in at least half of the checks, 0…1; undefined when absent. */
  readonly stableShare: number | undefined;
}

/**
 * The optional descriptive fields of a zone, each undefined when the file does not carry it
 * (older results, public exports) or carries it in a shape the viewer does not understand.
 * `need` and `trust` are null when the file says the value is unknown.
 */
export interface ZoneDetailFields {
  readonly reasons: readonly string[] | undefined;
  readonly robustness: ZoneRobustness | undefined;
  readonly jointClass: string | undefined;
  readonly need: number | null | undefined;
  /** A mean answer, or a word such as "too few responses". */
  readonly trust: number | string | null | undefined;
  readonly trustResponses: number | undefined;
  readonly partners: readonly ZonePartner[] | undefined;
  readonly incidentsByStep: readonly ZoneStep[] | undefined;
  readonly trend: string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

/** The array's items read by `item`, or undefined when it is not an array or any item is malformed. */
function arrayOf<T>(value: unknown, item: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: T[] = [];
  for (const v of value) {
    const parsed = item(v);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
}

function partner(v: unknown): ZonePartner | undefined {
  if (!isRecord(v) || typeof v.name !== 'string' || !finite(v.distanceMeters)) return undefined;
  return {
    name: v.name,
    type: typeof v.type === 'string' ? v.type : '',
    distanceMeters: v.distanceMeters,
  };
}

function step(v: unknown): ZoneStep | undefined {
  if (!isRecord(v) || typeof v.start !== 'string' || !finite(v.incidents)) return undefined;
  return { start: v.start, incidents: v.incidents };
}

function robustness(v: unknown): ZoneRobustness | undefined {
  if (!isRecord(v) || text(v.label) === undefined || !finite(v.meanProbability)) return undefined;
  return {
    label: v.label as string,
    meanProbability: v.meanProbability,
    stableShare: finite(v.stableShare) ? v.stableShare : undefined,
  };
}

/**
 * Reads the descriptive fields `hexreach analyze` writes on each zone (README "Zone
 * properties"): reasons, robustness, joint class, need, trust, partners, incidents per time
 * step and trend. The properties come from a file the user chose, so every field is checked
 * and a malformed one is treated as absent rather than shown half-read; strings are returned
 * as they are (the caller inserts them as text).
 *
 * @param zone - the zone's properties as loaded
 * @returns each field, undefined when absent or malformed
 * @example
 * ```ts
 * readZoneDetails({ id: 'Z01', rank: 1, reasons: ['significant hotspot'] }).reasons;
 * // ['significant hotspot']
 * ```
 */
export function readZoneDetails(zone: ZoneProperties): ZoneDetailFields {
  const reasons = arrayOf(zone.reasons, text);
  const steps = arrayOf(zone.incidentsByStep, step);
  const trust = zone.trust;
  return {
    reasons: reasons !== undefined && reasons.length > 0 ? reasons : undefined,
    robustness: robustness(zone.robustness),
    jointClass: text(zone.jointClass),
    need: zone.need === null ? null : finite(zone.need) ? zone.need : undefined,
    trust:
      trust === null
        ? null
        : finite(trust)
          ? trust
          : typeof trust === 'string'
            ? text(trust)
            : undefined,
    trustResponses: finite(zone.trustResponses) ? zone.trustResponses : undefined,
    partners: arrayOf(zone.partners, partner),
    incidentsByStep: steps !== undefined && steps.length > 0 ? steps : undefined,
    trend: text(zone.trend),
  };
}
