/**
 * Adapters from the library's arrays (day numbers, Float64Arrays, forecasts, plans) to the
 * inputs of the report's chart functions, so notebooks draw the same charts as the report.
 * @module
 */

import { formatIsoDay } from "../data/dates.ts";
import type { Forecast } from "../forecast/types.ts";
import type { ForecastPoint, HistoryPoint, LinePoint } from "../report/charts.ts";

/**
 * History points for `forecastChart`: `values[from … to − 1]`, where `values[0]` falls on day
 * number `start`.
 *
 * @example
 * ```ts
 * import { historyPoints } from "./chart_points.ts";
 * historyPoints([4, 5, 6], 19358, 1);
 * // [{ date: "2023-01-02", value: 5 }, { date: "2023-01-03", value: 6 }]
 * ```
 */
export function historyPoints(
  values: ArrayLike<number>,
  start: number,
  from = 0,
  to = values.length,
): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, values.length); i++) {
    points.push({ date: formatIsoDay(start + i), value: values[i] });
  }
  return points;
}

/**
 * Forecast points for `forecastChart`: the first `days` days of a forecast starting on day
 * number `firstDay`.
 *
 * @example
 * ```ts
 * import { forecastPoints } from "./chart_points.ts";
 * const one = new Float64Array([3]);
 * forecastPoints({ mean: one, lo80: one, hi80: one, lo95: one, hi95: one }, 19358);
 * // [{ date: "2023-01-01", mean: 3, lo80: 3, hi80: 3, lo95: 3, hi95: 3 }]
 * ```
 */
export function forecastPoints(
  forecast: Forecast,
  firstDay: number,
  days = forecast.mean.length,
): ForecastPoint[] {
  return Array.from({ length: Math.min(days, forecast.mean.length) }, (_, h) => ({
    date: formatIsoDay(firstDay + h),
    mean: forecast.mean[h],
    lo80: forecast.lo80[h],
    hi80: forecast.hi80[h],
    lo95: forecast.lo95[h],
    hi95: forecast.hi95[h],
  }));
}

/**
 * Points for `lineChart`: x = `firstX`, `firstX + 1`, … for each value; values that are not
 * finite (NaN, a validation loss in the final all-data epochs) are left out.
 *
 * @example
 * ```ts
 * import { linePoints } from "./chart_points.ts";
 * linePoints([0.5, NaN, 0.25]); // [{ x: 1, y: 0.5 }, { x: 3, y: 0.25 }]
 * ```
 */
export function linePoints(values: ArrayLike<number>, firstX = 1): LinePoint[] {
  const points: LinePoint[] = [];
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) points.push({ x: firstX + i, y: values[i] });
  }
  return points;
}

/** Days for `inventoryChart` from a product's plan (the report's own adapter). */
export { inventoryDays } from "../report/inventory_days.ts";
