/**
 * The planning outputs: `plan.csv` (one row per product), `plan_daily.csv` (forecast and
 * recommended inventory per day), `alerts.csv`, and `simulation.json`.
 * @module
 */

import { formatCsvRows } from "../data/csv.ts";
import { formatIsoDay } from "../data/dates.ts";
import type { ProductPlan } from "./plan.ts";
import type { Alert } from "./alerts.ts";

const r1 = (value: number) => Math.round(value * 10) / 10;
const r3 = (value: number) => Math.round(value * 1000) / 1000;

/** `plan.csv`: stock levels per product (and the order to place when stock on hand is known). */
export function formatPlanCsv(
  plans: readonly ProductPlan[],
  settings: { leadTime: number; reviewPeriod: number; serviceLevel: number },
): string {
  const withOrders = plans.some((p) => p.order);
  const header = [
    "product_id",
    "policy",
    "lead_time",
    "review_period",
    "service_level",
    "z",
    "sigma",
    "expected_net_demand",
    "safety_stock",
    "reorder_point",
    "order_up_to",
    ...(withOrders ? ["on_hand", "on_order", "order_qty"] : []),
  ];
  const rows: unknown[][] = [header];
  for (const plan of plans) {
    rows.push([
      plan.productId,
      plan.policy,
      settings.leadTime,
      settings.reviewPeriod,
      plan.policy === "service-level" ? settings.serviceLevel : "",
      plan.policy === "service-level" ? r3(plan.z) : "",
      r1(plan.sigma),
      r1(plan.levels.expectedNetDemand),
      r1(plan.levels.safetyStock),
      r1(plan.levels.reorderPoint),
      r1(plan.levels.orderUpTo),
      ...(withOrders
        ? plan.order ? [plan.order.onHand, plan.order.onOrder, plan.order.quantity] : ["", "", ""]
        : []),
    ]);
  }
  return formatCsvRows(rows);
}

/** `plan_daily.csv`: forecast sales, returns and the recommended inventory level per day. */
export function formatDailyPlanCsv(plans: readonly ProductPlan[]): string {
  const rows: unknown[][] = [[
    "product_id",
    "date",
    "forecast_sales",
    "forecast_returns",
    "recommended_inventory",
  ]];
  for (const plan of plans) {
    for (let i = 0; i < plan.daily.recommended.length; i++) {
      rows.push([
        plan.productId,
        formatIsoDay(plan.firstDay + i),
        r3(plan.daily.sales[i]),
        r3(plan.daily.returns[i]),
        r1(plan.daily.recommended[i]),
      ]);
    }
  }
  return formatCsvRows(rows);
}

/** `alerts.csv`. */
export function formatAlertsCsv(alerts: readonly Alert[]): string {
  const rows: unknown[][] = [[
    "product_id",
    "severity",
    "rule",
    "value",
    "threshold",
    "message",
    "action",
  ]];
  for (const alert of alerts) {
    rows.push([
      alert.productId,
      alert.severity,
      alert.rule,
      r3(alert.value),
      r3(alert.threshold),
      alert.message,
      alert.action,
    ]);
  }
  return formatCsvRows(rows);
}
