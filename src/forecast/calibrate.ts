/**
 * A fitted model's own rolling-origin errors inside its history — the material of its
 * prediction intervals. The model's parameters stay fixed; only the origin moves.
 * @module
 */

import type { FittedModel, SeriesContext } from "./types.ts";
import { truncateContext } from "./context.ts";
import { scaledResidual } from "./intervals.ts";

/** Most forecast origins inside a history that calibrate a model's intervals. */
export const CALIBRATION_ORIGINS = 40;

/** Options of {@link calibrationResiduals}. */
export interface CalibrationOptions {
  /** Most origins. @default CALIBRATION_ORIGINS */
  origins?: number;
  /** Smallest context the model accepts (days). */
  minContext: number;
  /** First index that is out of sample for the fitted parameters (e.g. a validation split). */
  from?: number;
}

/**
 * Scaled errors per horizon step (index h = step h+1) of `fitted` forecasting from up to 40
 * origins spread over the last part of `history`. With fewer than 3 usable origins, the scaled errors of a weekly
 * seasonal-naive forecast over the history stand in for every step.
 */
export function calibrationResiduals(
  fitted: FittedModel,
  history: SeriesContext,
  horizon: number,
  options: CalibrationOptions,
): Float64Array[] {
  const n = history.values.length;
  const count = options.origins ?? CALIBRATION_ORIGINS;
  const earliest = Math.max(options.minContext, options.from ?? 0, 1);
  // Spread the origins over as much of the history as allows, 3 to 8 days apart.
  const room = n - horizon - earliest;
  const spacing = Math.min(8, Math.max(2, Math.floor(room / Math.max(1, count - 1))));
  const origins: number[] = [];
  for (let j = 0; j < count; j++) {
    const origin = n - horizon - j * spacing;
    if (origin < earliest) break;
    origins.push(origin);
  }
  if (origins.length < 3) return fallbackResiduals(history.values, horizon);
  const byStep = Array.from({ length: horizon }, () => new Float64Array(origins.length));
  const contexts = origins.map((origin) => truncateContext(history, origin));
  const means = fitted.predictMany
    ? fitted.predictMany(contexts, horizon)
    : contexts.map((context) => fitted.predict(context, horizon));
  origins.forEach((origin, j) => {
    const mean = means[j];
    for (let h = 0; h < horizon; h++) {
      byStep[h][j] = scaledResidual(history.values[origin + h], mean[h]);
    }
  });
  return byStep;
}

function fallbackResiduals(values: Float64Array, horizon: number): Float64Array[] {
  const lag = values.length > 7 ? 7 : 1;
  const errors: number[] = [];
  for (let t = lag; t < values.length; t++) errors.push(scaledResidual(values[t], values[t - lag]));
  if (errors.length === 0) errors.push(-1, 1);
  const pooled = Float64Array.from(errors);
  return Array.from({ length: horizon }, () => pooled);
}
