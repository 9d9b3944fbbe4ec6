/**
 * `zero`: forecasts no returns at all — the bar a returns model has to clear (on real data most
 * days have none, and many "returns" are cancellations that are not goods coming back).
 * @module
 */

import { BASELINE, type ForecastModel } from "../types.ts";

/**
 * A zero model named `name` (returns only); its intervals still come from its errors, so they
 * cover what does come back.
 */
export function zero(name: string): ForecastModel {
  return {
    ...BASELINE,
    name,
    description: "no returns at all (the bar a returns model has to clear)",
    minHistory: 1,
    targets: ["returns"],
    fit: () => ({
      model: name,
      predict: (_context, horizon: number) => new Float64Array(horizon),
    }),
  };
}
