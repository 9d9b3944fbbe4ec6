/**
 * Alerts fire when a value reaches its threshold. The original design's three rules (high return rate, volatile sales, a recommended
 * inventory that peaks) and more — a rising return rate, a forecast no better than last week,
 * intermittent demand, data quality, stockout risk. Each alert names the product, a severity,
 * the rule, the numbers behind it and a suggested action.
 * @module
 */

import { type ProductSeries, type SeriesSet, sum } from "../data/series.ts";
import { formatIsoDay } from "../data/dates.ts";
import { type Calendar, isOpen } from "../data/calendar.ts";
import type { DatasetForecast } from "../forecast/pipeline.ts";
import { metricsOf } from "../forecast/metrics.ts";
import type { Target } from "../forecast/types.ts";
import type { ProductPlan } from "./plan.ts";
import { chosenWindows } from "./plan.ts";

/** How urgent an alert is. */
export type Severity = "high" | "medium" | "low";

/** One alert. */
export interface Alert {
  productId: string;
  severity: Severity;
  /** Short rule name, e.g. `high-return-rate`. */
  rule: string;
  /** The measured value. */
  value: number;
  /** The threshold it crossed. */
  threshold: number;
  /** What was found, with the numbers. */
  message: string;
  /** What to do. */
  action: string;
}

/** Alert thresholds (configurable from the CLI). */
export interface AlertThresholds {
  /** Return rate from which returns are high. @default 0.15 */
  returnRate: number;
  /** Sales standard deviation ÷ mean from which sales are volatile. @default 0.5 */
  salesVariation: number;
  /** Recommended inventory max ÷ mean from which stock needs peak. @default 1.5 */
  inventoryPeak: number;
  /** Share of zero-sales days from which demand is intermittent. @default 0.5 */
  zeroShare: number;
  /**
   * z of the rise of the return rate (last 28 days vs the 90 before) that is beyond noise; the
   * rise must also be at least 2 points and half the earlier rate. @default 3
   */
  risingZ: number;
}

/** Defaults of the thresholds. */
export const ALERT_DEFAULTS: AlertThresholds = {
  returnRate: 0.15,
  salesVariation: 0.5,
  inventoryPeak: 1.5,
  zeroShare: 0.5,
  risingZ: 3,
};

/** Smallest rise of the return rate worth an alert (percentage points as a share). */
const MIN_RISE = 0.02;
/** Days of recent history the rules look at. */
const RECENT_DAYS = 90;
const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Everything the rules look at. */
export interface AlertInput {
  set: SeriesSet;
  forecast: DatasetForecast;
  plans: ProductPlan[];
  thresholds: AlertThresholds;
  /** Mega-orders the import dropped, by product. */
  droppedMegaOrders?: Map<string, number>;
  /** Open and closed days: closed days do not count as days without sales. */
  calendar?: Calendar;
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The open days among the last `days` of a product's history. */
function recentOpen(
  product: ProductSeries,
  values: Float64Array,
  calendar: Calendar | undefined,
  days = RECENT_DAYS,
): Float64Array {
  const from = Math.max(0, values.length - days);
  const kept: number[] = [];
  for (let i = from; i < values.length; i++) {
    if (!calendar || isOpen(calendar, product.start + i)) kept.push(values[i]);
  }
  return Float64Array.from(kept);
}

/** Raises the alerts of every product, most severe first (then by product and rule). */
export function raiseAlerts(input: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  for (const product of input.set.products) {
    const plan = input.plans.find((p) => p.productId === product.id);
    alerts.push(...productAlerts(product, plan, input));
  }
  return sortAlerts(alerts);
}

/** Most severe first, then by product and rule (a stable sort: ties keep their order). */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

function productAlerts(
  product: ProductSeries,
  plan: ProductPlan | undefined,
  input: AlertInput,
): Alert[] {
  const t = input.thresholds;
  const out: Alert[] = [];
  const add = (alert: Omit<Alert, "productId">) => out.push({ productId: product.id, ...alert });
  const sales = recentOpen(product, product.sales, input.calendar);
  const returns = recentOpen(product, product.returns, input.calendar);
  const sold = sum(sales);

  const rate = sold > 0 ? sum(returns) / sold : 0;
  if (sold > 0 && rate >= t.returnRate) {
    add({
      severity: "medium",
      rule: "high-return-rate",
      value: rate,
      threshold: t.returnRate,
      message: `returns were ${pct(rate)} of sales over the last ${sales.length} open days ` +
        `(threshold ${pct(t.returnRate)})`,
      action:
        "look into why this product comes back (quality, description, sizing) before reordering",
    });
  }

  const mean = sold / Math.max(1, sales.length);
  const sd = Math.sqrt(sum(sales.map((v) => (v - mean) ** 2)) / Math.max(1, sales.length - 1));
  if (mean > 0 && sd >= t.salesVariation * mean) {
    add({
      severity: "medium",
      rule: "volatile-sales",
      value: sd / mean,
      threshold: t.salesVariation,
      message:
        `daily sales vary by ${pct(sd / mean)} of their mean (sd ${sd.toFixed(1)}, mean ${
          mean.toFixed(1)
        }) ` +
        `over the last ${sales.length} open days`,
      action: "expect wide forecast intervals; keep the safety stock the service-level policy sets",
    });
  }

  if (plan) {
    const levels = plan.daily.recommended;
    const levelMean = sum(levels) / Math.max(1, levels.length);
    const peak = Math.max(...levels);
    if (levelMean > 0 && peak >= t.inventoryPeak * levelMean) {
      const peakDay = plan.firstDay + levels.indexOf(peak);
      add({
        severity: "low",
        rule: "inventory-peak",
        value: peak / levelMean,
        threshold: t.inventoryPeak,
        message:
          `recommended inventory peaks at ${peak.toFixed(0)} units on ${formatIsoDay(peakDay)}, ` +
          `${(peak / levelMean).toFixed(2)} × its mean of ${levelMean.toFixed(0)}`,
        action: `schedule deliveries ahead of ${formatIsoDay(peakDay)}`,
      });
    }
    if (plan.order && plan.order.onHand + plan.order.onOrder < plan.levels.reorderPoint) {
      const position = plan.order.onHand + plan.order.onOrder;
      add({
        severity: "high",
        rule: "stockout-risk",
        value: position,
        threshold: plan.levels.reorderPoint,
        message: `on hand + on order is ${position.toFixed(0)} units, below the reorder point of ` +
          `${plan.levels.reorderPoint.toFixed(0)}`,
        action: `order ${plan.order.quantity} units now (up to ${
          plan.levels.orderUpTo.toFixed(0)
        })`,
      });
    }
  }

  const rising = risingReturnRate(product);
  if (
    rising && rising.z >= t.risingZ && rising.recent - rising.before >= MIN_RISE &&
    rising.recent >= 1.5 * rising.before
  ) {
    add({
      severity: "high",
      rule: "rising-return-rate",
      value: rising.recent,
      threshold: rising.before,
      message:
        `return rate rose to ${pct(rising.recent)} over the last 28 days from ${
          pct(rising.before)
        } ` +
        `over the 90 before (z = ${rising.z.toFixed(1)}, beyond noise)`,
      action: "check recent batches, suppliers or listing changes; watch returns before reordering",
    });
  }

  for (const target of ["sales", "returns"] as const) {
    const untrusted = noBetterThanSnaive(product.id, target, input.forecast);
    if (untrusted) {
      add({
        severity: "medium",
        rule: "untrusted-forecast",
        value: untrusted.chosen,
        threshold: untrusted.snaive,
        message: untrusted.model === "snaive7"
          ? `no model forecast ${target} better than repeating last week (snaive7, backtest RMSSE ` +
            `${untrusted.snaive.toFixed(3)})`
          : `the ${target} forecast (${untrusted.model}, backtest RMSSE ${
            untrusted.chosen.toFixed(3)
          }) ` +
            `is no better than repeating last week (snaive7, ${untrusted.snaive.toFixed(3)})`,
        action: `treat the ${target} forecast as rough; check the history for breaks and outliers`,
      });
    }
  }

  const zeroShare = sales.length > 0 ? sales.filter((v) => v === 0).length / sales.length : 0;
  if (zeroShare >= t.zeroShare) {
    add({
      severity: "low",
      rule: "intermittent-demand",
      value: zeroShare,
      threshold: t.zeroShare,
      message: `no sales on ${pct(zeroShare)} of the last ${sales.length} open days`,
      action: "daily forecasts are averages of rare orders; plan in weekly or monthly totals",
    });
  }

  if (product.filledDays > 0) {
    add({
      severity: "low",
      rule: "data-quality",
      value: product.filledDays,
      threshold: 0,
      message: `${product.filledDays} missing days inside the history were filled with 0`,
      action: "check the export for gaps; days without a row count as no sales",
    });
  }
  const mega = input.droppedMegaOrders?.get(product.id) ?? 0;
  if (mega > 0) {
    add({
      severity: "low",
      rule: "data-quality",
      value: mega,
      threshold: 0,
      message: `${mega} mistaken mega-order${
        mega > 1 ? "s were" : " was"
      } dropped on import with the cancellation`,
      action: "none needed; confirm with sales that the order was a mistake",
    });
  }
  return out;
}

/** The return rate of the last 28 days against the 90 before, with the z of the rise. */
export function risingReturnRate(
  product: ProductSeries,
): { recent: number; before: number; z: number } | undefined {
  const n = product.sales.length;
  if (n < 118) return undefined;
  const window = (from: number, to: number) => ({
    sold: sum(product.sales.subarray(from, to)),
    returned: sum(product.returns.subarray(from, to)),
  });
  const last = window(n - 28, n);
  const before = window(n - 118, n - 28);
  if (last.sold <= 0 || before.sold <= 0) return undefined;
  const p1 = last.returned / last.sold;
  const p0 = before.returned / before.sold;
  const pooled = (last.returned + before.returned) / (last.sold + before.sold);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / last.sold + 1 / before.sold));
  return { recent: p1, before: p0, z: se > 0 ? (p1 - p0) / se : 0 };
}

function noBetterThanSnaive(productId: string, target: Target, forecast: DatasetForecast) {
  const model = forecast.reasons.find((r) => r.productId === productId && r.target === target)
    ?.model;
  if (!model || !forecast.backtest) return undefined;
  const chosenWindowsList = chosenWindows(forecast.backtest, productId, target, model);
  const snaiveWindows = chosenWindows(forecast.backtest, productId, target, "snaive7");
  if (chosenWindowsList.length === 0 || snaiveWindows.length === 0) return undefined;
  // Nothing happened in the backtest days (no returns at all): there was nothing to get wrong.
  if (chosenWindowsList.every((w) => w.actual.every((v) => v === 0))) return undefined;
  const chosen = metricsOf(chosenWindowsList).rmsse;
  const snaive = metricsOf(snaiveWindows).rmsse;
  return chosen >= snaive ? { model, chosen, snaive } : undefined;
}
