/**
 * `zero`: forecasts no returns at all — the bar a returns model has to clear (on real data most
 * days have none, and many "returns" are cancellations that are not goods coming back).
 * @module
 */

import type { ForecastModel } from "../types.ts";

/** The zero model; its intervals still come from its errors, so they cover what does come back. */
export const zeroModel: ForecastModel = {
  name: "zero",
  description: "no returns at all (the bar a returns model has to clear)",
  minHistory: 1,
  targets: ["returns"],
  fit: () => ({
    model: "zero",
    predict: (_context, horizon: number) => new Float64Array(horizon),
  }),
};
