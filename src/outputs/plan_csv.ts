/**
 * `plan.csv`: stock levels per product — policy, lead time, review period, the service target
 * (for the fill-rate and cycle-service policies), expected net demand, safety stock, reorder
 * point, order-up-to level (1 decimal), what the error distribution rests on (σ of the
 * (L + R)-day errors, the product's own error samples, the weight of the pool, the demand
 * class); the case pack and minimum order when the run has order constraints; what large orders
 * cause when the data has order lines; and the order to place now when stock on hand is known.
 * The same columns write the file and read it back.
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
const target = (row: Row) => {
  const key = policyNamed(row.plan.policy).target;
  return key ? row.settings[key] : "";
};

/** The columns every plan.csv has. */
const PLAN_COLUMNS: readonly CsvColumn<Row>[] = [
  { name: "product_id", cell: (r) => r.plan.productId },
  { name: "policy", cell: (r) => r.plan.policy },
  { name: "lead_time", cell: (r) => r.plan.leadTime },
  { name: "review_period", cell: (r) => r.settings.reviewPeriod },
  { name: "target", cell: target },
  { name: "expected_net_demand", cell: (r) => stock(r.plan.levels.expectedNetDemand) },
  { name: "safety_stock", cell: (r) => stock(r.plan.levels.safetyStock) },
  { name: "reorder_point", cell: (r) => stock(r.plan.levels.reorderPoint) },
  { name: "order_up_to", cell: (r) => stock(r.plan.levels.orderUpTo) },
  { name: "sigma", cell: (r) => stock(r.plan.basis.sigma) },
  { name: "error_samples", cell: (r) => r.plan.basis.samples },
  { name: "pool_weight", cell: (r) => roundTo(r.plan.basis.poolWeight, DIGITS.rate) },
  { name: "demand_class", cell: (r) => r.plan.basis.demandClass },
];

/** The order-constraint columns, present when any product has a constraint. */
const CONSTRAINT_COLUMNS: readonly CsvColumn<Row>[] = [
  { name: "case_pack", cell: (r) => r.plan.constraint?.casePack ?? "" },
  { name: "min_order", cell: (r) => r.plan.constraint?.minOrder ?? "" },
];

/** The large-order columns, present when the data has order lines. */
const LARGE_COLUMNS: readonly CsvColumn<Row>[] = [
  { name: "large_order_lines", cell: (r) => r.plan.large?.lines ?? "" },
  { name: "large_order_units_per_year", cell: (r) => r.plan.large?.unitsPerYear ?? "" },
  { name: "large_order_safety_stock", cell: (r) => r.plan.large?.safetyStock ?? "" },
  { name: "large_order_holding_per_year", cell: (r) => r.plan.large?.holdingPerYear ?? "" },
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
  const columns = [
    ...PLAN_COLUMNS,
    ...(list.some((p) => p.constraint) ? CONSTRAINT_COLUMNS : []),
    ...(list.some((p) => p.large) ? LARGE_COLUMNS : []),
    ...(list.some((p) => p.order) ? ORDER_COLUMNS : []),
  ];
  return formatCsvTable(columns, list.map((plan) => ({ plan, settings })));
}

/**
 * One plan.csv row read back (with the product's plan_daily.csv rows): the levels, what the
 * errors rest on, the constraint, the large-order effect and the order; blank numbers are NaN.
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
  const given = (name: string) => row[name] !== undefined && row[name] !== "";
  const number = (name: string) => (given(name) ? Number(row[name]) : NaN);
  return {
    productId: row.product_id,
    policy: row.policy,
    leadTime: number("lead_time"),
    levels: {
      expectedNetDemand: number("expected_net_demand"),
      safetyStock: number("safety_stock"),
      reorderPoint: number("reorder_point"),
      orderUpTo: number("order_up_to"),
    },
    basis: {
      samples: number("error_samples"),
      poolWeight: number("pool_weight"),
      demandClass: (row.demand_class ?? "") as ProductPlan["basis"]["demandClass"],
      sigma: number("sigma"),
    },
    firstDay: daily.firstDay,
    daily: { sales: daily.sales, returns: daily.returns, recommended: daily.recommended },
    ...(given("case_pack")
      ? { constraint: { casePack: number("case_pack"), minOrder: number("min_order") } }
      : {}),
    ...(given("large_order_lines")
      ? {
        large: {
          lines: number("large_order_lines"),
          unitsPerYear: number("large_order_units_per_year"),
          safetyStock: number("large_order_safety_stock"),
          holdingPerYear: number("large_order_holding_per_year"),
        },
      }
      : {}),
    ...(given("order_qty")
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
