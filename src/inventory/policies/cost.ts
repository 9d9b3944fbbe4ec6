/**
 * `cost`: the stock that minimises the expected holding + lost-sales cost of the cycle an order
 * serves, under the empirical distribution of the forecast's own errors, holding counted day by
 * day inside the cycle (demand spread evenly over its R days, end-of-day stock held). One more
 * unit on the shelf when the order arrives costs h for every day it is still there and saves p
 * when the cycle's demand exceeds the stock:
 *
 *     p · P(D_R > A) = h · Σⱼ₌₁..R P((j/R) · D_R < A)
 *
 * which puts the optimal chance of covering the cycle between 1 − h·R/p and the textbook
 * p / (p + h·R) of `fractile.ts`. With order constraints the cheapest feasible quantity is
 * ordered (nothing, the feasible quantity below the optimum or the one above, by expected cost).
 * Pure and browser-safe.
 * @module
 */

import type { ErrorDistribution } from "../errors/empirical.ts";
import { feasibleAround, type OrderConstraint } from "./constraints.ts";
import { cycleNeeds, levelsOf, orderLevels } from "./levels.ts";
import type { Costs, Policy, ProtectionForecast, StockLevels } from "./types.ts";

/** Days j of 1…R with (j/R) · demand < available: the days a unit available is still held. */
function heldDays(available: number, demand: number, reviewPeriod: number): number {
  if (demand <= 0) return available > 0 ? reviewPeriod : 0;
  return Math.min(reviewPeriod, Math.max(0, Math.ceil((available * reviewPeriod) / demand) - 1));
}

/**
 * d(expected cycle cost)/dA when `available` units are ordered at a known position, per sample:
 * Σ wᵢ [h · #{j ≤ R : Aᵢ > (j/R)·D_R,ᵢ} − p · 1{needᵢ > available}], Aᵢ = available + carryᵢ.
 *
 * @example
 * ```ts
 * import { costMarginal } from "./cost.ts";
 * // One sample: need 7, cycle demand 7 (nothing carried), R = 7. At 3.5 units the unit is held on
 * // days 1–3 (3 · 0.05) and saves a lost sale (1): 0.15 − 1.
 * costMarginal(Float64Array.of(7), Float64Array.of(7), Float64Array.of(1), 3.5, { holding: 0.05, shortage: 1 }, 7);
 * // -0.85
 * ```
 */
export function costMarginal(
  need: Float64Array,
  cycleDemand: Float64Array,
  weight: Float64Array,
  available: number,
  costs: Costs,
  reviewPeriod: number,
): number {
  let total = 0;
  for (let i = 0; i < need.length; i++) {
    const a = available + (cycleDemand[i] - need[i]);
    const days = heldDays(a, cycleDemand[i], reviewPeriod);
    total += weight[i] * (costs.holding * days - (need[i] > available ? costs.shortage : 0));
  }
  return total;
}

/**
 * Expected holding + lost-sales cost of the cycle when `available` units are ordered:
 * Σ wᵢ [h · Σⱼ (Aᵢ − (j/R)·D_R,ᵢ)⁺ + p · (D_R,ᵢ − Aᵢ)⁺].
 */
export function expectedCycleCost(
  need: Float64Array,
  cycleDemand: Float64Array,
  weight: Float64Array,
  available: number,
  costs: Costs,
  reviewPeriod: number,
): number {
  let total = 0;
  for (let i = 0; i < need.length; i++) {
    const a = available + (cycleDemand[i] - need[i]);
    let held = 0;
    for (let j = 1; j <= reviewPeriod; j++) {
      held += Math.max(0, a - (j / reviewPeriod) * cycleDemand[i]);
    }
    total += weight[i] * (costs.holding * held + costs.shortage * Math.max(0, cycleDemand[i] - a));
  }
  return total;
}

/** The smallest x in [0, high] where a non-decreasing `marginal` reaches 0 (bisection). */
function root(marginal: (x: number) => number, high: number): number {
  let low = 0;
  if (marginal(low) >= 0) return 0;
  for (let i = 0; i < 60 && high - low > 1e-6 * Math.max(1, high); i++) {
    const middle = (low + high) / 2;
    if (marginal(middle) < 0) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * Cost levels. With a position: the order Q solving the marginal condition (with `constraint`,
 * the cheapest feasible quantity next to it). Without: the level S where the same condition holds
 * for the whole protection period (any unit short over L + R counts, held on the cycle's days
 * while stock remains after the lead time's demand).
 *
 * @example
 * ```ts
 * import { costLevels } from "./cost.ts";
 * import { errorDistribution } from "../errors/empirical.ts";
 * const errors = errorDistribution([{ cycle: 0, lead: 0 }]);
 * const f = { cycleNet: 14, leadNet: 7, cycleSales: 7, original: 14, originalLead: 7 };
 * // An exact forecast: order up to the 14 days' demand; a unit above it would only be held.
 * Math.round(costLevels(f, errors, { holding: 0.05, shortage: 1 }, 7).orderUpTo); // 14
 * ```
 */
export function costLevels(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  costs: Costs,
  reviewPeriod: number,
  position?: number,
  constraint?: OrderConstraint,
): StockLevels {
  const review = forecast.cycleNet - forecast.leadNet;
  const n = errors.cycle.length;
  const cycleDemand = Float64Array.from(
    { length: n },
    (_, i) => review + errors.cycle[i] - errors.lead[i],
  );
  let high = 1;
  for (let i = 0; i < n; i++) {
    high = Math.max(
      high,
      1 + Math.abs(cycleDemand[i]) + Math.abs(forecast.leadNet + errors.lead[i]),
    );
  }
  if (position !== undefined) {
    const need = cycleNeeds(forecast, errors, position);
    let best = root(
      (q) => costMarginal(need, cycleDemand, errors.weight, q, costs, reviewPeriod),
      high,
    );
    if (constraint && best > 0) {
      const cost = (q: number) =>
        expectedCycleCost(need, cycleDemand, errors.weight, q, costs, reviewPeriod);
      best = feasibleAround(best, constraint).reduce((a, b) => (cost(b) < cost(a) - 1e-12 ? b : a));
    }
    return orderLevels(forecast, errors, position, best);
  }
  const level = root((s) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const lead = forecast.leadNet + errors.lead[i];
      const days = heldDays(s - lead, cycleDemand[i], reviewPeriod);
      const short = lead + cycleDemand[i] > s ? costs.shortage : 0;
      total += errors.weight[i] * (costs.holding * days - short);
    }
    return total;
  }, high);
  return levelsOf(forecast, errors, level - forecast.cycleNet);
}

/** The cost policy. */
export const costPolicy: Policy = {
  id: "cost",
  summary: "least expected holding + lost-sales cost",
  label: "least cost",
  chart: "cycle",
  levels: (inputs, settings) =>
    costLevels(
      inputs.forecast,
      inputs.errors,
      settings.costs,
      settings.reviewPeriod,
      inputs.position,
      inputs.constraint,
    ),
  describe: (s) =>
    `least cost (holding ${s.costs.holding} per unit-day, lost sale ${s.costs.shortage} per unit)`,
  caption: (s, cycle) =>
    `Recommended inventory = the level to order up to on each day: forecast net demand (sales − ${s.restockRate} × returns) over the next ${cycle} days plus the safety stock at which one more unit would cost as much holding as the lost sales it saves. Sales and returns are drawn as totals over those ${cycle} days.`,
};
