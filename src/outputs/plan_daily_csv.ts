/**
 * `plan_daily.csv`: per product and forecast day, the forecast sales and returns (3 decimals) and
 * the recommended inventory level (1 decimal). Written and read with the same columns.
 * @module
 */

import { type CsvColumn, formatCsvTable } from "../data/csv.ts";
import { formatIsoDay, parseOutputDay } from "../data/dates.ts";
import type { ProductPlan } from "../inventory/plan.ts";
import { DIGITS, roundTo } from "../util/round.ts";

/** One row: a plan's day `i`. */
interface Row {
  plan: ProductPlan;
  i: number;
}

/** The columns of plan_daily.csv. */
const DAILY_COLUMNS: readonly CsvColumn<Row>[] = [
  { name: "product_id", cell: (r) => r.plan.productId },
  { name: "date", cell: (r) => formatIsoDay(r.plan.firstDay + r.i) },
  { name: "forecast_sales", cell: (r) => roundTo(r.plan.daily.sales[r.i], DIGITS.units) },
  { name: "forecast_returns", cell: (r) => roundTo(r.plan.daily.returns[r.i], DIGITS.units) },
  {
    name: "recommended_inventory",
    cell: (r) => roundTo(r.plan.daily.recommended[r.i], DIGITS.stock),
  },
];

/** plan_daily.csv for the plans. */
export function formatDailyPlanCsv(plans: Iterable<ProductPlan>): string {
  function* rows(): Generator<Row> {
    for (const plan of plans) {
      for (let i = 0; i < plan.daily.recommended.length; i++) yield { plan, i };
    }
  }
  return formatCsvTable(DAILY_COLUMNS, rows());
}

/** One product's plan_daily.csv rows read back (first day NaN when it has none). */
export function dailyFromRows(rows: readonly Record<string, string>[]) {
  return {
    firstDay: rows.length > 0 ? parseOutputDay(rows[0].date)! : NaN,
    sales: Float64Array.from(rows, (r) => Number(r.forecast_sales)),
    returns: Float64Array.from(rows, (r) => Number(r.forecast_returns)),
    recommended: Float64Array.from(rows, (r) => Number(r.recommended_inventory)),
  };
}
