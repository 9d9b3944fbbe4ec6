/**
 * `multiplier`: the original design's rule, (forecast sales − forecast returns) × safety factor,
 * kept for comparison. The simulation also sweeps its factor and matches it in hindsight to the
 * fill-rate policy's achieved fill rate (a labelled benchmark, not a policy). Pure and
 * browser-safe.
 * @module
 */

import type { Policy, ProtectionForecast, StockLevels } from "./types.ts";

/** Largest factor matching searches. */
export const MAX_FACTOR = 100;
/** Smallest factor matching searches. */
export const MIN_FACTOR = 0.1;

/**
 * The original rule: S = factor × Σ max(0, sales − returns) over L + R days; the reorder point
 * over L days alike.
 *
 * @example
 * ```ts
 * import { multiplierLevels } from "./multiplier.ts";
 * const f = { cycleNet: 20, leadNet: 10, cycleSales: 10, original: 18, originalLead: 8 };
 * multiplierLevels(f, 1.5).orderUpTo; // 27
 * ```
 */
export function multiplierLevels(forecast: ProtectionForecast, factor: number): StockLevels {
  return {
    expectedNetDemand: forecast.original,
    safetyStock: (factor - 1) * forecast.original,
    reorderPoint: factor * forecast.originalLead,
    orderUpTo: factor * forecast.original,
  };
}

/** The multiplier policy. */
export const multiplierPolicy: Policy = {
  id: "multiplier",
  summary: "the original rule",
  label: "multiplier (original rule)",
  chart: "per-day",
  levels: (inputs, settings, tuned) =>
    multiplierLevels(inputs.forecast, tuned ?? settings.safetyFactor),
  describe: (s) => `multiplier × ${s.safetyFactor} (the original rule)`,
  caption: () =>
    "Recommended inventory per day = (forecast sales − forecast returns) × safety factor (the original rule).",
  tuning: { value: (settings) => settings.safetyFactor, min: MIN_FACTOR, max: MAX_FACTOR },
};
