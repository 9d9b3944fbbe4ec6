/**
 * Combinations of forecasts — the M competitions' lesson: the mean or median of a few simple,
 * different methods is hard to beat, because their errors partly cancel. `combo` (the mean of
 * `ets` and `ma28`) tempers ETS's trend with the moving average's level; `combo-median` (the
 * day-by-day median of a smoother, a trend, a moving average and an intermittent-demand method)
 * lets no single member's miss carry the forecast. Intervals come, as for every model, from the
 * combination's own rolling-origin errors.
 * @module
 */

import { BASELINE, type FitOptions, type ForecastModel, type SeriesContext } from "../types.ts";

/** How member forecasts are combined, day by day. */
export type Combiner = "mean" | "median";

/** The mean or median of one day's member forecasts (`values` is reordered). */
export function combineDay(values: Float64Array, combiner: Combiner): number {
  const n = values.length;
  if (combiner === "mean") return values.reduce((total, v) => total + v / n, 0);
  const sorted = values.sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The member names as prose: "a and b", "a, b, c and d". */
function listed(members: readonly ForecastModel[]): string {
  const names = members.map((m) => m.name);
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * A combination model named `name` of `members` (light, per-product models), combined day by
 * day with equal weights by their mean or median. It forecasts the targets all members do.
 */
export function combination(
  name: string,
  members: readonly ForecastModel[],
  combiner: Combiner = "mean",
): ForecastModel {
  if (members.length === 0) throw new RangeError(`Cannot make ${name}: no members`);
  return {
    ...BASELINE,
    name,
    description: `${combiner} of the ${listed(members)} forecasts`,
    members,
    minHistory: Math.max(...members.map((m) => m.minHistory)),
    targets: (["sales", "returns"] as const).filter((t) =>
      members.every((m) => m.targets.includes(t))
    ),
    needsSalesForecast: members.some((m) => m.needsSalesForecast),
    async fit(history: SeriesContext, options: FitOptions) {
      const fitted = await Promise.all(
        members.map((m) => options.fitMember?.(m, history) ?? m.fit(history, options)),
      );
      return {
        model: name,
        predict(context: SeriesContext, horizon: number) {
          const forecasts = fitted.map((member) => member.predict(context, horizon));
          const day = new Float64Array(forecasts.length);
          return Float64Array.from({ length: horizon }, (_, h) => {
            forecasts.forEach((f, j) => (day[j] = f[h]));
            return combineDay(day, combiner);
          });
        },
        dispose: () => fitted.forEach((f) => f.dispose?.()),
      };
    },
  };
}
