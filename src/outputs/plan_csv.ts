/**
 * `plan.csv`: stock levels per product — policy, lead time, review period, the service target
 * and z (for policies with one), σ, expected net demand, safety stock, reorder point, order-up-to
 * level (1 decimal), and the order to place now when stock on hand is known. The same columns
 * write the file and read it back.
 * @module
 */

import { type CsvColumn, formatCsvTable } from "../data/csv.ts";
import type { ProductPlan } from "../inventory/plan.ts";
import { policyNamed } from "../inventory/policies/registry.ts";
import type { PolicySettings } from "../inventory/policies/types.ts";
import { DIGITS, roundTo } from "../util/round.ts";

/** One row: a plan under the run's settings. */
interface Row {
  plan: ProductPlan;
  settings: PolicySettings;
}

const stock = (value: number) => roundTo(value, DIGITS.stock);
const targeted = (row: Row) => policyNamed(row.plan.policy).hasServiceTarget;

/** The columns of plan.csv, without the order columns. */
const PLAN_COLUMNS: readonly CsvColumn<Row>[] = [
  { name: "product_id", cell: (r) => r.plan.productId },
  { name: "policy", cell: (r) => r.plan.policy },
  { name: "lead_time", cell: (r) => r.settings.leadTime },
  { name: "review_period", cell: (r) => r.settings.reviewPeriod },
  { name: "service_level", cell: (r) => (targeted(r) ? r.settings.serviceLevel : "") },
  { name: "z", cell: (r) => (targeted(r) ? roundTo(r.plan.z, DIGITS.z) : "") },
  { name: "sigma", cell: (r) => stock(r.plan.sigma) },
  { name: "expected_net_demand", cell: (r) => stock(r.plan.levels.expectedNetDemand) },
  { name: "safety_stock", cell: (r) => stock(r.plan.levels.safetyStock) },
  { name: "reorder_point", cell: (r) => stock(r.plan.levels.reorderPoint) },
  { name: "order_up_to", cell: (r) => stock(r.plan.levels.orderUpTo) },
];

/** The order columns, present when any product's stock position is known. */
const ORDER_COLUMNS: readonly CsvColumn<Row>[] = [
  { name: "on_hand", cell: (r) => r.plan.order?.onHand ?? "" },
  { name: "on_order", cell: (r) => r.plan.order?.onOrder ?? "" },
  { name: "order_qty", cell: (r) => r.plan.order?.quantity ?? "" },
];

/** plan.csv for the plans, in their order. */
export function formatPlanCsv(plans: Iterable<ProductPlan>, settings: PolicySettings): string {
  const list = [...plans];
  const columns = list.some((p) => p.order) ? [...PLAN_COLUMNS, ...ORDER_COLUMNS] : PLAN_COLUMNS;
  return formatCsvTable(columns, list.map((plan) => ({ plan, settings })));
}

/**
 * One plan.csv row read back (with the product's plan_daily.csv rows): the levels, σ, z and the
 * order; blank numbers are NaN.
 */
export function planFromRow(
  row: Record<string, string>,
  daily: {
    firstDay: number;
    sales: Float64Array;
    returns: Float64Array;
    recommended: Float64Array;
  },
): ProductPlan {
  const number = (name: string) =>
    row[name] === undefined || row[name] === "" ? NaN : Number(row[name]);
  return {
    productId: row.product_id,
    policy: row.policy,
    z: number("z"),
    sigma: number("sigma"),
    levels: {
      expectedNetDemand: number("expected_net_demand"),
      safetyStock: number("safety_stock"),
      reorderPoint: number("reorder_point"),
      orderUpTo: number("order_up_to"),
    },
    firstDay: daily.firstDay,
    daily: { sales: daily.sales, returns: daily.returns, recommended: daily.recommended },
    ...(row.order_qty !== undefined && row.order_qty !== ""
      ? {
        order: {
          onHand: number("on_hand"),
          onOrder: number("on_order"),
          quantity: number("order_qty"),
        },
      }
      : {}),
  };
}
