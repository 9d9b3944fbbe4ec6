/**
 * `high-return-rate` (medium): returns reach a share of sales over the recent open days.
 * @module
 */

import { sum } from "../../../data/series.ts";
import { type AlertRule, pct, RECENT_DAYS } from "../types.ts";

/** The rule. */
export const highReturnRate: AlertRule = {
  id: "high-return-rate",
  severity: "medium",
  evaluate({ recent, thresholds }) {
    const sold = sum(recent.sales);
    const returned = sum(recent.returns);
    if (sold === 0 && returned > 0) {
      return [{
        value: returned,
        threshold: thresholds.returnRate,
        message: `${units(returned)} units came back with no sales over the last ` +
          `${recent.sales.length} open days (return rate n/a; value = units returned)`,
        action: "check the data (returns booked to the wrong product?) and what came back",
      }];
    }
    const rate = sold > 0 ? returned / sold : 0;
    if (!(sold > 0 && rate >= thresholds.returnRate)) return [];
    return [{
      value: rate,
      threshold: thresholds.returnRate,
      message:
        `returns were ${pct(rate)} of sales over the last ${recent.sales.length} open days ` +
        `(threshold ${pct(thresholds.returnRate)})`,
      action:
        "look into why this product comes back (quality, description, sizing) before reordering",
    }];
  },
  describe: (t) => ({ text: `return rate ≥ ${pct(t.returnRate, 0)}`, over: recentSpan() }),
};

/** The span of the recent-days rules, as the report states it. */
export function recentSpan(): string {
  return `last ${RECENT_DAYS} open days`;
}

function units(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
