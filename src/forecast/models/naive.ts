/**
 * `naive`: every future day equals the last observed day.
 * @module
 */

import type { ForecastModel, SeriesContext } from "../types.ts";

/** The naive forecast: the last value of `values`, `horizon` times (0 for an empty series). */
export function naiveForecast(values: Float64Array, horizon: number): Float64Array {
  return new Float64Array(horizon).fill(values.length > 0 ? values[values.length - 1] : 0);
}

/** The naive model: nothing to fit. */
export const naiveModel: ForecastModel = {
  name: "naive",
  description: "every future day equals the last observed day",
  minHistory: 1,
  targets: ["sales", "returns"],
  fit: () => ({
    model: "naive",
    predict: (context: SeriesContext, horizon: number) => naiveForecast(context.values, horizon),
  }),
};
