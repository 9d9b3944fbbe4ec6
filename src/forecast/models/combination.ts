/**
 * A combination: the equal-weight mean of its members' forecasts — combinations of simple
 * methods are hard to beat (the M competitions' lesson). `combo` tempers ETS's trend with the
 * moving average's level.
 * @module
 */

import { BASELINE, type FitOptions, type ForecastModel, type SeriesContext } from "../types.ts";

/** A combination model named `name` of `members`, with equal weights. */
export function combination(name: string, members: readonly ForecastModel[]): ForecastModel {
  return {
    ...BASELINE,
    name,
    description: `mean of the ${members.map((m) => m.name).join(" and ")} forecasts`,
    minHistory: Math.max(...members.map((m) => m.minHistory)),
    targets: ["sales", "returns"],
    async fit(history: SeriesContext, options: FitOptions) {
      const fitted = await Promise.all(members.map((m) => m.fit(history, options)));
      return {
        model: name,
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
}
