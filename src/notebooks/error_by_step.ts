/**
 * How forecast error grows with the horizon: the mean absolute error at each step ahead
 * (day 1, day 2, … after the cutoff), pooled over backtest windows and series.
 * @module
 */

/** What {@link maeByStep} reads from a backtest window. */
export interface StepWindow {
  /** The forecast made at the cutoff (only the mean is used). */
  readonly forecast: { readonly mean: ArrayLike<number> };
  /** What happened. */
  readonly actual: ArrayLike<number>;
  /** 1 on open days, 0 on closed days (absent: all open); closed days are not scored. */
  readonly open?: ArrayLike<number>;
}

/**
 * Mean absolute error per step ahead over all `windows` (step h = index h − 1); NaN for a step
 * no window reaches.
 *
 * @example
 * ```ts
 * import { maeByStep } from "./error_by_step.ts";
 * maeByStep([
 *   { forecast: { mean: [10, 10] }, actual: [9, 14] },
 *   { forecast: { mean: [10, 10] }, actual: [11, 8] },
 * ]); // Float64Array [1, 3]
 * ```
 */
export function maeByStep(windows: readonly StepWindow[]): Float64Array {
  const horizon = Math.max(0, ...windows.map((w) => w.actual.length));
  const totals = new Float64Array(horizon);
  const counts = new Float64Array(horizon);
  for (const window of windows) {
    const { forecast, actual, open } = window;
    for (let h = 0; h < actual.length; h++) {
      if (open && !open[h]) continue;
      totals[h] += Math.abs(forecast.mean[h] - actual[h]);
      counts[h]++;
    }
  }
  return totals.map((total, h) => (counts[h] > 0 ? total / counts[h] : NaN));
}
