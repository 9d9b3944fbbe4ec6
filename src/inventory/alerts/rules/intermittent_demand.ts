/**
 * `intermittent-demand` (low): many recent open days without sales — daily forecasts are
 * averages of rare orders.
 * @module
 */

import { type AlertRule, pct } from "../types.ts";

/** The rule. */
export const intermittentDemand: AlertRule = {
  id: "intermittent-demand",
  severity: "low",
  evaluate({ recent, thresholds }) {
    const sales = recent.sales;
    const zeroShare = sales.length > 0 ? sales.filter((v) => v === 0).length / sales.length : 0;
    if (!(zeroShare >= thresholds.zeroShare)) return [];
    return [{
      value: zeroShare,
      threshold: thresholds.zeroShare,
      message: `no sales on ${pct(zeroShare)} of the last ${sales.length} open days`,
      action: "daily forecasts are averages of rare orders; plan in weekly or monthly totals",
    }];
  },
  describe: (t) => ({ text: `zero-sales days ≥ ${pct(t.zeroShare, 0)}` }),
};
