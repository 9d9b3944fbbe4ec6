/**
 * The one call every model answers: history in, horizon out — a {@link Forecast} with the mean
 * and 80 %/95 % intervals from the fitted model's own rolling-origin errors, 0 on closed days.
 * @module
 */

import type { FitOptions, FittedModel, Forecast, ForecastModel, SeriesContext } from "./types.ts";
import { calibrationResiduals } from "./calibrate.ts";
import { intervalsFrom } from "./intervals.ts";

/** Checks that a history is long enough for a model; a RangeError names product and days. */
export function assertLongEnough(model: ForecastModel, history: SeriesContext): void {
  if (history.values.length < model.minHistory) {
    throw new RangeError(
      `Cannot forecast ${history.target} of product ${history.productId} with ${model.name}: ` +
        `it needs at least ${model.minHistory} days of history, got ${history.values.length}`,
    );
  }
}

/** Forecasts `horizon` days after `context` with a fitted model, intervals included. */
export function forecastWithIntervals(
  fitted: FittedModel,
  model: ForecastModel,
  context: SeriesContext,
  horizon: number,
): Forecast {
  const mean = fitted.predict(context, horizon);
  return closeDays(intervalsFrom(mean, calibrationFor(fitted, model, context, horizon)), context);
}

/** A fitted model's scaled errors per step from origins inside `context` (its calibration). */
export function calibrationFor(
  fitted: FittedModel,
  model: ForecastModel,
  context: SeriesContext,
  horizon: number,
): Float64Array[] {
  return calibrationResiduals(fitted, context, horizon, {
    minContext: model.minHistory,
    from: fitted.calibrationFrom,
  });
}

/** Sets the forecast to 0 on the days the context's open mask marks closed. */
export function closeDays(forecast: Forecast, context: SeriesContext): Forecast {
  const open = context.open;
  const n = context.values.length;
  if (!open) return forecast;
  for (let h = 0; h < forecast.mean.length && n + h < open.length; h++) {
    if (open[n + h]) continue;
    forecast.mean[h] =
      forecast.lo80[h] =
      forecast.hi80[h] =
      forecast.lo95[h] =
      forecast.hi95[h] =
        0;
  }
  return forecast;
}

/**
 * Fits `model` on `history` and forecasts `options.horizon` days after it.
 *
 * @example
 * ```ts
 * import { forecast } from "./forecast.ts";
 * import { seasonalNaiveModel } from "./registry.ts";
 * const values = Float64Array.from({ length: 56 }, (_, i) => 10 + (i % 7));
 * const result = await forecast(seasonalNaiveModel, {
 *   productId: "P1", target: "sales", start: 19358, values, sales: values,
 * }, { horizon: 7, seed: 1 });
 * result.mean.length; // 7
 * ```
 */
export async function forecast(
  model: ForecastModel,
  history: SeriesContext,
  options: FitOptions,
): Promise<Forecast> {
  if (!Number.isInteger(options.horizon) || options.horizon < 1) {
    throw new RangeError(
      `Cannot forecast: horizon must be a positive integer, got ${options.horizon}`,
    );
  }
  assertLongEnough(model, history);
  const fitted = await model.fit(history, options);
  return forecastWithIntervals(fitted, model, history, options.horizon);
}
