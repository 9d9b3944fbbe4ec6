/**
 * `stockout-risk` (high): stock on hand plus on order is below the reorder point (only when the
 * stock position is known, `--on-hand`).
 * @module
 */

import type { AlertRule } from "../types.ts";

/** The rule. */
export const stockoutRisk: AlertRule = {
  id: "stockout-risk",
  severity: "high",
  evaluate({ plan }) {
    if (!plan?.order) return [];
    const position = plan.order.onHand + plan.order.onOrder;
    if (!(position < plan.levels.reorderPoint)) return [];
    return [{
      value: position,
      threshold: plan.levels.reorderPoint,
      message: `on hand + on order is ${position.toFixed(0)} units, below the reorder point of ` +
        `${plan.levels.reorderPoint.toFixed(0)}`,
      action: `order ${plan.order.quantity} units now (up to ${plan.levels.orderUpTo.toFixed(0)})`,
    }];
  },
};
