/**
 * `ma28`: the mean of the last 28 days, shaped by the weekday profile of the last 8 weeks.
 * @module
 */

import type { ForecastModel, SeriesContext } from "../types.ts";
import { weekdayProfile } from "../weekday_profile.ts";

/** Days averaged for the level. */
const LEVEL_DAYS = 28;
/** Days the weekday profile is read from. */
const PROFILE_DAYS = 56;

/**
 * The 28-day mean of `series` (all of them when shorter) times the weekday profile of the last
 * 8 weeks, for the `horizon` days after the series (day number of `series[0]` is `start`).
 */
export function movingAverageForecast(
  series: Float64Array,
  start: number,
  horizon: number,
): Float64Array {
  const n = series.length;
  const from = Math.max(0, n - LEVEL_DAYS);
  let total = 0;
  for (let i = from; i < n; i++) total += series[i];
  const level = n > from ? total / (n - from) : 0;
  const profile = weekdayProfile(series, start, PROFILE_DAYS);
  return Float64Array.from({ length: horizon }, (_, h) => level * profile.factorOn(start + n + h));
}

/** The moving-average model: nothing to fit. */
export const movingAverageModel: ForecastModel = {
  name: "ma28",
  description: "mean of the last 28 days × the weekday profile of the last 8 weeks",
  minHistory: 7,
  targets: ["sales", "returns"],
  fit: () => ({
    model: "ma28",
    predict: (context: SeriesContext, horizon: number) =>
      movingAverageForecast(context.values, context.start, horizon),
  }),
};
