import { bisectLeft, bisectRight, quantileSorted } from 'd3-array';
import { type ScaleThreshold, scaleQuantize, scaleThreshold } from 'd3-scale';
import { missingColor, type SchemeName, sequentialSchemes } from './colorSchemes.js';
import { cssColorToHex } from './cssColorToHex.js';
import { jenksBreaks } from './jenksBreaks.js';

/** The finite values of the column being classified, sorted; reused (see `classify`). */
let sortScratch = new Float64Array(0);

/** How class breaks are chosen. */
export type ClassMethod = 'quantile' | 'equal' | 'jenks';

/** The class-break methods with the names users see. */
export const classMethods: Readonly<Record<ClassMethod, string>> = {
  quantile: 'Quantiles',
  equal: 'Equal intervals',
  jenks: 'Natural breaks (Jenks)',
};

/**
 * Is `name` a {@link ClassMethod}?
 *
 * @example
 * ```ts
 * isClassMethod('jenks'); // true
 * ```
 */
export function isClassMethod(name: string): name is ClassMethod {
  return Object.hasOwn(classMethods, name);
}

/**
 * One colouring of a column: a d3 threshold scale from value to colour, and what the legend
 * shows. The cells' colours and the legend are both read from `scale`, so they cannot
 * disagree.
 */
export interface Classification {
  /** Value → `#rrggbb`; `x >= domain[i]` falls in class i + 1; missing values get `unknown()`. */
  readonly scale: ScaleThreshold<number, string, string>;
  /** Number of values in each class, aligned with `scale.range()`. */
  readonly counts: readonly number[];
  /** Number of missing values (null, NaN). */
  readonly missing: number;
  /** Smallest and largest value, or undefined when every value is missing. */
  readonly extent: readonly [number, number] | undefined;
  /** Names of the classes when they are categories (e.g. Gi* bins), aligned with the range. */
  readonly labels?: readonly string[];
}

/** Options of {@link classify}. */
export interface ClassifyOptions {
  /** Break method (default `quantile`). */
  readonly method?: ClassMethod;
  /** Classes wanted, 1…12 (default 5); fewer when the data have fewer distinct values. */
  readonly classes?: number;
  /** Colour scheme (default `viridis`). */
  readonly scheme?: SchemeName;
}

/**
 * Classifies a numeric column into coloured classes with d3 scales: quantiles are d3's
 * `scaleQuantile` (R-7 quantiles), equal intervals d3's `scaleQuantize`, natural breaks
 * {@link jenksBreaks}. Repeated or useless breaks (a quantile equal to the minimum, as with many
 * zero counts) are dropped, so every class can hold values and the breaks increase strictly;
 * the colours are then spread over the classes that remain.
 *
 * @param values - one value per cell; NaN marks a missing value
 * @param options - method, number of classes, scheme
 * @returns the scale, the count of each class and of missing values
 * @throws RangeError when `classes` is not an integer from 1 to 12
 * @example
 * ```ts
 * const { scale, counts } = classify(Float64Array.of(0.1, 0.5, 0.9, Number.NaN), { classes: 3 });
 * scale(0.5); // '#21918c'; counts: [1, 1, 1]
 * ```
 */
export function classify(values: ArrayLike<number>, options: ClassifyOptions = {}): Classification {
  const method = options.method ?? 'quantile';
  const classes = options.classes ?? 5;
  const scheme = sequentialSchemes[options.scheme ?? 'viridis'];
  if (!Number.isInteger(classes) || classes < 1 || classes > 12) {
    throw new RangeError(`classify: classes must be an integer from 1 to 12, got ${classes}`);
  }
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) count++;
  // A typed array sorts numerically in native code: 50,000 values in a few milliseconds. Its
  // memory is kept from one classification to the next: fresh memory costs page faults.
  if (sortScratch.length < count) sortScratch = new Float64Array(count);
  const finite = sortScratch.subarray(0, count);
  for (let i = 0, k = 0; i < values.length; i++)
    if (Number.isFinite(values[i])) finite[k++] = values[i];
  finite.sort();
  const min = count > 0 ? finite[0] : Number.NaN;
  const max = count > 0 ? finite[count - 1] : Number.NaN;
  const indices = Array.from({ length: classes }, (_, i) => i);
  let raw: number[] = [];
  if (count > 0 && classes > 1) {
    // d3's scaleQuantile thresholds (R-7 quantiles at i / classes), from the sorted values.
    if (method === 'quantile')
      // (@types/d3-array asks for an Array; d3 only indexes it, as a typed array allows.)
      raw = indices
        .slice(1)
        .map((i) => quantileSorted(finite as unknown as number[], i / classes) ?? Number.NaN);
    else if (method === 'equal')
      raw = scaleQuantize<number>().domain([min, max]).range(indices).thresholds();
    else raw = jenksBreaks(finite, classes);
  }
  const thresholds: number[] = [];
  for (const t of raw) {
    if (t > min && t <= max && (thresholds.length === 0 || t > thresholds[thresholds.length - 1]))
      thresholds.push(t);
  }
  const n = thresholds.length + 1;
  const colors = Array.from({ length: n }, (_, i) =>
    cssColorToHex(scheme.interpolate(n === 1 ? 0.5 : i / (n - 1))),
  );
  // Each class's count from the sorted values: two binary searches per break, no pass per value.
  const counts = [...thresholds, Number.POSITIVE_INFINITY].map(
    (t, i) => bisectLeft(finite, t) - (i === 0 ? 0 : bisectLeft(finite, thresholds[i - 1])),
  );
  return {
    scale: thresholdScale(thresholds, colors),
    counts,
    missing: values.length - count,
    extent: count > 0 ? [min, max] : undefined,
  };
}

/**
 * A classification with fixed breaks and colours, for columns whose classes are categories with
 * names, such as the Gi* confidence bins.
 *
 * @param values - one value per cell; NaN marks a missing value
 * @param thresholds - strictly increasing class breaks
 * @param colors - one colour more than thresholds
 * @param labels - one name per class
 * @returns the scale and the count of each class and of missing values
 * @throws RangeError when the lengths do not fit or the breaks do not increase
 * @example
 * ```ts
 * fixedClassification(bins, [-0.5, 0.5], ['#2166ac', '#f7f7f7', '#b2182b'], ['cold', 'none', 'hot']);
 * ```
 */
export function fixedClassification(
  values: ArrayLike<number>,
  thresholds: readonly number[],
  colors: readonly string[],
  labels: readonly string[],
): Classification {
  if (colors.length !== thresholds.length + 1 || labels.length !== colors.length) {
    throw new RangeError('fixedClassification: need one colour and one label per class');
  }
  for (let i = 1; i < thresholds.length; i++) {
    if (!(thresholds[i] > thresholds[i - 1]))
      throw new RangeError('fixedClassification: thresholds must increase strictly');
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const classification = withCounts(
    [...thresholds],
    colors.map(cssColorToHex),
    values,
    min <= max ? [min, max] : undefined,
  );
  return { ...classification, labels: [...labels] };
}

function withCounts(
  thresholds: number[],
  colors: string[],
  values: ArrayLike<number>,
  extent: readonly [number, number] | undefined,
): Classification {
  const scale = thresholdScale(thresholds, colors);
  // scaleThreshold finds a value's class with bisectRight: counting with it keeps d3's rule for ties.
  const counts = new Array<number>(colors.length).fill(0);
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) missing++;
    else counts[bisectRight(thresholds, v)]++;
  }
  return { scale, counts, missing, extent };
}

function thresholdScale(
  thresholds: number[],
  colors: string[],
): ScaleThreshold<number, string, string> {
  return scaleThreshold<number, string, string>()
    .domain(thresholds)
    .range(colors)
    .unknown(missingColor);
}
