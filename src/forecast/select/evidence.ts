/**
 * The evidence `auto` weighs when a product might leave the model best across products: each
 * backtest window's losses in the two measures a planner relies on (the daily squared error
 * behind RMSSE and the error of 7-day totals), and a one-sided paired t-test over the windows
 * whose variance counts windows that share days by their overlap — rolling windows 14 days apart
 * with a 28-day horizon share half their days and are not independent evidence.
 * @module
 */

import type { BacktestWindow } from "../backtest/series.ts";

/** The one-sided t a model must reach against the anchor, in both measures (95 %). */
export const CLEAR_ADVANTAGE_T = 1.645;

/**
 * A window's mean scaled squared error (its RMSSE squared) and the sum of the absolute errors of
 * its 7-day totals (as `metrics.ts` counts them: full blocks of 7 from the cutoff, open days).
 */
export function windowLosses(window: BacktestWindow): { squared: number; weekly: number } {
  const { forecast, actual, open, scales } = window;
  const horizon = actual.length;
  const block = horizon >= 7 ? 7 : horizon;
  let weekly = 0;
  for (let start = 0; start + block <= horizon; start += block) {
    let error = 0;
    for (let h = start; h < start + block; h++) {
      if (!open || open[h]) error += forecast.mean[h] - actual[h];
    }
    weekly += Math.abs(error);
  }
  let squared = 0;
  let days = 0;
  for (let h = 0; h < horizon; h++) {
    if (open && !open[h]) continue;
    squared += (forecast.mean[h] - actual[h]) ** 2 / scales.mse;
    days++;
  }
  return { squared: days > 0 ? squared / days : 0, weekly };
}

/**
 * The one-sided paired t of the anchor's minus a model's losses over the same windows (positive:
 * the model is better); Infinity when it is better on every window by the same amount.
 * `pairs`, when given, is Σᵢⱼ ρᵢⱼ over the windows ({@link overlapPairs}): the variance of the
 * mean difference then counts each pair by its overlap instead of n independent windows.
 *
 * @example
 * ```ts
 * import { pairedT } from "./evidence.ts";
 * pairedT([5, 5, 5], [1, 1, 1]); // Infinity: better by 4 on every window
 * pairedT([1, 1, 1], [5, 5, 5]); // 0: worse
 * ```
 */
export function pairedT(
  anchor: readonly number[],
  model: readonly number[],
  pairs = anchor.length,
): number {
  const n = anchor.length;
  if (n < 2) return 0;
  const d = anchor.map((a, i) => a - model[i]);
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  if (!(mean > 0)) return 0;
  return variance > 0 ? mean / Math.sqrt(variance * pairs / (n * n)) : Infinity;
}

/**
 * Σᵢⱼ ρᵢⱼ over every ordered pair of the windows, ρᵢⱼ the share of days windows i and j have
 * in common (1 for a window with itself): how many independent pairs' worth of evidence they
 * hold, for {@link pairedT}.
 */
export function overlapPairs(windows: readonly BacktestWindow[]): number {
  const days = windows.map((w) => w.actual.length);
  const cutoffs = windows.map((w) => w.cutoff);
  let pairs = 0;
  for (let i = 0; i < windows.length; i++) {
    for (let j = 0; j < windows.length; j++) {
      const horizon = Math.min(days[i], days[j]);
      pairs += horizon > 0 ? Math.max(0, 1 - Math.abs(cutoffs[i] - cutoffs[j]) / horizon) : 0;
    }
  }
  return pairs;
}
