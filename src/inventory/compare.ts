/**
 * `plan --simulate`: every policy of the registry replayed over the backtest windows' actual days,
 * each window stocked from the forecast made at its cutoff. σ for a window comes from the *other*
 * windows' errors, so no policy sees the days it is judged on. A policy with a tunable parameter
 * (the multiplier's factor) is also run at the value that reaches the default policy's overall
 * fill rate (`<id>-matched`), so the stock each needs for the same service reads side by side.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import type { DatasetForecast } from "../forecast/dataset/results.ts";
import type { Costs, Policy, PolicySettings } from "./policies/types.ts";
import { DEFAULT_POLICY, POLICIES } from "./policies/registry.ts";
import { type ErrorScale, netSigmas, type NetWindow } from "./sigma.ts";
import { productNetWindows } from "./plan.ts";
import {
  addTally,
  emptyTally,
  replay,
  simulationFigures,
  type SimulationTally,
} from "./simulate.ts";
import { DIGITS, roundTo } from "../util/round.ts";

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

/** The order-up-to level a policy sets for a window on a review day (`tuned`: its parameter). */
function levelsOf(policy: Policy, settings: PolicySettings, tuned?: number): Levels {
  return (item, day) =>
    policy.levels(
      {
        sales: item.window.sales.forecast.mean,
        returns: item.window.returns.forecast.mean,
        scale: item.sigma,
      },
      settings,
      day,
      tuned,
    ).orderUpTo;
}

/** Simulates every policy, and every tunable one again at the default policy's fill rate. */
export function simulatePolicies(
  set: SeriesSet,
  forecast: DatasetForecast,
  settings: PolicySettings,
  costs: Costs,
): SimulationResult {
  const items = replayables(set, forecast, settings);
  const runs: Record<string, ReturnType<typeof run> & { factor?: number }> = {};
  for (const policy of POLICIES) {
    runs[policy.id] = {
      ...run(items, levelsOf(policy, settings), settings, costs),
      ...(policy.tuning ? { factor: policy.tuning.value(settings) } : {}),
    };
  }
  const target = fill(runs[DEFAULT_POLICY.id].total);
  for (const policy of POLICIES) {
    const tuning = policy.tuning;
    if (!tuning) continue;
    // Bisection on the logarithm of the parameter: lumpy demand can need a very large one.
    let low = Math.log(tuning.min);
    let high = Math.log(tuning.max);
    for (let i = 0; i < 40; i++) {
      const middle = (low + high) / 2;
      if (
        fill(run(items, levelsOf(policy, settings, Math.exp(middle)), settings, costs).total) <
          target
      ) {
        low = middle;
      } else high = middle;
    }
    const value = Math.exp(high);
    runs[matchedId(policy)] = {
      ...run(items, levelsOf(policy, settings, value), settings, costs),
      factor: roundTo(value, DIGITS.factor),
    };
  }

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

/** The name of a tuned policy's matched run in simulation.json. */
export function matchedId(policy: Policy): string {
  return `${policy.id}-matched`;
}
