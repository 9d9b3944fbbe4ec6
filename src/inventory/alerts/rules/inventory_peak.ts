/**
 * `inventory-peak` (low): the recommended inventory over the forecast peaks at a multiple of its
 * mean — deliveries need scheduling ahead of the peak.
 * @module
 */

import { sum } from "../../../data/series.ts";
import { formatIsoDay } from "../../../data/dates.ts";
import type { AlertRule } from "../types.ts";

/** The rule. */
export const inventoryPeak: AlertRule = {
  id: "inventory-peak",
  severity: "low",
  evaluate({ plan, thresholds }) {
    if (!plan) return [];
    const levels = plan.daily.recommended;
    const levelMean = sum(levels) / Math.max(1, levels.length);
    const peak = Math.max(...levels);
    if (!(levelMean > 0 && peak >= thresholds.inventoryPeak * levelMean)) return [];
    const peakDay = plan.firstDay + levels.indexOf(peak);
    return [{
      value: peak / levelMean,
      threshold: thresholds.inventoryPeak,
      message:
        `recommended inventory peaks at ${peak.toFixed(0)} units on ${formatIsoDay(peakDay)}, ` +
        `${(peak / levelMean).toFixed(2)} × its mean of ${levelMean.toFixed(0)}`,
      action: `schedule deliveries ahead of ${formatIsoDay(peakDay)}`,
    }];
  },
  describe: (t, horizon) => ({
    text: `recommended inventory\npeak ≥ ${t.inventoryPeak} × its mean`,
    over: `next ${horizon} days`,
  }),
};
