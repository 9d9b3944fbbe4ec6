/**
 * The planning run shared by `plan` and `report`: forecast with `auto` (its backtest gives σ),
 * plan every product, raise alerts, and optionally simulate the policies.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import type { DatasetForecast } from "../forecast/dataset/results.ts";
import { forecastDataset } from "../forecast/dataset/forecast.ts";
import type { DatasetScope, PipelineHooks } from "../forecast/dataset/scope.ts";
import { planInventory, type Plans, type StockPosition } from "./plan.ts";
import type { Costs, PolicySettings } from "./policies/types.ts";
import type { PolicyName } from "./policies/registry.ts";
import type { Alert, AlertThresholds } from "./alerts/types.ts";
import { raiseAlerts } from "./alerts/raise.ts";
import { simulatePolicies, type SimulationResult } from "./compare.ts";
import { publishForecast, publishPlans } from "./publish.ts";

/** What a planning run does (the scope — seed, store, calendar, pool — comes beside it). */
export interface PlanningOptions {
  /** Days of forecast to show and plan over. */
  horizon: number;
  /** Candidate models of `auto`. */
  candidates: readonly string[];
  /** Backtest windows, step and refits behind `auto` and σ. */
  backtest: { windows: number; step: number; refitEvery: number };
  policy: PolicyName;
  settings: PolicySettings;
  thresholds: AlertThresholds;
  costs: Costs;
  positions?: Map<string, StockPosition>;
  simulate: boolean;
  droppedMegaOrders?: Map<string, number>;
}

/** Everything a planning run produced. */
export interface PlanningResult {
  forecast: DatasetForecast;
  /** By product id, in product order. */
  plans: Plans;
  alerts: Alert[];
  simulation?: SimulationResult;
}

/** Forecasts, plans, raises alerts and (optionally) simulates. */
export async function runPlanning(
  set: SeriesSet,
  options: PlanningOptions & DatasetScope,
  hooks: PipelineHooks = {},
): Promise<PlanningResult> {
  const cycle = options.settings.leadTime + options.settings.reviewPeriod;
  const forecast = await forecastDataset(set, {
    ...options,
    horizon: Math.max(options.horizon, cycle),
    model: "auto",
  }, hooks);
  publishForecast(forecast);
  hooks.stage?.("plan inventory and raise alerts", 0, 0);
  const plans = planInventory(
    set,
    forecast,
    options.settings,
    options.policy,
    options.horizon,
    options.positions,
  );
  publishPlans(plans.values());
  const alerts = raiseAlerts({
    set,
    forecast,
    plans: plans.values(),
    thresholds: options.thresholds,
    droppedMegaOrders: options.droppedMegaOrders,
    calendar: options.calendar,
  });
  let simulation: SimulationResult | undefined;
  if (options.simulate) {
    hooks.stage?.("simulate the policies over the backtest windows", 0, 0);
    simulation = simulatePolicies(set, forecast, options.settings, options.costs);
  }
  return { forecast, plans, alerts, simulation };
}
