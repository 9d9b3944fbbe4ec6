/**
 * Stocking policies as pure functions of forecasts. `service-level` is an order-up-to policy:
 * S = expected net demand over lead time + review period (L + R) + z · σ(L+R), with net demand =
 * sales − ρ · returns and σ from the forecast's own backtest errors. `multiplier` is the original
 * design's rule, (forecast sales − forecast returns) × safety factor, kept for comparison.
 * @module
 */

import { normalQuantile } from "./normal.ts";
import type { ErrorScale } from "./sigma.ts";

/** Settings shared by both policies, normalised. */
export interface PolicySettings {
  /** Days from order to arrival (L). */
  leadTime: number;
  /** Days between orders (R). */
  reviewPeriod: number;
  /** Share of returned units that can be sold again (ρ). */
  restockRate: number;
  /** Target probability of no stockout per cycle (service-level policy). */
  serviceLevel: number;
  /** Multiplier of the original design, 1.0–2.0. */
  safetyFactor: number;
}

/** Defaults of the CLI (GUIDE §2). */
export const POLICY_DEFAULTS: PolicySettings = {
  leadTime: 7,
  reviewPeriod: 7,
  restockRate: 0.8,
  serviceLevel: 0.95,
  safetyFactor: 1.2,
};

/** The policy names. */
export type PolicyName = "service-level" | "multiplier";

/** One product's stocking parameters under a policy. */
export interface StockLevels {
  /** Expected net demand over L + R days. */
  expectedNetDemand: number;
  /** Safety stock. */
  safetyStock: number;
  /** Level at which to order: expected net demand over L + its safety stock. */
  reorderPoint: number;
  /** Level to order up to at each review. */
  orderUpTo: number;
}

/** z for a service level (e.g. 0.95 → 1.645). */
export function safetyZ(serviceLevel: number): number {
  return normalQuantile(serviceLevel);
}

/** The service level of the cost critical ratio p / (p + h). */
export function criticalRatio(shortageCost: number, holdingCost: number): number {
  return shortageCost / (shortageCost + holdingCost);
}

/** Net demand per day for the service-level policy: sales − ρ · returns. */
export function netDemand(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  restockRate: number,
): Float64Array {
  return Float64Array.from({ length: sales.length }, (_, i) => sales[i] - restockRate * returns[i]);
}

/** Sum of `values[from … from + days − 1]`; days past the end repeat the last 7 days' pattern. */
export function sumAhead(values: ArrayLike<number>, from: number, days: number): number {
  let total = 0;
  for (let i = from; i < from + days; i++) total += valueAt(values, i);
  return total;
}

function valueAt(values: ArrayLike<number>, i: number): number {
  const n = values.length;
  if (i < n) return values[i];
  const period = Math.min(7, n);
  return values[n - period + ((i - n) % period)];
}

/**
 * Service-level stock levels from the forecast (sales and returns per day from tomorrow) and the
 * σ of the forecast's errors of L-day and (L + R)-day net-demand totals.
 */
export function serviceLevelStock(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  scale: ErrorScale,
  settings: PolicySettings,
  from = 0,
): StockLevels & { sigma: number } {
  const z = safetyZ(settings.serviceLevel);
  const net = netDemand(sales, returns, settings.restockRate);
  const cycle = settings.leadTime + settings.reviewPeriod;
  const expectedNetDemand = Math.max(0, sumAhead(net, from, cycle));
  const leadDemand = Math.max(0, sumAhead(net, from, settings.leadTime));
  const sigma = scale.cycle;
  const safetyStock = Math.max(0, z * sigma);
  return {
    expectedNetDemand,
    safetyStock,
    reorderPoint: leadDemand + Math.max(0, z * scale.lead),
    orderUpTo: expectedNetDemand + safetyStock,
    sigma,
  };
}

/**
 * Multiplier stock levels: the original rule max(0, sales − returns) × factor per day, summed
 * over L + R days for the order-up-to level (and over L for the reorder point).
 */
export function multiplierStock(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  settings: PolicySettings,
  factor = settings.safetyFactor,
  from = 0,
): StockLevels {
  const daily = originalRecommendation(sales, returns, 1);
  const cycle = settings.leadTime + settings.reviewPeriod;
  const expectedNetDemand = sumAhead(daily, from, cycle);
  return {
    expectedNetDemand,
    safetyStock: (factor - 1) * expectedNetDemand,
    reorderPoint: factor * sumAhead(daily, from, settings.leadTime),
    orderUpTo: factor * expectedNetDemand,
  };
}

/** The original design's recommended inventory per day: max(0, sales − returns) × factor. */
export function originalRecommendation(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  factor: number,
): Float64Array {
  return Float64Array.from(
    { length: sales.length },
    (_, i) => Math.max(0, (sales[i] - returns[i]) * factor),
  );
}

/**
 * The recommended inventory level per day over the forecast: the order-up-to level the policy
 * would set if it reviewed that day (non-negative).
 */
export function dailyRecommendation(
  policy: PolicyName,
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  scale: ErrorScale,
  settings: PolicySettings,
  days = sales.length,
): Float64Array {
  if (policy === "multiplier") {
    return originalRecommendation(sales, returns, settings.safetyFactor).slice(0, days);
  }
  return Float64Array.from(
    { length: days },
    (_, t) => serviceLevelStock(sales, returns, scale, settings, t).orderUpTo,
  );
}
