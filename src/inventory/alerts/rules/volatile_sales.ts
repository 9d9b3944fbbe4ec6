/**
 * `volatile-sales` (medium): the daily sales' standard deviation reaches a share of their mean
 * over the recent open days.
 * @module
 */

import { sum } from "../../../data/series.ts";
import { type AlertRule, pct } from "../types.ts";
import { recentSpan } from "./high_return_rate.ts";

/** The rule. */
export const volatileSales: AlertRule = {
  id: "volatile-sales",
  severity: "medium",
  evaluate({ recent, thresholds }) {
    const sales = recent.sales;
    const mean = sum(sales) / Math.max(1, sales.length);
    const sd = Math.sqrt(sum(sales.map((v) => (v - mean) ** 2)) / Math.max(1, sales.length - 1));
    if (!(mean > 0 && sd >= thresholds.salesVariation * mean)) return [];
    return [{
      value: sd / mean,
      threshold: thresholds.salesVariation,
      message: `daily sales vary by ${pct(sd / mean)} of their mean (sd ${sd.toFixed(1)}, mean ${
        mean.toFixed(1)
      }) over the last ${sales.length} open days`,
      action: "expect wide forecast intervals; keep the safety stock the service-level policy sets",
    }];
  },
  describe: (t) => ({
    text: `sales\nstandard deviation ≥ ${pct(t.salesVariation, 0)} of the mean`,
    over: recentSpan(),
  }),
};
