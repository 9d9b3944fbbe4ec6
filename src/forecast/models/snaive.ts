/**
 * `snaive7`: the weekly seasonal naive forecast — each day equals the same weekday last week.
 * @module
 */

import type { ForecastModel, SeriesContext } from "../types.ts";

/** Days in the season. */
const SEASON = 7;

/** Repeats the last 7 values of `values` over `horizon` days. */
export function seasonalNaiveForecast(values: Float64Array, horizon: number): Float64Array {
  const n = values.length;
  const forecast = new Float64Array(horizon);
  if (n < SEASON) return forecast.fill(n > 0 ? values[n - 1] : 0);
  for (let h = 0; h < horizon; h++) forecast[h] = values[n - SEASON + (h % SEASON)];
  return forecast;
}

/** The weekly seasonal naive model: nothing to fit. */
export const seasonalNaiveModel: ForecastModel = {
  name: "snaive7",
  description: "each day equals the same weekday last week",
  minHistory: SEASON,
  targets: ["sales", "returns"],
  fit: () => ({
    model: "snaive7",
    predict: (context: SeriesContext, horizon: number) =>
      seasonalNaiveForecast(context.values, horizon),
  }),
};
