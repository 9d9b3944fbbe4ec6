/**
 * The inputs of a product's three charts — sales, returns (the last 90 days and the forecast with
 * its bands) and inventory — from plain arrays: the product pages and the report's explorer both
 * build them here, so the explorer's charts are the static report's for the same numbers.
 * @module
 */

import { formatIsoDay } from "../data/dates.ts";
import type { Target } from "../forecast/types.ts";
import type { Policy } from "../inventory/policies/types.ts";
import type { ForecastChartOptions } from "./charts/forecast.ts";
import type { InventoryChartOptions } from "./charts/inventory.ts";
import { inventoryChartDays } from "./inventory_days.ts";

/** Days of history the series charts show. */
export const HISTORY_DAYS = 90;

/** A forecast's mean and bounds per day (typed arrays or plain ones). */
export interface ForecastSeries {
  readonly mean: ArrayLike<number>;
  readonly lo80: ArrayLike<number>;
  readonly hi80: ArrayLike<number>;
  readonly lo95: ArrayLike<number>;
  readonly hi95: ArrayLike<number>;
}

/** One series (sales or returns) of a product: its history and forecast. */
export interface SeriesInput {
  /** Observed values per day; the chart shows the last {@link HISTORY_DAYS}. */
  readonly history: ArrayLike<number>;
  /** Day number of `history[0]`. */
  readonly historyStart: number;
  readonly forecast: ForecastSeries;
  /** Day number of the first forecast day. */
  readonly firstDay: number;
}

/** The sales or returns chart of a product over `horizon` forecast days. */
export function seriesChartOptions(
  productId: string,
  target: Target,
  series: SeriesInput,
  horizon: number,
): ForecastChartOptions {
  const { history, forecast: f } = series;
  const from = Math.max(0, history.length - HISTORY_DAYS);
  return {
    title: `${productId}: ${target}`,
    unit: target === "sales" ? "units sold per day" : "units returned per day",
    history: Array.from(
      { length: history.length - from },
      (_, i) => ({ date: formatIsoDay(series.historyStart + from + i), value: history[from + i] }),
    ),
    forecast: Array.from({ length: Math.min(horizon, f.mean.length) }, (_, h) => ({
      date: formatIsoDay(series.firstDay + h),
      mean: f.mean[h],
      lo80: f.lo80[h],
      hi80: f.hi80[h],
      lo95: f.lo95[h],
      hi95: f.hi95[h],
    })),
  };
}

/** What the inventory chart of a product shows. */
export interface InventoryInput {
  /** How the policy is drawn (per day, or order-up-to levels beside cycle totals). */
  readonly chart: Policy["chart"];
  /** The recommended inventory level per day. */
  readonly recommended: ArrayLike<number>;
  /** Day number of its first day. */
  readonly firstDay: number;
  /** Forecast sales and returns per day. */
  readonly sales: ArrayLike<number>;
  readonly returns: ArrayLike<number>;
  /** Lead time + review period. */
  readonly cycle: number;
  /** The reorder point (drawn for cycle policies). */
  readonly reorderPoint: number;
}

/** The inventory chart of a product. */
export function inventoryChartOptions(
  productId: string,
  input: InventoryInput,
): InventoryChartOptions {
  const perDay = input.chart === "per-day";
  return {
    title: `${productId}: inventory`,
    unit: perDay ? "units per day" : `units (sales, returns: next ${input.cycle} days)`,
    days: inventoryChartDays(
      input.chart,
      input.recommended,
      input.firstDay,
      input.sales,
      input.returns,
      input.cycle,
    ),
    reorderPoint: perDay ? undefined : input.reorderPoint,
  };
}
