/**
 * `large-orders` (medium): a few large order lines cause at least half of a product's safety
 * stock (only when the data has order lines beside it, `FILE.orders.csv`).
 * @module
 */

import type { AlertRule } from "../types.ts";
import { pct } from "../types.ts";

/** Share of the safety stock from which large orders drive it. */
export const LARGE_ORDER_SHARE = 0.5;

/** The rule. */
export const largeOrders: AlertRule = {
  id: "large-orders",
  severity: "medium",
  evaluate({ plan }) {
    const large = plan?.large;
    if (!large || !(plan.levels.safetyStock > 0)) return [];
    const share = large.safetyStock / plan.levels.safetyStock;
    if (!(share >= LARGE_ORDER_SHARE)) return [];
    return [{
      value: share,
      threshold: LARGE_ORDER_SHARE,
      message: `${large.lines} large order lines (${large.unitsPerYear.toFixed(0)} units a ` +
        `year) cause ${large.safetyStock.toFixed(0)} of the ${
          plan.levels.safetyStock.toFixed(0)
        } units of safety stock (${pct(share, 0)}), costing ${
          large.holdingPerYear.toFixed(0)
        } a year to hold`,
      action: "plan them separately: serve large orders from outside stock with " +
        "--large-order-units N, or agree delivery dates with the customers",
    }];
  },
  describe: () => ({
    text: `large orders cause ≥ ${pct(LARGE_ORDER_SHARE, 0)} of the safety stock`,
  }),
};
