/**
 * `naive`: every future day equals the last observed day.
 * @module
 */

import { BASELINE, type ForecastModel, type SeriesContext } from "../types.ts";

/** The naive forecast: the last value of `values`, `horizon` times (0 for an empty series). */
export function naiveForecast(values: Float64Array, horizon: number): Float64Array {
  return new Float64Array(horizon).fill(values.length > 0 ? values[values.length - 1] : 0);
}

/** A naive model named `name`: nothing to fit. */
export function naive(name: string): ForecastModel {
  return {
    ...BASELINE,
    name,
    description: "every future day equals the last observed day",
    minHistory: 1,
    targets: ["sales", "returns"],
    fit: () => ({
      model: name,
      predict: (context: SeriesContext, horizon: number) => naiveForecast(context.values, horizon),
    }),
  };
}
