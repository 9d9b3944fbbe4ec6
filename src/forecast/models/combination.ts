/**
 * `combo`: the equal-weight mean of the `ets` and `ma28` forecasts — combinations of simple
 * methods are hard to beat (the M competitions' lesson), and this one tempers ETS's trend with
 * the moving average's level.
 * @module
 */

import type { FitOptions, ForecastModel, SeriesContext } from "../types.ts";
import { etsModel } from "./ets.ts";
import { movingAverageModel } from "./moving_average.ts";

/** The models combined, with equal weights. */
const MEMBERS: readonly ForecastModel[] = [etsModel, movingAverageModel];

/** The combination model. */
export const comboModel: ForecastModel = {
  name: "combo",
  description: "mean of the ets and ma28 forecasts",
  minHistory: Math.max(...MEMBERS.map((m) => m.minHistory)),
  targets: ["sales", "returns"],
  async fit(history: SeriesContext, options: FitOptions) {
    const fitted = await Promise.all(MEMBERS.map((m) => m.fit(history, options)));
    return {
      model: "combo",
      predict(context: SeriesContext, horizon: number) {
        const mean = new Float64Array(horizon);
        for (const member of fitted) {
          const forecast = member.predict(context, horizon);
          for (let h = 0; h < horizon; h++) mean[h] += forecast[h] / fitted.length;
        }
        return mean;
      },
    };
  },
};
