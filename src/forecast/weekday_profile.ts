/**
 * Weekday profiles: how much each day of the week sells relative to the average day.
 * @module
 */

import { weekday } from "../data/dates.ts";

/** Multiplicative factor per weekday (mean 1 over the 7 days when there is any demand). */
export interface WeekdayProfile {
  /** Factors, Monday first. */
  factors: Float64Array;
  /** The factor that applies on a day number. */
  factorOn(day: number): number;
}

/**
 * The weekday profile of the last `days` values (day number of `values[0]` is `start`):
 * each weekday's mean divided by the mean of the weekday means. All-zero data gives factors of 1.
 */
export function weekdayProfile(values: Float64Array, start: number, days: number): WeekdayProfile {
  const n = values.length;
  const totals = new Float64Array(7);
  const counts = new Float64Array(7);
  for (let i = Math.max(0, n - days); i < n; i++) {
    const d = weekday(start + i);
    totals[d] += values[i];
    counts[d]++;
  }
  const means = totals.map((total, d) => (counts[d] > 0 ? total / counts[d] : NaN));
  const seen = means.filter((value) => !Number.isNaN(value));
  const overall = seen.reduce((a, b) => a + b, 0) / Math.max(1, seen.length);
  const factors = means.map((value) => (overall > 0 && !Number.isNaN(value) ? value / overall : 1));
  return { factors, factorOn: (day: number) => factors[weekday(day)] };
}
