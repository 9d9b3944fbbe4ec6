/**
 * The planning run shared by `plan` and `report`: forecast with `auto` (its backtest gives σ),
 * plan every product, raise alerts, and optionally simulate the policies.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { type DatasetForecast, forecastDataset, type PipelineHooks } from "../forecast/pipeline.ts";
import type { StoreOptions } from "../forecast/jobs.ts";
import { planInventory, type ProductPlan, type StockPosition } from "./plan.ts";
import type { PolicyName, PolicySettings } from "./policy.ts";
import { type Alert, type AlertThresholds, raiseAlerts } from "./alerts.ts";
import { type Costs, simulatePolicies, type SimulationResult } from "./compare.ts";
import type { Calendar } from "../data/calendar.ts";
import { publishForecast, publishPlans } from "./publish.ts";

/**
 * The backtest behind planning: 12 weekly cutoffs. Many overlapping windows give σ and the
 * policy simulation far more days than 4 monthly ones, for little cost (models fit once).
 */
export const PLANNING_BACKTEST = { windows: 12, step: 7 };

/** Options of {@link runPlanning}. */
export interface PlanningOptions {
  /** Days of forecast to show and plan over. */
  horizon: number;
  /** Candidate models of `auto`. */
  candidates: readonly string[];
  /** Backtest windows and step behind `auto` and σ. */
  backtest: { windows: number; step: number };
  seed: number;
  store?: StoreOptions;
  policy: PolicyName;
  settings: PolicySettings;
  thresholds: AlertThresholds;
  costs: Costs;
  positions?: Map<string, StockPosition>;
  simulate: boolean;
  droppedMegaOrders?: Map<string, number>;
  /** Open and closed days. */
  calendar?: Calendar;
  /** Products that dataset-wide figures pool over (all of them when this set is a shard). */
  poolSet?: SeriesSet;
}

/** Everything a planning run produced. */
export interface PlanningResult {
  forecast: DatasetForecast;
  plans: ProductPlan[];
  alerts: Alert[];
  simulation?: SimulationResult;
}

/** Forecasts, plans, raises alerts and (optionally) simulates. */
export async function runPlanning(
  set: SeriesSet,
  options: PlanningOptions,
  hooks: PipelineHooks = {},
): Promise<PlanningResult> {
  const cycle = options.settings.leadTime + options.settings.reviewPeriod;
  const forecast = await forecastDataset(set, {
    horizon: Math.max(options.horizon, cycle),
    model: "auto",
    candidates: options.candidates,
    backtest: { ...options.backtest, refitEvery: 0 },
    seed: options.seed,
    store: options.store,
    calendar: options.calendar,
    poolSet: options.poolSet,
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
  publishPlans(plans);
  const alerts = raiseAlerts({
    set,
    forecast,
    plans,
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
