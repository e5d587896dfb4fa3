import { HexreachError } from '@hexreach/core';
import { describeValue } from './describeValue.js';
import type {
  EvaluatedCrime,
  EvaluatedDisplacement,
  EvaluatedEngagement,
  EvaluatedSeries,
  EvaluatedTrust,
  EvaluatedZone,
} from './evaluation.js';

/** The parts of `evaluation.json` the viewer shows, checked. */
export interface ParsedEvaluation {
  readonly zones: readonly EvaluatedZone[];
  readonly all: EvaluatedCrime;
  readonly months: { readonly from: string; readonly to: string };
  readonly isPublic: boolean;
  readonly notes: readonly string[];
}

/** Reads the fields of one JSON object, naming the file and the field's path in every error. */
interface FieldReader {
  raw(key: string): unknown;
  fail(key: string, expected: string, value?: unknown): HexreachError;
  object(key: string): FieldReader;
  /** An object, or undefined where the file has null or nothing. */
  optionalObject(key: string): FieldReader | undefined;
  string(key: string): string;
  /** A number; null (how evaluation.json writes a value that is not finite) is NaN. */
  number(key: string): number;
  boolean(key: string): boolean;
  array(key: string): unknown[];
  numbers(key: string): number[];
  strings(key: string): string[];
}

function fieldReader(value: unknown, file: string, path: string): FieldReader {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HexreachError(
      'E_INPUT',
      `${file}: ${path === '' ? `expected a JSON object, found ${describeValue(value)}` : `${path} is ${describeValue(value)}, expected an object`}`,
    );
  }
  const fields = value as Readonly<Record<string, unknown>>;
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  const raw = (key: string) => (Object.hasOwn(fields, key) ? fields[key] : undefined);
  const fail = (key: string, expected: string, found: unknown = raw(key)) =>
    new HexreachError(
      'E_INPUT',
      `${file}: ${at(key)} is ${describeValue(found)}, expected ${expected}`,
    );
  const array = (key: string) => {
    const list = raw(key);
    if (!Array.isArray(list)) throw fail(key, 'an array');
    return list as unknown[];
  };
  const reader: FieldReader = {
    raw,
    fail,
    object: (key) => fieldReader(raw(key), file, at(key)),
    optionalObject: (key) => {
      const found = raw(key);
      return found === null || found === undefined ? undefined : reader.object(key);
    },
    string: (key) => {
      const found = raw(key);
      if (typeof found !== 'string') throw fail(key, 'a string');
      return found;
    },
    number: (key) => {
      const found = raw(key);
      if (found === null) return Number.NaN;
      if (typeof found !== 'number') throw fail(key, 'a number or null');
      return found;
    },
    boolean: (key) => {
      const found = raw(key);
      if (typeof found !== 'boolean') throw fail(key, 'true or false');
      return found;
    },
    array,
    numbers: (key) =>
      array(key).map((v, i) => {
        if (v === null) return Number.NaN;
        if (typeof v !== 'number') throw fail(`${key}[${i}]`, 'a number or null', v);
        return v;
      }),
    strings: (key) =>
      array(key).map((v, i) => {
        if (typeof v !== 'string') throw fail(`${key}[${i}]`, 'a string', v);
        return v;
      }),
  };
  return reader;
}

function crimeOf(r: FieldReader): EvaluatedCrime {
  return {
    change: r.number('change'),
    low: r.number('low'),
    high: r.number('high'),
    confidence: r.number('confidence'),
    p: r.number('p'),
    placebos: r.number('placebos'),
  };
}

function displacementOf(r: FieldReader): EvaluatedDisplacement {
  return {
    wdq: r.number('wdq'),
    reading: r.string('reading'),
    bufferChange: r.number('bufferChange'),
    bufferLow: r.number('bufferLow'),
    bufferHigh: r.number('bufferHigh'),
  };
}

function trustOf(r: FieldReader): EvaluatedTrust {
  return {
    change: r.number('change'),
    low: r.number('low'),
    high: r.number('high'),
    before: r.number('before'),
    after: r.number('after'),
    answersBefore: r.number('answersBefore'),
    answersAfter: r.number('answersAfter'),
    fewAnswers: r.boolean('fewAnswers'),
  };
}

function engagementOf(r: FieldReader): EvaluatedEngagement {
  return {
    events: r.number('events'),
    attendance: r.number('attendance'),
    attendancePer1000: r.number('attendancePer1000'),
    partners: r.strings('partners'),
    daysToFirstEvent: r.number('daysToFirstEvent'),
  };
}

function seriesOf(r: FieldReader): EvaluatedSeries {
  const months = r.strings('months');
  const series = {
    months,
    zone: r.numbers('zone'),
    buffer: r.numbers('buffer'),
    comparison: r.numbers('comparison'),
    startIndex: r.number('startIndex'),
  };
  for (const key of ['zone', 'buffer', 'comparison'] as const) {
    if (series[key].length !== months.length) {
      throw r.fail(key, `one value per month (${months.length})`);
    }
  }
  if (!Number.isInteger(series.startIndex)) throw r.fail('startIndex', 'an integer');
  return series;
}

function zoneOf(r: FieldReader): EvaluatedZone {
  const id = r.string('id');
  if (id === '') throw r.fail('id', 'a zone id such as "Z01"');
  const name = r.raw('name');
  return {
    id,
    name: typeof name === 'string' && name !== '' ? name : id,
    cells: r.number('cells'),
    start: r.string('start'),
    crime: crimeOf(r.object('crime')),
    displacement: displacementOf(r.object('displacement')),
    trust: mapDefined(r.optionalObject('trust'), trustOf),
    engagement: mapDefined(r.optionalObject('engagement'), engagementOf),
    series: seriesOf(r.object('series')),
    sentence: r.string('sentence'),
  };
}

function mapDefined<T, U>(value: T | undefined, f: (value: T) => U): U | undefined {
  return value === undefined ? undefined : f(value);
}

/**
 * Checks a parsed `evaluation.json` (written by `hexreach evaluate`, shaped by core's
 * `evaluationToJson`) and keeps what the viewer shows: per zone its crime change, displacement,
 * trust, engagement, monthly series and sentence; all zones together; the months, whether it is
 * public, and its notes. Numbers the file writes as null (not finite) become NaN.
 *
 * @param value - the parsed JSON
 * @param file - the file name, for messages
 * @returns the evaluation, zones in the file's order
 * @throws HexreachError `E_INPUT` naming the file, the field's path (`zones[1].crime.change`)
 *   and what was expected; also when `command` is not "evaluate" or two zones share an id
 * @example
 * ```ts
 * const evaluation = parseEvaluation(parseJson(text, 'evaluation.json'), 'evaluation.json');
 * evaluation.zones[0].crime.change; // -0.31
 * ```
 */
export function parseEvaluation(value: unknown, file: string): ParsedEvaluation {
  const root = fieldReader(value, file, '');
  if (root.raw('command') !== 'evaluate') {
    throw new HexreachError(
      'E_INPUT',
      `${file}: command is ${describeValue(root.raw('command'))}, expected "evaluate" (the evaluation.json of "hexreach evaluate")`,
    );
  }
  const zones = root.array('zones').map((z, i) => zoneOf(fieldReader(z, file, `zones[${i}]`)));
  const ids = new Set<string>();
  for (const zone of zones) {
    if (ids.has(zone.id)) {
      throw new HexreachError(
        'E_INPUT',
        `${file}: two zones have the id ${describeValue(zone.id)}`,
      );
    }
    ids.add(zone.id);
  }
  const months = root.object('months');
  const privacy = root.optionalObject('privacy');
  return {
    zones,
    all: crimeOf(root.object('all')),
    months: { from: months.string('from'), to: months.string('to') },
    isPublic: privacy?.raw('public') === true,
    notes: root.raw('notes') === undefined ? [] : root.strings('notes'),
  };
}
