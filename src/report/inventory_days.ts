/**
 * The days of the inventory chart from a product's plan, as the report and the notebooks draw
 * them: under the multiplier policy the forecast sales and returns per day next to the
 * recommended level per day; under the service-level policy their totals over the next `cycle`
 * days (lead time + review period, the period each order must cover) next to the order-up-to
 * level.
 * @module
 */

import { formatIsoDay } from "../data/dates.ts";
import type { ProductPlan } from "../inventory/plan.ts";
import { sumAhead } from "../inventory/policies/stock.ts";
import { policyNamed } from "../inventory/policies/registry.ts";
import type { InventoryDay } from "./charts.ts";

/** Chart days for a plan and its product's forecast sales and returns. */
export function inventoryDays(
  plan: ProductPlan,
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  cycle: number,
): InventoryDay[] {
  const perDay = policyNamed(plan.policy).chart === "per-day";
  return Array.from(plan.daily.recommended, (inventory, t) => ({
    date: formatIsoDay(plan.firstDay + t),
    sales: perDay ? sales[t] : sumAhead(sales, t, cycle),
    returns: perDay ? returns[t] : sumAhead(returns, t, cycle),
    inventory,
  }));
}
