/**
 * Prediction intervals from a model's own out-of-sample errors (split conformal): errors are
 * collected per horizon step from rolling origins inside the history, scaled by √(mean + 1) so
 * that busy and quiet days share one error distribution, and their quantiles are put back
 * around the forecast mean. Bounds are clipped at 0.
 * @module
 */

import type { Forecast } from "./types.ts";

/** Errors of one horizon step are pooled with the steps this close to it. */
const STEP_POOL = 3;

/** The error scale of a forecast mean: count-like data vary more on busier days. */
export function errorScale(mean: number): number {
  return Math.sqrt(Math.max(0, mean) + 1);
}

/** An actual's error relative to the forecast mean, in units of {@link errorScale}. */
export function scaledResidual(actual: number, mean: number): number {
  return (actual - mean) / errorScale(mean);
}

/** Linear-interpolated quantile of sorted values (p in [0, 1]). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const position = Math.min(Math.max(p, 0), 1) * (n - 1);
  const low = Math.floor(position);
  const high = Math.min(n - 1, low + 1);
  return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}

/**
 * The split-conformal quantile level for a nominal level `p` from `n` exchangeable calibration
 * points: ⌈(n + 1)·p⌉ / n, capped at 1.
 */
export function conformalLevel(p: number, n: number): number {
  return n > 0 ? Math.min(1, Math.ceil((n + 1) * p) / n) : p;
}

/**
 * Builds a forecast from a mean and scaled residuals per horizon step (`residuals[h]` holds the
 * scaled errors observed at step h+1). Each step pools the errors of the steps within 3 of it
 * (wider where that gives fewer than 20 errors).
 */
export function intervalsFrom(mean: Float64Array, residuals: readonly Float64Array[]): Forecast {
  const horizon = mean.length;
  const forecast: Forecast = {
    mean: mean.map((value) => (Number.isFinite(value) ? Math.max(0, value) : 0)),
    lo80: new Float64Array(horizon),
    hi80: new Float64Array(horizon),
    lo95: new Float64Array(horizon),
    hi95: new Float64Array(horizon),
  };
  const steps = residuals.length;
  const buffer = new Float64Array(residuals.reduce((n, r) => n + r.length, 0));
  for (let h = 0; h < horizon; h++) {
    const center = Math.min(h, steps - 1);
    let size = 0;
    for (let radius = STEP_POOL; radius <= steps + STEP_POOL; radius *= 2) {
      size = 0;
      for (let s = Math.max(0, center - radius); s <= Math.min(steps - 1, center + radius); s++) {
        buffer.set(residuals[s], size);
        size += residuals[s].length;
      }
      if (size >= 20) break;
    }
    const pool = buffer.subarray(0, size).sort(); // typed arrays sort numerically
    const m = forecast.mean[h];
    const scale = errorScale(m);
    // Errors of one origin at nearby steps move together (a level error lasts), so the pooled
    // errors count as about two independent points per origin, not seven.
    const points = 2 * residuals[center].length;
    const at = (p: number) => Math.max(0, m + quantileSorted(pool, p) * scale);
    forecast.lo95[h] = at(1 - conformalLevel(0.975, points));
    forecast.lo80[h] = Math.max(forecast.lo95[h], at(1 - conformalLevel(0.9, points)));
    forecast.hi95[h] = Math.max(forecast.lo80[h], at(conformalLevel(0.975, points)));
    forecast.hi80[h] = Math.min(
      forecast.hi95[h],
      Math.max(forecast.lo80[h], at(conformalLevel(0.9, points))),
    );
  }
  return forecast;
}
