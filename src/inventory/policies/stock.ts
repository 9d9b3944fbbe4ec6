/**
 * The arithmetic the policies share on the daily forecast: net demand, sums over the coming days
 * (past the forecast's end they repeat its last week), the protection-period forecast of a review
 * day, the original design's daily rule and the recommended level per day. Pure and
 * browser-safe.
 * @module
 */

import type { ErrorDistribution } from "../errors/empirical.ts";
import type { Policy, PolicySettings, ProtectionForecast } from "./types.ts";

/** Net demand per day: sales − ρ · returns. */
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

/** Lead time, review period and the restockable share of returns. */
export interface ProtectionSettings {
  /** L, days. */
  leadTime: number;
  /** R, days. */
  reviewPeriod: number;
  /** ρ. */
  restockRate: number;
}

/**
 * What a daily forecast says about the protection period of a review on its day `from`.
 *
 * @example
 * ```ts
 * import { protectionForecast } from "./stock.ts";
 * protectionForecast([10, 10, 10], [5, 0, 0], { leadTime: 1, reviewPeriod: 2, restockRate: 0.8 });
 * // { cycleNet: 26, leadNet: 6, cycleSales: 20, original: 25, originalLead: 5 }
 * ```
 */
export function protectionForecast(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  settings: ProtectionSettings,
  from = 0,
): ProtectionForecast {
  const { leadTime, reviewPeriod, restockRate } = settings;
  if (sales.length === 0 || returns.length === 0) {
    throw new RangeError("Cannot plan: the forecast is empty");
  }
  let cycleNet = 0;
  let leadNet = 0;
  let cycleSales = 0;
  let original = 0;
  let originalLead = 0;
  for (let h = 0; h < leadTime + reviewPeriod; h++) {
    const s = valueAt(sales, from + h);
    const r = valueAt(returns, from + h);
    const net = s - restockRate * r;
    cycleNet += net;
    original += Math.max(0, s - r);
    if (h < leadTime) {
      leadNet += net;
      originalLead += Math.max(0, s - r);
    } else cycleSales += s;
  }
  return { cycleNet, leadNet, cycleSales, original, originalLead };
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
 * The recommended inventory per day over the first `days` forecast days under `policy`: the
 * original rule per day for a `per-day` policy, else the level to order up to on each day (its
 * protection period starting that day, the same error distribution, no stock position).
 */
export function recommendedPerDay(
  policy: Policy,
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  settings: PolicySettings,
  errors: ErrorDistribution,
  days: number,
): Float64Array {
  const n = Math.min(days, sales.length);
  if (policy.chart === "per-day") {
    return originalRecommendation(sales, returns, settings.safetyFactor).slice(0, n);
  }
  return Float64Array.from({ length: n }, (_, t) =>
    policy.levels(
      { forecast: protectionForecast(sales, returns, settings, t), errors },
      settings,
    ).orderUpTo);
}
