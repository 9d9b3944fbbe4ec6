/**
 * The planning run shared by `plan` and `report`, built on one planning backtest that serves
 * everything (`planning/layout.ts`): a rolling-origin backtest every R days over the replay span,
 * its warm-up and half a year of error samples before it, every candidate scored at every origin.
 * It gives `auto`'s final choice, the error distributions, the honest replay of the policies
 * (each review's model chosen on windows that had ended), backtest.csv and the metrics. Then:
 * forecast, plan every product, raise alerts, and optionally simulate.
 * @module
 */

import { type SeriesSet, spanOf } from "../data/series.ts";
import type { Calendar } from "../data/calendar.ts";
import { isOpen } from "../data/calendar.ts";
import { type DatasetForecast, resultOf } from "../forecast/dataset/results.ts";
import { forecastDataset } from "../forecast/dataset/forecast.ts";
import type { DatasetScope, PipelineHooks } from "../forecast/dataset/scope.ts";
import { finalDecisions, planInventory, type Plans, type StockPosition } from "./plan.ts";
import type { PolicySettings } from "./policies/types.ts";
import type { OrderConstraint } from "./policies/constraints.ts";
import { type PolicyName, policyNamed } from "./policies/registry.ts";
import type { Alert, AlertThresholds } from "./alerts/types.ts";
import { raiseAlerts } from "./alerts/raise.ts";
import { planningBacktest, type PlanningLayout, planningLayout } from "./planning/layout.ts";
import { type ProductErrors, productErrors } from "./planning/error_table.ts";
import type { DecisionSettings } from "./planning/decisions.ts";
import { simulatePolicies, type SimulationResult } from "./simulation/simulate.ts";
import { type OrderLine, regularDemand } from "./large_orders/lines.ts";
import { largeOrderEffects } from "./large_orders/effect.ts";
import { publishForecast, publishPlans } from "./publish.ts";

/** What a planning run does (the scope — seed, store, calendar, pool — comes beside it). */
export interface PlanningOptions {
  /** Days of forecast to show and plan over. */
  horizon: number;
  /** Candidate models of `auto`. */
  candidates: readonly string[];
  policy: PolicyName;
  settings: PolicySettings;
  thresholds: AlertThresholds;
  positions?: Map<string, StockPosition>;
  /** Case packs, minimum orders and lead times per product. */
  constraints?: Map<string, OrderConstraint>;
  /** Order lines of the data (`FILE.orders.csv`), by product. */
  orderLines?: Map<string, OrderLine[]>;
  /** Serve order lines above this many units from outside stock. */
  largeOrderUnits?: number;
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
  /** Why there is no simulation when one was asked for. */
  noSimulation?: string;
}

/**
 * The layout of a run: its data span, R and the longest lead time (of the settings and the order
 * constraints, or `maxLeadTime` when known, as `merge` knows it from the backtest's horizon).
 */
export function layoutOf(
  all: SeriesSet,
  settings: PolicySettings,
  constraints?: ReadonlyMap<string, OrderConstraint>,
  maxLeadTime?: number,
): PlanningLayout {
  const { first, last } = spanOf(all);
  const leads = [...(constraints?.values() ?? [])].map((c) => c.leadTime ?? settings.leadTime);
  return planningLayout(first, last, {
    reviewPeriod: settings.reviewPeriod,
    maxLeadTime: maxLeadTime ?? Math.max(settings.leadTime, ...leads),
  });
}

/** The per-product error tables and the decisions' settings of a forecast. */
export function planningTables(
  set: SeriesSet,
  forecast: DatasetForecast,
  settings: PolicySettings,
  calendar: Calendar | undefined,
  constraints?: ReadonlyMap<string, OrderConstraint>,
): { tables: ProductErrors[]; decisions: DecisionSettings } {
  const tables = set.products.map((product) =>
    productErrors(
      forecast,
      product,
      constraints?.get(product.id)?.leadTime ?? settings.leadTime,
      settings.reviewPeriod,
    )
  );
  return {
    tables,
    decisions: {
      reviewPeriod: settings.reviewPeriod,
      restockRate: settings.restockRate,
      ...(calendar ? { isOpen: (day: number) => isOpen(calendar, day) } : {}),
    },
  };
}

/** Forecasts, plans, raises alerts and (optionally) simulates. */
export async function runPlanning(
  input: SeriesSet,
  options: PlanningOptions & DatasetScope,
  hooks: PipelineHooks = {},
): Promise<PlanningResult> {
  const { set, large, layout, forecast } = await planningForecast(input, options, hooks);
  publishForecast(forecast);
  return planFromForecast(set, forecast, layout, { ...options, largeOrders: large }, hooks);
}

/**
 * Trains (or loads) and saves the networks of the global candidates exactly as a planning run on
 * `input` trains them — at the planning backtest's cutoffs and on the whole history, on every
 * product — and nothing else: the first job of a sharded run, whose shards then load them.
 * Returns the global models trained (none when no product has the history they need).
 */
export async function trainPlanningNetworks(
  input: SeriesSet,
  options: PlanningOptions & DatasetScope,
  hooks: PipelineHooks = {},
): Promise<readonly string[]> {
  const { forecast } = await planningForecast(input, { ...options, networksOnly: true }, hooks);
  return forecast.trained ?? [];
}

/** The shelf's demand, the run's layout and its forecast with the planning backtest. */
async function planningForecast(
  input: SeriesSet,
  options: PlanningOptions & DatasetScope,
  hooks: PipelineHooks,
) {
  const { set, poolSet, large } = shelfDemand(input, options.poolSet ?? input, options);
  const layout = layoutOf(poolSet, options.settings, options.constraints);
  const forecast = await forecastDataset(set, {
    ...options,
    poolSet,
    horizon: Math.max(options.horizon, layout.horizon),
    model: "auto",
    backtest: { plan: planningBacktest(layout), salesForReturns: "honest" },
  }, hooks);
  return { set, large, layout, forecast };
}

/**
 * The demand the shelf serves: all of it, or — with `--large-order-units` and order lines —
 * without the large lines (served from outside stock; their units per day come back as `large`).
 */
export function shelfDemand(
  set: SeriesSet,
  poolSet: SeriesSet,
  options: Pick<PlanningOptions, "orderLines" | "largeOrderUnits">,
): { set: SeriesSet; poolSet: SeriesSet; large?: Map<string, Float64Array> } {
  if (options.largeOrderUnits === undefined || !options.orderLines) return { set, poolSet };
  const shelf = regularDemand(set, options.orderLines, options.largeOrderUnits);
  return {
    set: shelf.set,
    poolSet: poolSet === set
      ? shelf.set
      : regularDemand(poolSet, options.orderLines, options.largeOrderUnits).set,
    large: shelf.large,
  };
}

/**
 * Everything after forecasting, from a (published) forecast with its planning backtest: plans,
 * large-order effects, alerts and the simulation. `merge` runs it again on the merged files.
 */
export function planFromForecast(
  set: SeriesSet,
  forecast: DatasetForecast,
  layout: PlanningLayout,
  options: Omit<PlanningOptions, "horizon" | "candidates"> & {
    horizon: number;
    calendar?: Calendar;
    largeOrders?: Map<string, Float64Array>;
  },
  hooks: PipelineHooks = {},
): PlanningResult {
  const { settings, constraints } = options;
  hooks.stage?.("plan inventory and raise alerts", 0, 0);
  const { tables, decisions } = planningTables(
    set,
    forecast,
    settings,
    options.calendar,
    constraints,
  );
  const planInputs = {
    set,
    forecast,
    tables,
    settings,
    decisions,
    policy: options.policy,
    days: options.horizon,
    positions: options.positions,
    constraints,
  };
  const final = finalDecisions(planInputs);
  const plans = planInventory(planInputs, final);
  if (options.orderLines) {
    const effects = largeOrderEffects({
      tables,
      day: spanOf(set).last + 1,
      decisions: final,
      forecastOf: (i) => ({
        sales: resultOf(forecast, tables[i].product.id, "sales").forecast.mean,
        returns: resultOf(forecast, tables[i].product.id, "returns").forecast.mean,
      }),
      decisionSettings: decisions,
      settings,
      policy: policyNamed(options.policy),
      lines: options.orderLines,
      servedOutside: options.largeOrderUnits,
      positions: options.positions,
    });
    for (const [id, effect] of effects) plans.get(id)!.large = effect;
  }
  publishPlans(plans.values());
  const alerts = raiseAlerts({
    set,
    forecast,
    plans: plans.values(),
    thresholds: options.thresholds,
    droppedMegaOrders: options.droppedMegaOrders,
    calendar: options.calendar,
  });
  if (!options.simulate) return { forecast, plans, alerts };
  if (!layout.replay) return { forecast, plans, alerts, noSimulation: layout.noReplay };
  hooks.stage?.(`simulate the policies over ${layout.replay.weeks} weeks`, 0, 0);
  const { result } = simulatePolicies({
    tables,
    span: layout.replay,
    settings,
    decisions,
    constraints,
    largeOrders: options.largeOrders,
    largeOrderUnits: options.largeOrderUnits,
  });
  return { forecast, plans, alerts, simulation: result };
}
