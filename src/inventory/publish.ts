/**
 * Rounds a planning run to the precision its files are written with (`util/round.ts`: units per
 * day for forecasts and backtests, stock for levels), before anything is derived from it. What is
 * published is then exactly what the simulation, the alerts and the report used — so outputs
 * merged from shards, or a report rendered from the files, reproduce the numbers of a single run.
 * @module
 */

import type { Forecast } from "../forecast/types.ts";
import type { DatasetForecast } from "../forecast/dataset/results.ts";
import type { ProductPlan } from "./plan.ts";
import { DIGITS, roundArray, roundTo } from "../util/round.ts";
import { updateWindowNumbers } from "../forecast/backtest/window.ts";

function roundForecast(forecast: Forecast): void {
  for (
    const values of [forecast.mean, forecast.lo80, forecast.hi80, forecast.lo95, forecast.hi95]
  ) {
    roundArray(values, DIGITS.units);
  }
}

/** Rounds forecasts and backtest windows in place. */
export function publishForecast(forecast: DatasetForecast): void {
  for (const result of forecast.results.values()) {
    roundForecast(result.forecast);
    for (const windows of result.backtests.values()) {
      updateWindowNumbers(windows, (numbers) => roundArray(numbers, DIGITS.units));
    }
  }
}

/** Rounds stock levels and the daily plan in place. */
export function publishPlans(plans: Iterable<ProductPlan>): void {
  for (const plan of plans) {
    for (const levels of [plan.levels, ...Object.values(plan.byPolicy ?? {})]) {
      levels.expectedNetDemand = roundTo(levels.expectedNetDemand, DIGITS.stock);
      levels.safetyStock = roundTo(levels.safetyStock, DIGITS.stock);
      levels.reorderPoint = roundTo(levels.reorderPoint, DIGITS.stock);
      levels.orderUpTo = roundTo(levels.orderUpTo, DIGITS.stock);
    }
    plan.basis.sigma = roundTo(plan.basis.sigma, DIGITS.stock);
    plan.basis.poolWeight = roundTo(plan.basis.poolWeight, DIGITS.rate);
    if (plan.large) {
      plan.large.unitsPerYear = roundTo(plan.large.unitsPerYear, DIGITS.stock);
      plan.large.safetyStock = roundTo(plan.large.safetyStock, DIGITS.stock);
      plan.large.holdingPerYear = roundTo(plan.large.holdingPerYear, DIGITS.amount);
    }
    roundArray(plan.daily.sales, DIGITS.units);
    roundArray(plan.daily.returns, DIGITS.units);
    roundArray(plan.daily.recommended, DIGITS.stock);
  }
}
