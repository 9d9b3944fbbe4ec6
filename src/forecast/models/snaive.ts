/**
 * The seasonal naive forecast: each day equals the same day one season earlier (`snaive7`: the
 * same weekday last week).
 * @module
 */

import { BASELINE, type ForecastModel, type SeriesContext } from "../types.ts";

/** Parameters of {@link seasonalNaive}. */
export interface SeasonalNaiveParameters {
  /** Days in the season (7: weekly). */
  season: number;
}

/** Repeats the last `season` values of `values` over `horizon` days (default: a week). */
export function seasonalNaiveForecast(
  values: Float64Array,
  horizon: number,
  season = 7,
): Float64Array {
  const n = values.length;
  const forecast = new Float64Array(horizon);
  if (n < season) return forecast.fill(n > 0 ? values[n - 1] : 0);
  for (let h = 0; h < horizon; h++) forecast[h] = values[n - season + (h % season)];
  return forecast;
}

/** A seasonal naive model named `name`: nothing to fit. */
export function seasonalNaive(name: string, { season }: SeasonalNaiveParameters): ForecastModel {
  return {
    ...BASELINE,
    name,
    description: season === 7
      ? "each day equals the same weekday last week"
      : `each day equals the same day ${season} days earlier`,
    minHistory: season,
    targets: ["sales", "returns"],
    fit: () => ({
      model: name,
      predict: (context: SeriesContext, horizon: number) =>
        seasonalNaiveForecast(context.values, horizon, season),
    }),
  };
}
