/**
 * What the explorer shows for one product and one set of controls, as plain values: the six
 * metrics, the inputs of the three charts (built as the product pages build theirs), the table
 * rows. Pure (no DOM), so a test computes in Deno exactly what the page computes, and draws the
 * same charts with linkedom to compare.
 * @module
 */

import { sum } from "../../data/series.ts";
import { returnRateOf } from "../../outputs/figures.ts";
import type { StockLevels } from "../../inventory/policies/types.ts";
import type { ForecastChartOptions } from "../charts/forecast.ts";
import type { InventoryChartOptions } from "../charts/inventory.ts";
import { inventoryChartOptions, seriesChartOptions } from "../product_charts.ts";
import { type ControlValues, explorerLevels, settingsOf } from "./levels.ts";
import type { PolicyRun } from "./policy_inputs.ts";
import type { ExplorerRecord } from "./record.ts";
import { type TableRow, tableRows } from "./table.ts";

/** The controls' values, checked. */
export interface ExplorerControls {
  /** The policy's id. */
  policy: string;
  /** Forecast days shown. */
  horizon: number;
  /** The policy controls' values. */
  values: ControlValues;
}

/** Everything one update draws. */
export interface ExplorerView {
  /** Average forecast sales and returns per day over the horizon. */
  salesPerDay: number;
  returnsPerDay: number;
  /** Forecast returns ÷ forecast sales (NaN without sales). */
  returnRate: number;
  /** Stock levels as plan.csv publishes them. */
  levels: StockLevels;
  charts: {
    sales: ForecastChartOptions;
    returns: ForecastChartOptions;
    inventory: InventoryChartOptions;
  };
  rows: TableRow[];
  /** Why the levels may differ from `plan` with these settings, if they may. */
  caveat?: string;
}

/** The view of product `id` (its record) under `controls`. */
export function explorerView(
  id: string,
  record: ExplorerRecord,
  policyRun: PolicyRun,
  controls: ExplorerControls,
): ExplorerView {
  const horizon = Math.min(controls.horizon, record.sales.mean.length);
  const result = explorerLevels(
    { sales: record.sales.mean, returns: record.returns.mean },
    record.policy,
    policyRun,
    controls.policy,
    controls.values,
    horizon,
  );
  const { settings } = settingsOf(controls.values);
  const sales = sum(record.sales.mean.slice(0, horizon));
  const returns = sum(record.returns.mean.slice(0, horizon));
  const series = (target: "sales" | "returns") =>
    seriesChartOptions(id, target, {
      history: record.history[target],
      historyStart: record.historyStart,
      forecast: record[target],
      firstDay: record.firstDay,
    }, horizon);
  return {
    salesPerDay: sales / Math.max(1, horizon),
    returnsPerDay: returns / Math.max(1, horizon),
    returnRate: returnRateOf(sales, returns),
    levels: result.levels,
    charts: {
      sales: series("sales"),
      returns: series("returns"),
      inventory: inventoryChartOptions(id, {
        chart: result.chart,
        recommended: result.daily,
        firstDay: record.firstDay,
        sales: record.sales.mean,
        returns: record.returns.mean,
        cycle: settings.leadTime + settings.reviewPeriod,
        reorderPoint: result.levels.reorderPoint,
      }),
    },
    rows: tableRows(record, result.netDemand, result.daily, horizon),
    ...(result.caveat ? { caveat: result.caveat } : {}),
  };
}
