/**
 * The days of the inventory chart, as the report, its explorer and the notebooks draw them: under
 * a `per-day` policy (the multiplier) the forecast sales and returns per day next to the
 * recommended level per day; under a `cycle` policy (service level) their totals over the next
 * `cycle` days (lead time + review period, the period each order must cover) next to the
 * order-up-to level.
 * @module
 */

import { formatIsoDay } from "../data/dates.ts";
import type { ProductPlan } from "../inventory/plan.ts";
import type { Policy } from "../inventory/policies/types.ts";
import { sumAhead } from "../inventory/policies/stock.ts";
import { policyNamed } from "../inventory/policies/registry.ts";
import type { InventoryDay } from "./charts/inventory.ts";

/** Chart days from the recommended level per day (from day number `firstDay`) and the forecast. */
export function inventoryChartDays(
  chart: Policy["chart"],
  recommended: ArrayLike<number>,
  firstDay: number,
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  cycle: number,
): InventoryDay[] {
  const perDay = chart === "per-day";
  return Array.from(recommended, (inventory, t) => ({
    date: formatIsoDay(firstDay + t),
    sales: perDay ? sales[t] : sumAhead(sales, t, cycle),
    returns: perDay ? returns[t] : sumAhead(returns, t, cycle),
    inventory,
  }));
}

/** Chart days for a plan and its product's forecast sales and returns. */
export function inventoryDays(
  plan: ProductPlan,
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  cycle: number,
): InventoryDay[] {
  return inventoryChartDays(
    policyNamed(plan.policy).chart,
    plan.daily.recommended,
    plan.firstDay,
    sales,
    returns,
    cycle,
  );
}
