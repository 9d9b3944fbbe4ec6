/**
 * `fill-rate` (β, the default): the share of demand served from stock, as retail planners mean
 * it. The order is the smallest whose expected units lost in the cycle it serves are at most
 * (1 − β) × the cycle's expected demand, under the empirical distribution of the forecast's own
 * errors (the loss function E[(need − Q)⁺], lost sales). Pure and browser-safe.
 * @module
 */

import type { ErrorDistribution } from "../errors/empirical.ts";
import {
  cycleNeeds,
  expectedCycleDemand,
  levelsOf,
  orderLevels,
  orderSafety,
  orderUpToOf,
  solveLoss,
} from "./levels.ts";
import type { Policy, ProtectionForecast, StockLevels } from "./types.ts";

/**
 * Expected units short in a cycle with safety stock q (S = F + q) when the stock position is not
 * known (a first stocking, a plan without stock data) — the periodic-review loss: what is short by
 * the end of the protection period minus what was already short before the order arrived,
 * Σ wᵢ [(cᵢ − q)⁺ − (lᵢ − F_R − q)⁺] with F_R = F − F_L.
 *
 * @example
 * ```ts
 * import { expectedShortage } from "./fill_rate.ts";
 * import { errorDistribution } from "../errors/empirical.ts";
 * const errors = errorDistribution([{ cycle: 10, lead: 8 }, { cycle: -10, lead: -4 }]);
 * const f = { cycleNet: 100, leadNet: 50, cycleSales: 50, original: 100, originalLead: 50 };
 * expectedShortage(f, errors, 0); // ½·10 = 5
 * expectedShortage(f, errors, -45); // ½·(55 − 3) + ½·(35 − 0) = 43.5
 * ```
 */
export function expectedShortage(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  q: number,
): number {
  const review = forecast.cycleNet - forecast.leadNet;
  let total = 0;
  for (let i = 0; i < errors.cycle.length; i++) {
    const short = Math.max(0, errors.cycle[i] - q) - Math.max(0, errors.lead[i] - review - q);
    total += errors.weight[i] * short;
  }
  return total;
}

/**
 * Expected units lost in the cycle when Q units are ordered at a known stock position:
 * Σ wᵢ (needᵢ − Q)⁺ (see `levels.ts` for needᵢ).
 *
 * @example
 * ```ts
 * import { lostSalesShortage } from "./fill_rate.ts";
 * import { errorDistribution } from "../errors/empirical.ts";
 * const errors = errorDistribution([{ cycle: 20, lead: 10 }, { cycle: 0, lead: 0 }]);
 * const f = { cycleNet: 100, leadNet: 50, cycleSales: 50, original: 100, originalLead: 50 };
 * // Position 40: nothing is left when the order arrives; D_R is 60 or 50: short 10 or 0 with Q = 50.
 * lostSalesShortage(f, errors, 40, 50); // 5
 * ```
 */
export function lostSalesShortage(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  position: number,
  quantity: number,
): number {
  const need = cycleNeeds(forecast, errors, position);
  let total = 0;
  for (let i = 0; i < need.length; i++) {
    total += errors.weight[i] * Math.max(0, need[i] - quantity);
  }
  return total;
}

/**
 * Fill-rate levels: with a position, the smallest order whose expected units lost are at most
 * (1 − β) × the cycle's expected demand (solved exactly); without, the smallest safety stock whose
 * periodic-review shortage is within the same allowance. S is never below 0.
 *
 * @example
 * ```ts
 * import { fillRateLevels } from "./fill_rate.ts";
 * import { errorDistribution } from "../errors/empirical.ts";
 * const errors = errorDistribution([-20, -10, 0, 10, 20].map((cycle) => ({ cycle })));
 * const f = { cycleNet: 100, leadNet: 50, cycleSales: 50, original: 100, originalLead: 50 };
 * // Allowed: 5 % of 50 = 2.5 units short; between 10 and 20 the loss is ⅕·(10 − q + 20 − q).
 * Math.round(fillRateLevels(f, errors, 0.95).safetyStock * 100) / 100; // 8.75
 * ```
 */
export function fillRateLevels(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  target: number,
  position?: number,
): StockLevels & { expectedShortage: number } {
  const solved = fillRateSolution(forecast, errors, target, position);
  if (position !== undefined) {
    return {
      ...orderLevels(forecast, errors, position, solved),
      expectedShortage: lostSalesShortage(forecast, errors, position, solved),
    };
  }
  return {
    ...levelsOf(forecast, errors, solved),
    expectedShortage: expectedShortage(forecast, errors, solved),
  };
}

/**
 * The order-up-to level of {@link fillRateLevels} alone (the same number), without the reorder
 * point and the expected shortage that the replay does not read.
 */
export function fillRateOrderUpTo(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  target: number,
  position?: number,
): number {
  const solved = fillRateSolution(forecast, errors, target, position);
  return orderUpToOf(
    forecast,
    position !== undefined ? orderSafety(forecast, position, solved) : solved,
  );
}

/**
 * The fill-rate rule solved: with a position, the order Q; without, the safety stock q (by
 * bisection on the periodic-review shortage).
 */
function fillRateSolution(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  target: number,
  position?: number,
): number {
  if (!(target > 0 && target < 1)) {
    throw new RangeError(`Cannot plan for a fill rate: target must be in (0, 1), got ${target}`);
  }
  const allowed = (1 - target) * expectedCycleDemand(forecast, errors);
  if (position !== undefined) {
    const need = cycleNeeds(forecast, errors, position);
    return solveLoss(need, errors.weight, allowed);
  }
  const shortage = (q: number) => expectedShortage(forecast, errors, q);
  let low = -Math.max(0, forecast.cycleNet); // S = 0
  let high = Math.max(low, errors.cycle[errors.cycle.length - 1]); // no error exceeds it
  if (shortage(low) <= allowed) high = low;
  else {
    for (let i = 0; i < 100 && high - low > 1e-6 * Math.max(1, high - low); i++) {
      const middle = (low + high) / 2;
      if (shortage(middle) > allowed) low = middle;
      else high = middle;
    }
  }
  return high;
}

/** The fill-rate policy. */
export const fillRatePolicy: Policy = {
  id: "fill-rate",
  summary: "share of demand served from stock, β",
  label: "fill rate (β)",
  target: "fillRate",
  chart: "cycle",
  levels: (inputs, settings, tuned) =>
    fillRateLevels(inputs.forecast, inputs.errors, tuned ?? settings.fillRate, inputs.position),
  orderUpTo: (inputs, settings, tuned) =>
    fillRateOrderUpTo(inputs.forecast, inputs.errors, tuned ?? settings.fillRate, inputs.position),
  describe: (s) =>
    `fill rate ${(s.fillRate * 100).toFixed(1)} % (share of demand served from stock)`,
  caption: (s, cycle) =>
    `Recommended inventory = the level to order up to on each day: forecast net demand (sales − ${s.restockRate} × returns) over the next ${cycle} days (lead time + review period) plus the safety stock that keeps expected lost sales within ${
      ((1 - s.fillRate) * 100).toFixed(1)
    } % of demand, from the forecast's own errors. Sales and returns are drawn as totals over those ${cycle} days.`,
};
