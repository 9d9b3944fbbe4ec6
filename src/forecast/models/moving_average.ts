/**
 * The moving average with a weekday profile (`ma28`): the mean of the last 28 days, shaped by the
 * weekday profile of the last 8 weeks; `ma28y` reads the profile from a year, which is steadier
 * where single weeks are lumpy.
 * @module
 */

import { BASELINE, type ForecastModel, type SeriesContext } from "../types.ts";
import { weekdayProfile } from "../weekday_profile.ts";

/** Parameters of {@link movingAverage}. */
export interface MovingAverageParameters {
  /** Days averaged for the level. */
  levelDays: number;
  /** Days the weekday profile is read from. */
  profileDays: number;
}

/** `ma28`'s parameters: the level of 28 days, the profile of 8 weeks. */
export const MA28: MovingAverageParameters = { levelDays: 28, profileDays: 56 };
/** `ma28y`'s: the level of 28 days, the weekday profile of a year (52 weeks). */
export const MA28_YEAR_PROFILE: MovingAverageParameters = { levelDays: 28, profileDays: 364 };

/**
 * The mean of the last `levelDays` days of `series` (all of them when shorter) times the weekday
 * profile of the last `profileDays`, for the `horizon` days after the series (day number of
 * `series[0]` is `start`).
 */
export function movingAverageForecast(
  series: Float64Array,
  start: number,
  horizon: number,
  { levelDays, profileDays }: MovingAverageParameters = MA28,
): Float64Array {
  const n = series.length;
  const from = Math.max(0, n - levelDays);
  let total = 0;
  for (let i = from; i < n; i++) total += series[i];
  const level = n > from ? total / (n - from) : 0;
  const profile = weekdayProfile(series, start, profileDays);
  return Float64Array.from({ length: horizon }, (_, h) => level * profile.factorOn(start + n + h));
}

/** A moving-average model named `name`: nothing to fit. */
export function movingAverage(name: string, parameters: MovingAverageParameters): ForecastModel {
  return {
    ...BASELINE,
    name,
    description: `mean of the last ${parameters.levelDays} days × the weekday profile of the ` +
      `last ${parameters.profileDays / 7} weeks`,
    minHistory: 7,
    targets: ["sales", "returns"],
    fit: () => ({
      model: name,
      predict: (context: SeriesContext, horizon: number) =>
        movingAverageForecast(context.values, context.start, horizon, parameters),
    }),
  };
}
