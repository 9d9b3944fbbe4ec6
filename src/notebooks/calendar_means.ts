/**
 * Means of a daily series grouped by calendar position, for looking at data in the notebooks:
 * per 7-day block (the level over time), per weekday (the weekly pattern) and per month of the
 * year (the yearly pattern).
 * @module
 */

import { weekday } from "../data/dates.ts";

/**
 * The mean of each consecutive 7-day block, from the first value on; a last partial block is
 * dropped.
 *
 * @example
 * ```ts
 * import { weeklyMeans } from "./calendar_means.ts";
 * weeklyMeans(Float64Array.from({ length: 15 }, (_, i) => i)); // Float64Array [3, 10]
 * ```
 */
export function weeklyMeans(values: ArrayLike<number>): Float64Array {
  const weeks = Math.floor(values.length / 7);
  const out = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    let total = 0;
    for (let i = 7 * w; i < 7 * w + 7; i++) total += values[i];
    out[w] = total / 7;
  }
  return out;
}

/**
 * The mean per weekday, Monday first (`start` is the day number of `values[0]`); NaN for a
 * weekday the series never reaches.
 *
 * @example
 * ```ts
 * import { weekdayMeans } from "./calendar_means.ts";
 * // 2023-01-02 (day 19359) was a Monday.
 * weekdayMeans([1, 2, 3, 4, 5, 6, 7, 3], 19359); // Float64Array [2, 2, 3, 4, 5, 6, 7]
 * ```
 */
export function weekdayMeans(values: ArrayLike<number>, start: number): Float64Array {
  return groupMeans(values, 7, (i) => weekday(start + i));
}

/**
 * The mean per month of the year, January first (`start` is the day number of `values[0]`);
 * NaN for a month the series never reaches. Over several years each month pools all its days.
 *
 * @example
 * ```ts
 * import { monthMeans } from "./calendar_means.ts";
 * // 31 days of January 2023 (day 19358 = 2023-01-01) at 2, then 1 February day at 5.
 * monthMeans([...Array(31).fill(2), 5], 19358).slice(0, 3); // Float64Array [2, 5, NaN]
 * ```
 */
export function monthMeans(values: ArrayLike<number>, start: number): Float64Array {
  return groupMeans(values, 12, (i) => new Date((start + i) * 86_400_000).getUTCMonth());
}

function groupMeans(
  values: ArrayLike<number>,
  groups: number,
  groupOf: (index: number) => number,
): Float64Array {
  const totals = new Float64Array(groups);
  const counts = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) {
    const g = groupOf(i);
    totals[g] += values[i];
    counts[g]++;
  }
  return totals.map((total, g) => (counts[g] > 0 ? total / counts[g] : NaN));
}
