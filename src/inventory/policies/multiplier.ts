/**
 * `multiplier`: the original design's rule, (forecast sales − forecast returns) × safety factor,
 * kept for comparison; the simulation also tunes its factor to reach the default policy's fill
 * rate (`multiplier-matched`), so the stock each needs for the same service reads side by side.
 * @module
 */

import type { Policy, PolicySettings, StockLevels } from "./types.ts";
import { originalRecommendation, sumAhead } from "./stock.ts";

/** Largest multiplier tried when matching the default policy's fill rate. */
export const MAX_FACTOR = 100;

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

/** The multiplier policy. */
export const multiplierPolicy: Policy = {
  id: "multiplier",
  summary: "the original rule",
  label: "multiplier (original rule)",
  hasServiceTarget: false,
  chart: "per-day",
  levels: (f, settings, from = 0, tuned = settings.safetyFactor) =>
    multiplierStock(f.sales, f.returns, settings, tuned, from),
  daily: (f, settings, days) =>
    originalRecommendation(f.sales, f.returns, settings.safetyFactor).slice(0, days),
  describe: (s) => `multiplier × ${s.safetyFactor}`,
  caption: () =>
    "Recommended inventory per day = (forecast sales − forecast returns) × safety factor (the original rule).",
  tuning: {
    value: (settings) => settings.safetyFactor,
    min: 0.5,
    max: MAX_FACTOR,
    label: "multiplier at the same fill rate",
  },
};
