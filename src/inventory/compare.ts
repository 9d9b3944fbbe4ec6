/**
 * `plan --simulate`: every policy replayed over the backtest windows' actual days, each window
 * stocked from the forecast made at its cutoff. σ for a window comes from the *other* windows'
 * errors, so no policy sees the days it is judged on. `multiplier-matched` is the multiplier
 * policy with the one factor that reaches the service-level policy's overall fill rate, so the
 * stock each needs for the same service can be read side by side.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import type { DatasetForecast } from "../forecast/pipeline.ts";
import { multiplierStock, type PolicySettings, serviceLevelStock } from "./policy.ts";
import { type ErrorScale, netSigmas, type NetWindow } from "./sigma.ts";
import { productNetWindows } from "./plan.ts";
import {
  addTally,
  emptyTally,
  replay,
  simulationFigures,
  type SimulationTally,
} from "./simulate.ts";

/** Costs used to judge the policies. */
export interface Costs {
  /** Per unit on hand per day. */
  holding: number;
  /** Per unit of unmet demand. */
  shortage: number;
}

/** Default costs: a unit short costs 20 days of holding it (critical ratio ≈ 0.95). */
export const COST_DEFAULTS: Costs = { holding: 0.05, shortage: 1 };

/** Figures of one policy (as in `simulation.json`). */
export type PolicyFigures = ReturnType<typeof simulationFigures> & { factor?: number };

/** What `simulation.json` holds. */
export interface SimulationResult {
  parameters: Record<string, unknown>;
  policies: Record<string, PolicyFigures>;
  products: Record<string, Record<string, PolicyFigures>>;
}

interface Replayable {
  productId: string;
  window: NetWindow;
  sigma: ErrorScale;
}

/** The windows of every product with their leave-one-out σ. */
function replayables(
  set: SeriesSet,
  forecast: DatasetForecast,
  settings: PolicySettings,
): Replayable[] {
  const cycle = settings.leadTime + settings.reviewPeriod;
  return set.products.flatMap((product) => {
    const windows = productNetWindows(forecast, product.id);
    return windows.map((window) => {
      const others = windows.filter((w) => w !== window);
      const history = {
        sales: product.sales.subarray(0, window.cutoff - product.start + 1),
        returns: product.returns.subarray(0, window.cutoff - product.start + 1),
      };
      const sigma = netSigmas(others, settings.restockRate, settings.leadTime, cycle, history);
      return { productId: product.id, window, sigma };
    });
  });
}

type Levels = (item: Replayable, day: number) => number;

/** Largest multiplier tried when matching the service-level policy's fill rate. */
export const MAX_FACTOR = 100;

function run(items: Replayable[], levels: Levels, settings: PolicySettings, costs: Costs) {
  const byProduct = new Map<string, SimulationTally>();
  const total = emptyTally();
  for (const item of items) {
    const tally = replay({
      sales: item.window.sales.actual,
      returns: item.window.returns.actual,
      orderUpTo: (day) => levels(item, day),
      leadTime: settings.leadTime,
      reviewPeriod: settings.reviewPeriod,
      restockRate: settings.restockRate,
      holdingCost: costs.holding,
      shortageCost: costs.shortage,
    });
    addTally(total, tally);
    addTally(
      byProduct.get(item.productId) ??
        byProduct.set(item.productId, emptyTally()).get(item.productId)!,
      tally,
    );
  }
  return { total, byProduct };
}

const fill = (tally: SimulationTally) => (tally.demand > 0 ? tally.served / tally.demand : 1);

/** Simulates the service-level, multiplier and multiplier-matched policies. */
export function simulatePolicies(
  set: SeriesSet,
  forecast: DatasetForecast,
  settings: PolicySettings,
  costs: Costs,
): SimulationResult {
  const items = replayables(set, forecast, settings);
  const serviceLevel: Levels = (item, day) =>
    serviceLevelStock(
      item.window.sales.forecast.mean,
      item.window.returns.forecast.mean,
      item.sigma,
      settings,
      day,
    )
      .orderUpTo;
  const multiplier = (factor: number): Levels => (item, day) =>
    multiplierStock(
      item.window.sales.forecast.mean,
      item.window.returns.forecast.mean,
      settings,
      factor,
      day,
    )
      .orderUpTo;

  const runs: Record<string, ReturnType<typeof run> & { factor?: number }> = {
    "service-level": run(items, serviceLevel, settings, costs),
    "multiplier": {
      ...run(items, multiplier(settings.safetyFactor), settings, costs),
      factor: settings.safetyFactor,
    },
  };
  // Bisection on log(factor) over 0.5 … 100: lumpy demand can need a very large multiplier.
  const target = fill(runs["service-level"].total);
  let low = Math.log(0.5);
  let high = Math.log(MAX_FACTOR);
  for (let i = 0; i < 40; i++) {
    const middle = (low + high) / 2;
    if (fill(run(items, multiplier(Math.exp(middle)), settings, costs).total) < target) {
      low = middle;
    } else high = middle;
  }
  high = Math.exp(high);
  runs["multiplier-matched"] = {
    ...run(items, multiplier(high), settings, costs),
    factor: Math.round(high * 1000) / 1000,
  };

  const policies: Record<string, PolicyFigures> = {};
  const products: Record<string, Record<string, PolicyFigures>> = {};
  for (const [name, result] of Object.entries(runs)) {
    policies[name] = {
      ...simulationFigures(result.total),
      ...(result.factor ? { factor: result.factor } : {}),
    };
    for (const [id, tally] of result.byProduct) {
      (products[id] ??= {})[name] = simulationFigures(tally);
    }
  }
  return {
    parameters: {
      lead_time: settings.leadTime,
      review_period: settings.reviewPeriod,
      restock_rate: settings.restockRate,
      service_level: settings.serviceLevel,
      safety_factor: settings.safetyFactor,
      holding_cost: costs.holding,
      shortage_cost: costs.shortage,
      windows: forecast.backtest?.plan.cutoffs.length ?? 0,
      days_per_window: forecast.backtest?.plan.horizon ?? 0,
    },
    policies,
    products,
  };
}
