/**
 * Descriptive statistics of a series for the notebooks' tables and charts: the mean, the
 * standard deviation (how much a forecast swings), and values relative to their mean.
 * @module
 */

/**
 * The arithmetic mean; NaN for no values.
 *
 * @example
 * ```ts
 * import { mean } from "./stats.ts";
 * mean([1, 2, 6]); // 3
 * ```
 */
export function mean(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return values.length > 0 ? total / values.length : NaN;
}

/**
 * The population standard deviation (divided by n); NaN for no values.
 *
 * @example
 * ```ts
 * import { standardDeviation } from "./stats.ts";
 * standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // 2
 * ```
 */
export function standardDeviation(values: ArrayLike<number>): number {
  const m = mean(values);
  let total = 0;
  for (let i = 0; i < values.length; i++) total += (values[i] - m) ** 2;
  return values.length > 0 ? Math.sqrt(total / values.length) : NaN;
}

/**
 * Each value divided by the mean of all (1 = average), to compare the shape of series on
 * different scales; all NaN when the mean is 0.
 *
 * @example
 * ```ts
 * import { relativeToMean } from "./stats.ts";
 * relativeToMean([1, 3]); // Float64Array [0.5, 1.5]
 * ```
 */
export function relativeToMean(values: ArrayLike<number>): Float64Array {
  const m = mean(values);
  return Float64Array.from(values, (v) => (m !== 0 ? v / m : NaN));
}
