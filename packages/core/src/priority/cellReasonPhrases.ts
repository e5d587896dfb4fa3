import { assertArgument } from '../errors.js';
import { createRecord } from '../util/createRecord.js';
import { getOwn } from '../util/getOwn.js';
import type { CellReasonsInput } from './cellReasons.js';

/** The columns {@link cellReasonPhrases} words: those `cellReasons` takes but the contributions. */
export type CellReasonPhrasesInput = Omit<CellReasonsInput, 'contributions'>;

/** Options of {@link cellReasonPhrases}. */
export interface CellReasonPhrasesOptions {
  /**
   * A component is a reason only at or above this percentile (default 0.5); a significant hot
   * spot is a reason at any percentile.
   */
  readonly minPercentile?: number;
}

/** Confidence of Gi* bins 1, 2 and 3. */
const CONFIDENCE = [90, 95, 99] as const;

/** Organization types that are nouns on their own; any other reads as "<type> organization". */
const NOUN_TYPES = new Set(['business', 'church', 'clinic', 'library', 'nonprofit', 'school']);

/** How many flagged indicators to name before "and n more". */
const MAX_INDICATORS = 3;

/**
 * Each priority component's reason for each cell in words, whatever the component's weight, e.g.
 * `significant hotspot (99 % confidence)`, `top 5 % for crime rate`, `94th percentile need
 * (poverty rate ≥ 90th percentile)`, `low trust in police (2.1 of 5, 14 answers)`, `no youth
 * organization within 1 km`. Undefined where the component is no reason at any weight: the cell
 * has no percentile for it, or the percentile is below `minPercentile` and the cell is not a
 * significant hot spot (Gi* bin ≥ 1) for `hotspot`. The wording is `cellReasons`', which picks
 * from these phrases by contribution (`reasonsFromPhrases`): kept apart because the phrases do not
 * depend on the weights, so a new weighting (`createScorer(result).full`) reorders them instead of writing
 * them again.
 *
 * @param input - percentiles by component (`normalized`, one column per component worded), Gi*
 *   bins and the optional need, trust and partner columns that give the words their numbers
 * @param options - `minPercentile` (in [0, 1], default 0.5)
 * @returns for each component of `normalized`, a phrase or undefined per cell
 * @throws HexreachError `E_ARGUMENT` when a column's length differs from `giBin`'s, a percentile
 *   lies outside [0, 1], or an option is out of range
 * @example
 * ```ts
 * const phrases = cellReasonPhrases({
 *   normalized: { hotspot: [0.99, 0.2], need: [0.95, 0.4] },
 *   giBin: Int8Array.of(3, 0),
 * });
 * phrases.hotspot; // ['significant hotspot (99 % confidence)', undefined]
 * phrases.need; // ['95th percentile need', undefined]
 * ```
 */
export function cellReasonPhrases(
  input: CellReasonPhrasesInput,
  options: CellReasonPhrasesOptions = {},
): Record<string, (string | undefined)[]> {
  const fn = 'cellReasonPhrases';
  const minPercentile = options.minPercentile ?? 0.5;
  const flagAt = input.flagAt ?? 0.9;
  assertArgument(
    minPercentile >= 0 && minPercentile <= 1,
    fn,
    `minPercentile must be in [0, 1], got ${minPercentile}`,
    minPercentile,
  );
  assertArgument(flagAt > 0 && flagAt <= 1, fn, `flagAt must be in (0, 1], got ${flagAt}`, flagAt);
  const partners = input.partners;
  const partnerTypes = partners?.types ?? Object.keys(partners?.withinRadius ?? {});
  assertColumns(input, partnerTypes);
  const context: PhraseContext = {
    minPercentile,
    flagAt,
    scaleMax: input.trustScaleMax ?? 5,
    indicators: Object.keys(input.needRanks ?? {}),
    partnerTypes,
  };
  const phrases = createRecord<(string | undefined)[]>();
  for (const name of Object.keys(input.normalized))
    phrases[name] = componentPhrases(name, input, context);
  return phrases;
}

/** What the phrases of every component need besides the input columns. */
interface PhraseContext {
  readonly minPercentile: number;
  readonly flagAt: number;
  readonly scaleMax: number;
  /** The need indicators, in the order of `needRanks`. */
  readonly indicators: readonly string[];
  readonly partnerTypes: readonly string[];
}

/** Checks the columns' lengths, that percentiles lie in [0, 1], and the partner columns. */
function assertColumns(input: CellReasonPhrasesInput, partnerTypes: readonly string[]): void {
  const fn = 'cellReasonPhrases';
  const n = input.giBin.length;
  for (const name of Object.keys(input.normalized)) {
    const percentile = input.normalized[name];
    assertLength(percentile, `normalized.${name}`, n);
    for (let i = 0; i < n; i++) {
      const p = percentile[i];
      // Checked before the message is built: this loop runs once per cell and component.
      if (!(Number.isNaN(p) || (p >= 0 && p <= 1))) {
        assertArgument(
          false,
          fn,
          `normalized.${name}[${i}] = ${p} is not a percentile in [0, 1]; rank the component first`,
          { name, index: i, value: p },
        );
      }
    }
  }
  assertLength(input.needIndex, 'needIndex', n);
  assertLength(input.trustMean, 'trustMean', n);
  assertLength(input.trustResponses, 'trustResponses', n);
  for (const [name, ranks] of Object.entries(input.needRanks ?? {}))
    assertLength(ranks, `needRanks.${name}`, n);
  const partners = input.partners;
  if (partners === undefined) return;
  assertArgument(
    partners.radiusMeters > 0 && Number.isFinite(partners.radiusMeters),
    fn,
    `partners.radiusMeters must be > 0, got ${partners.radiusMeters}`,
    partners.radiusMeters,
  );
  for (const type of partnerTypes) {
    assertArgument(
      getOwn(partners.withinRadius, type) !== undefined,
      fn,
      `partners.withinRadius has no column for the type "${type}"`,
      type,
    );
    assertLength(partners.withinRadius[type], `partners.withinRadius.${type}`, n);
  }
}

function assertLength(column: ArrayLike<number> | undefined, name: string, n: number): void {
  assertArgument(
    column === undefined || column.length === n,
    'cellReasonPhrases',
    `${name} has ${column?.length} values, expected ${n} (one per cell, as giBin)`,
    name,
  );
}

/** The phrase of component `name` in each cell, undefined where it is no reason. */
function componentPhrases(
  name: string,
  input: CellReasonPhrasesInput,
  context: PhraseContext,
): (string | undefined)[] {
  const { minPercentile, flagAt, scaleMax, indicators, partnerTypes } = context;
  const n = input.giBin.length;
  const percentile = input.normalized[name];
  const column: (string | undefined)[] = new Array(n).fill(undefined);
  // Most cells of a column share a handful of phrases: each is worded once and reused.
  const ranked = new Map<number, string>();
  const rank = (p: number, word: (p: number) => string) => {
    const key = rankKey(p);
    let phrase = ranked.get(key);
    if (phrase === undefined) {
      phrase = word(p);
      ranked.set(key, phrase);
    }
    return phrase;
  };
  const gaps = partnerGaps(partnerTypes, input);
  for (let i = 0; i < n; i++) {
    const p = percentile[i];
    if (Number.isNaN(p)) continue;
    const significant = name === 'hotspot' && input.giBin[i] > 0;
    if (!(p >= minPercentile || significant)) continue;
    switch (name) {
      case 'hotspot':
        column[i] =
          input.giBin[i] > 0
            ? `significant hotspot (${CONFIDENCE[Math.min(input.giBin[i], 3) - 1]} % confidence)`
            : rank(p, (q) => `${rankPhrase(q, 'incident clustering')}, not a significant hotspot`);
        break;
      case 'crimeRate':
        column[i] = rank(p, (q) => rankPhrase(q, 'crime rate'));
        break;
      case 'need': {
        const need = input.needIndex?.[i] ?? Number.NaN;
        column[i] = needPhrase(i, Number.isNaN(need) ? p : need, indicators, flagAt, input);
        break;
      }
      case 'trustDeficit':
        column[i] = trustPhrase(i, p, scaleMax, input);
        break;
      case 'partnerGap':
        column[i] =
          gaps.phraseOf(i) ??
          rank(p, (q) =>
            rankPhrase(q, input.componentLabels?.partnerGap ?? 'distance to partners'),
          );
        break;
      default:
        column[i] = rank(p, (q) =>
          rankPhrase(q, getOwn(input.componentLabels ?? {}, name) ?? name),
        );
    }
  }
  return column;
}

/** `1st`, `2nd`, `3rd`, `4th`, … `11th`, `12th`, `13th`, … `21st`. */
function ordinal(k: number): string {
  const teens = k % 100;
  if (teens >= 11 && teens <= 13) return `${k}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][k % 10] ?? 'th';
  return `${k}${suffix}`;
}

/** The whole percentile at or below p, as an ordinal (p = 0.944 → `94th`). */
function percentileOrdinal(p: number): string {
  // The 1e-9 keeps p = 0.29 (28.999… × 100 in binary) from reading as the 28th.
  return ordinal(Math.floor(p * 100 + 1e-9));
}

/** Where a percentile places a cell: the highest, the top k % (p ≥ 0.9), or the nth percentile. */
function rankPhrase(p: number, subject: string): string {
  if (p >= 1) return `highest ${subject} in the study area`;
  if (p >= 0.9) return `top ${topPercent(p)} % for ${subject}`;
  return `${percentileOrdinal(p)} percentile for ${subject}`;
}

/** The k of `top k %`. */
function topPercent(p: number): number {
  return Math.max(1, Math.ceil((1 - p) * 100 - 1e-9));
}

/** What {@link rankPhrase} makes of p, as a number: percentiles with one phrase share it. */
function rankKey(p: number): number {
  if (p >= 1) return -1;
  if (p >= 0.9) return 1000 + topPercent(p);
  return Math.floor(p * 100 + 1e-9);
}

/** `94th percentile need (poverty rate, no vehicle ≥ 90th percentile)`, indicators highest first. */
function needPhrase(
  i: number,
  need: number,
  indicators: readonly string[],
  flagAt: number,
  input: CellReasonPhrasesInput,
): string {
  const head =
    need >= 1 ? 'highest need in the study area' : `${percentileOrdinal(need)} percentile need`;
  const flagged: { name: string; rank: number; at: number }[] = [];
  indicators.forEach((name, at) => {
    const rank = input.needRanks![name][i];
    if (rank >= flagAt) flagged.push({ name, rank, at });
  });
  if (flagged.length === 0) return head;
  flagged.sort((a, b) => b.rank - a.rank || a.at - b.at);
  const named = flagged
    .slice(0, MAX_INDICATORS)
    .map((f) => getOwn(input.indicatorLabels ?? {}, f.name) ?? f.name)
    .join(', ');
  const more =
    flagged.length > MAX_INDICATORS ? ` and ${flagged.length - MAX_INDICATORS} more` : '';
  return `${head} (${named}${more} ≥ ${ordinal(Math.round(flagAt * 100))} percentile)`;
}

/** `low trust in police (2.1 of 5, 14 answers)`, or the deficit's rank without a mean. */
function trustPhrase(
  i: number,
  p: number,
  scaleMax: number,
  input: CellReasonPhrasesInput,
): string {
  const subject = input.trustSubject ?? 'trust in police';
  const mean = input.trustMean?.[i] ?? Number.NaN;
  if (Number.isNaN(mean)) return rankPhrase(p, `low ${subject}`);
  const responses = input.trustResponses?.[i];
  const count =
    responses === undefined ? '' : `, ${responses} ${responses === 1 ? 'answer' : 'answers'}`;
  return `low ${subject} (${mean.toFixed(1)} of ${scaleMax}${count})`;
}

/**
 * Each cell's `no youth organization within 1 km`, undefined when every type is near (the gap's
 * rank is the reason then). The phrase depends only on which types are missing: one is worded
 * per set of missing types.
 */
function partnerGaps(
  types: readonly string[],
  input: CellReasonPhrasesInput,
): { phraseOf: (i: number) => string | undefined } {
  const partners = input.partners;
  if (partners === undefined) return { phraseOf: () => undefined };
  const within = `within ${formatDistance(partners.radiusMeters)}`;
  const columns = types.map((type) => partners.withinRadius[type]);
  const worded = new Map<string, string | undefined>();
  return {
    phraseOf(i) {
      let missing = '';
      for (let t = 0; t < columns.length; t++) missing += columns[t][i] === 0 ? '1' : '0';
      let phrase = worded.get(missing);
      if (phrase === undefined && !worded.has(missing)) {
        phrase = missingPhrase(
          types.filter((_, t) => missing[t] === '1'),
          types.length,
          within,
          input,
        );
        worded.set(missing, phrase);
      }
      return phrase;
    },
  };
}

/** `no youth or school organization within 1 km` for the types missing; undefined for none. */
function missingPhrase(
  missing: readonly string[],
  typeCount: number,
  within: string,
  input: CellReasonPhrasesInput,
): string | undefined {
  if (missing.length === 0) return undefined;
  if (missing.length === typeCount && typeCount > 1) return `no partner organization ${within}`;
  const labels = missing.map(
    (type) =>
      getOwn(input.partnerLabels ?? {}, type) ??
      (NOUN_TYPES.has(type) || type.endsWith('organization') ? type : `${type} organization`),
  );
  const list =
    labels.length === 1
      ? labels[0]
      : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
  return `no ${list} ${within}`;
}

/** `800 m`, `1 km`, `1.5 km`. */
function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters)} m`;
  return `${Number((meters / 1000).toFixed(1))} km`;
}
