/**
 * Rounds a planning run to the precision its files are written with (3 decimals for forecasts and
 * backtests, 1 for stock levels), before anything is derived from it. What is published is then
 * exactly what the simulation, the alerts and the report used — so outputs merged from shards, or
 * a report rendered from the files, reproduce the numbers of a single run.
 * @module
 */

import type { Forecast } from "../forecast/types.ts";
import type { DatasetForecast } from "../forecast/pipeline.ts";
import type { ProductPlan } from "./plan.ts";

/** Rounds to `digits` decimals. */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function roundArray(values: Float64Array, digits: number): void {
  for (let i = 0; i < values.length; i++) values[i] = roundTo(values[i], digits);
}

function roundForecast(forecast: Forecast): void {
  for (
    const values of [forecast.mean, forecast.lo80, forecast.hi80, forecast.lo95, forecast.hi95]
  ) {
    roundArray(values, 3);
  }
}

/** Rounds forecasts and backtest windows in place (3 decimals). */
export function publishForecast(forecast: DatasetForecast): void {
  for (const table of forecast.tables) roundForecast(table.forecast);
  for (const series of forecast.backtest?.series ?? []) {
    for (const window of series.windows) {
      roundForecast(window.forecast);
      roundArray(window.actual, 3);
    }
  }
}

/** Rounds stock levels (1 decimal) and the daily plan in place. */
export function publishPlans(plans: ProductPlan[]): void {
  for (const plan of plans) {
    for (const levels of [plan.levels, ...Object.values(plan.byPolicy ?? {})]) {
      levels.expectedNetDemand = roundTo(levels.expectedNetDemand, 1);
      levels.safetyStock = roundTo(levels.safetyStock, 1);
      levels.reorderPoint = roundTo(levels.reorderPoint, 1);
      levels.orderUpTo = roundTo(levels.orderUpTo, 1);
    }
    plan.sigma = roundTo(plan.sigma, 1);
    plan.z = roundTo(plan.z, 3);
    roundArray(plan.daily.sales, 3);
    roundArray(plan.daily.returns, 3);
    roundArray(plan.daily.recommended, 1);
  }
}
