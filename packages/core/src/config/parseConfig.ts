import type { z } from 'zod';
import { HexreachError } from '../errors.js';
import { parseDate } from '../io/parseDate.js';
import { configSchema, type HexreachConfig } from './configSchema.js';

/**
 * Validates a configuration object (parsed JSON) and fills in every default. Keys starting with
 * `//` are comments (JSON has none) and are ignored at any depth.
 *
 * @param data - the parsed `hexreach.config.json` (or `{}`)
 * @param source - the file name, used in error messages
 * @returns the configuration with defaults
 * @throws HexreachError `E_CONFIG` listing every problem as `path: what was expected, got value`
 * @example
 * ```ts
 * const config = parseConfig({ resolution: 9 }, 'hexreach.config.json');
 * config.hotspots.k; // 1
 * ```
 */
export function parseConfig(data: unknown, source: string): HexreachConfig {
  data = withoutComments(data);
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => formatIssue(issue, data));
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  ${lines.join('\n  ')}`,
      lines,
    );
  }
  const config = result.data;
  keepProtoCategoryWeight(data, config, source);
  for (const key of ['from', 'to'] as const) {
    const text = config.incidents[key];
    if (text !== undefined && Number.isNaN(parseDate(text))) {
      throw new HexreachError(
        'E_CONFIG',
        `${source}: invalid configuration:\n  incidents.${key}: expected an ISO 8601 date such as 2024-01-31, got ${JSON.stringify(text)}`,
        text,
      );
    }
  }
  const windows: [string, string | undefined][] = [
    ['change.before.from', config.change?.before.from],
    ['change.before.to', config.change?.before.to],
    ['change.after.from', config.change?.after.from],
    ['change.after.to', config.change?.after.to],
    ['evaluation.start', config.evaluation?.start],
    ['evaluation.end', config.evaluation?.end],
  ];
  for (const [path, text] of windows) {
    if (text !== undefined && Number.isNaN(parseDate(text))) {
      throw new HexreachError(
        'E_CONFIG',
        `${source}: invalid configuration:\n  ${path}: expected an ISO 8601 date such as 2024-01-31, got ${JSON.stringify(text)}`,
        text,
      );
    }
  }
  if (config.statistics.includes('change') && config.change === undefined) {
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  change: the "change" statistic needs change.before and change.after, each { "from": date, "to": date }`,
    );
  }
  for (const period of ['before', 'after'] as const) {
    const window = config.change?.[period];
    if (window !== undefined && !(parseDate(window.from) < parseDate(window.to))) {
      throw new HexreachError(
        'E_CONFIG',
        `${source}: invalid configuration:\n  change.${period}: "from" must be before "to", got ${window.from} … ${window.to}`,
      );
    }
  }
  if (config.hotspots.scale === 'auto' && config.hotspots.distanceMeters !== undefined) {
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  hotspots.scale: "auto" chooses k-rings; it cannot be combined with hotspots.distanceMeters`,
    );
  }
  if (config.inputs.surveys !== undefined && config.trust.answer === undefined) {
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  trust.answer: name the survey column to score as trust (e.g. "trust_police"), got nothing`,
    );
  }
  if ((config.trust.areaMean === undefined) !== (config.trust.areaResponses === undefined)) {
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  trust: areaMean and areaResponses go together (the mean answer and the number of respondents per area)`,
    );
  }
  if (config.inputs.incidents !== undefined && config.inputs.cells !== undefined) {
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  inputs: give inputs.incidents (points) or inputs.cells (cell aggregates), not both`,
    );
  }
  const period = config.inputs.cells?.period;
  if (period !== undefined && !periodFitsStep(period, config.emerging.step)) {
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  inputs.cells.period: "${period}" aggregates do not fall into emerging.step "${config.emerging.step}" steps; aggregate by ${config.emerging.step}${config.emerging.step === 'quarter' ? ' or month' : ''}`,
      period,
    );
  }
  const declared = new Set(config.attributes.map((a) => a.name));
  config.equity.attributes.forEach((a, i) => {
    if (!declared.has(a.name)) {
      throw new HexreachError(
        'E_CONFIG',
        `${source}: invalid configuration:\n  equity.attributes[${i}].name: "${a.name}" must also be listed in attributes (so it is moved to cells)`,
        a.name,
      );
    }
  });
  const names = new Set<string>();
  config.indicators.forEach((indicator, i) => {
    if (names.has(indicator.name)) {
      throw new HexreachError(
        'E_CONFIG',
        `${source}: invalid configuration:\n  indicators[${i}].name: "${indicator.name}" is listed twice`,
        indicator.name,
      );
    }
    names.add(indicator.name);
  });
  // Each scheme's own reference p unless one is named, written out so summary.json says which.
  const pValue = config.hotspots.scheme === 'spdep' ? 'spdep' : 'esda';
  return {
    ...config,
    hotspots: { ...config.hotspots, pValue: config.hotspots.pValue ?? pValue },
    lisa: { ...config.lisa, pValue: config.lisa.pValue ?? pValue },
  };
}

/**
 * zod leaves a record key `__proto__` out without a word; a category may be named so (categories
 * come from the data), so its weight is checked like the others and kept as an own key.
 */
function keepProtoCategoryWeight(data: unknown, config: HexreachConfig, source: string): void {
  const weights = valueAt(data, ['incidents', 'categoryWeights']);
  if (typeof weights !== 'object' || weights === null) return;
  const own = Object.getOwnPropertyDescriptor(weights, '__proto__');
  if (own === undefined) return;
  const weight: unknown = own.value;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new HexreachError(
      'E_CONFIG',
      `${source}: invalid configuration:\n  incidents.categoryWeights.__proto__: expected a number >= 0, got ${JSON.stringify(weight)}`,
      weight,
    );
  }
  Object.defineProperty(config.incidents.categoryWeights, '__proto__', {
    value: weight,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** `indicators[2].direction` from `['indicators', 2, 'direction']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

function formatIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = formatPath(issue.path);
  const message = issue.message.replace(/^Invalid (input|option): /, '');
  if (issue.code === 'unrecognized_keys') return `${path}: ${message}`;
  const value = valueAt(data, issue.path);
  const got = value === undefined ? 'nothing' : JSON.stringify(value);
  return `${path}: ${message}${message.includes('received') ? '' : `, got ${got}`}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** A copy of parsed JSON without the keys that start with `//`. */
function withoutComments(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withoutComments);
  if (data === null || typeof data !== 'object') return data;
  // fromEntries defines keys: `out[key] =` would take a key "__proto__" as the prototype, and
  // the schema would then see its contents as settings instead of refusing an unknown key.
  return Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => !key.startsWith('//'))
      .map(([key, value]) => [key, withoutComments(value)]),
  );
}

/** Whether periods of one kind fall whole into steps of another (weeks do not into months). */
function periodFitsStep(period: string, step: string): boolean {
  return period === step || (period === 'month' && step === 'quarter');
}
