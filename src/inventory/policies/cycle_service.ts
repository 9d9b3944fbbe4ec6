/**
 * `cycle-service` (α): the chance of no stockout in a cycle. The order covers the α-quantile of
 * what it must cover, read off the empirical distribution of the forecast's own errors pooled with
 * similar products' (`errors/pooling.ts`): the pool supplies the tail a product's few own windows
 * cannot show, so the quantile is read as it is. (A small-sample "conformal" rank on top of the
 * pool read the largest error for most products and held 97–100 % of cycles at a 95 % target.)
 * Pure and browser-safe.
 * @module
 */

import { type ErrorDistribution, quantile } from "../errors/empirical.ts";
import { cycleNeeds, levelsOf, orderLevels, weightedQuantile } from "./levels.ts";
import type { Policy, ProtectionForecast, StockLevels } from "./types.ts";

/**
 * Cycle-service levels: with a position, the order = the α-quantile of the needs; without,
 * S = F + the α-quantile of the cycle errors (weighted, type 1: the smallest value whose
 * cumulative weight reaches α).
 *
 * @example
 * ```ts
 * import { cycleServiceLevels } from "./cycle_service.ts";
 * import { errorDistribution } from "../errors/empirical.ts";
 * const errors = errorDistribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((cycle) => ({ cycle })));
 * const f = { cycleNet: 100, leadNet: 50, cycleSales: 50, original: 100, originalLead: 50 };
 * cycleServiceLevels(f, errors, 0.8).orderUpTo; // 108: the 8th of 10 errors
 * ```
 */
export function cycleServiceLevels(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  target: number,
  position?: number,
): StockLevels {
  if (!(target > 0 && target < 1)) {
    throw new RangeError(
      `Cannot plan for a cycle service: target must be in (0, 1), got ${target}`,
    );
  }
  if (position !== undefined) {
    const need = cycleNeeds(forecast, errors, position);
    return orderLevels(forecast, errors, position, weightedQuantile(need, errors.weight, target));
  }
  return levelsOf(forecast, errors, quantile(errors, target));
}

/** The cycle-service policy (`--policy service-level` is its old name). */
export const cycleServicePolicy: Policy = {
  id: "cycle-service",
  summary: "chance of no stockout in a cycle, α",
  label: "cycle service (α)",
  target: "cycleService",
  chart: "cycle",
  levels: (inputs, settings, tuned) =>
    cycleServiceLevels(
      inputs.forecast,
      inputs.errors,
      tuned ?? settings.cycleService,
      inputs.position,
    ),
  describe: (s) =>
    `cycle service ${(s.cycleService * 100).toFixed(1)} % (chance of no stockout in a cycle)`,
  caption: (s, cycle) =>
    `Recommended inventory = the level to order up to on each day: forecast net demand (sales − ${s.restockRate} × returns) over the next ${cycle} days plus the safety stock that covers the forecast's errors in ${
      (s.cycleService * 100).toFixed(1)
    } % of cycles. Sales and returns are drawn as totals over those ${cycle} days.`,
};
