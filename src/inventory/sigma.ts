/**
 * σ of net-demand totals over k days, from a forecast's own backtest errors: for each backtest
 * window, the error of every k-day block of (sales − ρ · returns), forecast minus actual. The
 * root mean square keeps any bias in (a biased forecast needs more safety stock, not less).
 * @module
 */

import type { BacktestWindow } from "../forecast/backtest/series.ts";

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
  return sales.flatMap((window) => {
    const match = returns.find((r) => r.cutoff === window.cutoff);
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

/**
 * How forecast errors of net-demand totals scale: σ(F) = scale × (F + 1)^exponent for a forecast
 * total F over the block. Errors of busier periods are larger; the exponent says how much.
 */
export interface ErrorScale {
  /** Scale of L-day totals. */
  lead: number;
  /** Scale of (L + R)-day totals. */
  cycle: number;
  /** How σ grows with the forecast total. */
  exponent: number;
  /** Whether the scales come from backtest errors (or a fallback). */
  fromBacktest: boolean;
}

/** Growth of σ with the forecast total: 1 = proportional (errors of counts grow with volume). */
export const SIGMA_EXPONENT = Number(Deno.env.get("SIGMA_EXPONENT") ?? 1);

/** σ of a block whose forecast net total is `total`. */
export function sigmaAt(scale: number, exponent: number, total: number): number {
  return scale * (Math.max(0, total) + 1) ** exponent;
}

/**
 * RMS of k-day total errors, each divided by (its forecast total + 1)^exponent, over all k-day
 * blocks of the windows; `undefined` when no window is k days long.
 */
export function blockScale(
  windows: readonly NetWindow[],
  restockRate: number,
  days: number,
  exponent: number,
): number | undefined {
  let squares = 0;
  let count = 0;
  for (const window of windows) {
    const errors = netErrors(window, restockRate);
    for (let start = 0; start + days <= errors.length; start++) {
      let error = 0;
      let forecast = 0;
      for (let h = start; h < start + days; h++) {
        error += errors[h];
        forecast += window.sales.forecast.mean[h] - restockRate * window.returns.forecast.mean[h];
      }
      squares += (error / (Math.max(0, forecast) + 1) ** exponent) ** 2;
      count++;
    }
  }
  return count > 0 ? Math.sqrt(squares / count) : undefined;
}

/**
 * Error scales of the lead-time and cycle (L + R) totals. Without usable windows, falls back to
 * √days × the daily spread of recent net demand in `history` (sales − ρ · returns), relative to
 * its level — cautious, and flagged.
 */
export function netSigmas(
  windows: readonly NetWindow[],
  restockRate: number,
  leadTime: number,
  cycle: number,
  history: { sales: ArrayLike<number>; returns: ArrayLike<number> },
  exponent = SIGMA_EXPONENT,
): ErrorScale {
  const lead = blockScale(windows, restockRate, leadTime, exponent);
  const full = blockScale(windows, restockRate, cycle, exponent);
  if (lead !== undefined && full !== undefined) {
    return { lead, cycle: full, exponent, fromBacktest: true };
  }
  const recent = Math.min(history.sales.length, 90);
  const values = Array.from({ length: recent }, (_, i) => {
    const t = history.sales.length - recent + i;
    return history.sales[t] - restockRate * history.returns[t];
  });
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(
    values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1),
  );
  const relative = (days: number) =>
    sd * Math.sqrt(days) / (Math.max(0, mean * days) + 1) ** exponent;
  return { lead: relative(leadTime), cycle: relative(cycle), exponent, fromBacktest: false };
}
