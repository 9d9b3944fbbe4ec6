/**
 * σ of net-demand totals over k days, from a forecast's own backtest errors: for each backtest
 * window, the error of every k-day block of (sales − ρ · returns), forecast minus actual.
 * @module
 */

import type { BacktestWindow } from "../forecast/backtest/series.ts";
import { byCutoff } from "../forecast/dataset/results.ts";

/** Sales and returns backtest windows of one product with the same cutoff. */
export interface NetWindow {
  cutoff: number;
  sales: BacktestWindow;
  returns: BacktestWindow;
}

/** Pairs a product's sales and returns windows by cutoff. */
export function pairWindows(
  sales: readonly BacktestWindow[],
  returns: readonly BacktestWindow[],
): NetWindow[] {
  const returnsAt = byCutoff(returns);
  return sales.flatMap((window) => {
    const match = returnsAt.get(window.cutoff);
    return match ? [{ cutoff: window.cutoff, sales: window, returns: match }] : [];
  });
}

/** Daily net-demand errors (forecast − actual) of a window. */
export function netErrors(window: NetWindow, restockRate: number): Float64Array {
  const n = Math.min(window.sales.actual.length, window.returns.actual.length);
  return Float64Array.from({ length: n }, (_, h) => {
    const forecast = window.sales.forecast.mean[h] - restockRate * window.returns.forecast.mean[h];
    const actual = window.sales.actual[h] - restockRate * window.returns.actual[h];
    return forecast - actual;
  });
}

/** σ of the forecast's errors of lead-time and cycle net-demand totals. */
export interface ErrorScale {
  /** σ of L-day totals. */
  lead: number;
  /** σ of (L + R)-day totals. */
  cycle: number;
  /** Whether σ comes from backtest errors (or a fallback). */
  fromBacktest: boolean;
}

/**
 * RMS error of k-day totals over all k-day blocks of the windows (bias kept: a biased forecast
 * needs more safety stock, not less), or `undefined` when no window is k days long.
 */
export function blockSigma(
  windows: readonly NetWindow[],
  restockRate: number,
  days: number,
): number | undefined {
  let squares = 0;
  let count = 0;
  for (const window of windows) {
    const errors = netErrors(window, restockRate);
    for (let start = 0; start + days <= errors.length; start++) {
      let total = 0;
      for (let h = start; h < start + days; h++) total += errors[h];
      squares += total * total;
      count++;
    }
  }
  return count > 0 ? Math.sqrt(squares / count) : undefined;
}

/**
 * σ of the lead-time and cycle (L + R) totals. Without usable windows, falls back to √days × the
 * daily spread of recent net demand in `history` (sales − ρ · returns) — cautious, and flagged.
 */
export function netSigmas(
  windows: readonly NetWindow[],
  restockRate: number,
  leadTime: number,
  cycle: number,
  history: { sales: ArrayLike<number>; returns: ArrayLike<number> },
): ErrorScale {
  const lead = blockSigma(windows, restockRate, leadTime);
  const full = blockSigma(windows, restockRate, cycle);
  if (lead !== undefined && full !== undefined) return { lead, cycle: full, fromBacktest: true };
  const recent = Math.min(history.sales.length, 90);
  const values = Array.from({ length: recent }, (_, i) => {
    const t = history.sales.length - recent + i;
    return history.sales[t] - restockRate * history.returns[t];
  });
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(
    values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1),
  );
  return { lead: sd * Math.sqrt(leadTime), cycle: sd * Math.sqrt(cycle), fromBacktest: false };
}
