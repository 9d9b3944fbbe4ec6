/**
 * The numbers a report shows, computed once from a planning run: per product the original
 * design's four figures (average forecast sales and returns per day, return rate, recommended
 * inventory) with the backtest accuracy of the chosen models and the simulated fill rate, the
 * same across all products, and which products get a detail page. Pure: no HTML here.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { sum } from "../data/series.ts";
import type { PlanningResult } from "../inventory/pipeline.ts";
import type { Target } from "../forecast/types.ts";
import { chosenWindows, resultOf } from "../forecast/dataset/results.ts";
import { type Metrics, MetricsAccumulator, metricsOf } from "../forecast/metrics.ts";
import type { Alert, Severity } from "../inventory/alerts/types.ts";
import { DEFAULT_POLICY } from "../inventory/policies/registry.ts";

/** One product's headline figures. */
export interface ProductFigures {
  productId: string;
  /** Average forecast sales per day over the horizon. */
  salesPerDay: number;
  /** Average forecast returns per day over the horizon. */
  returnsPerDay: number;
  /** Forecast returns ÷ forecast sales. */
  returnRate: number;
  /** Recommended inventory: the chosen policy's order-up-to level. */
  recommendedInventory: number;
  /** Models chosen for sales and returns. */
  models: Record<Target, string>;
  /** Backtest WAPE of the chosen models (NaN without a backtest). */
  wape: Record<Target, number>;
  /** Simulated fill rate of the chosen policy (NaN without a simulation). */
  fillRate: number;
  /** Units sold over the history (to rank products). */
  historySales: number;
  /** Most severe alert, if any. */
  worstAlert?: Severity;
}

/** All the figures of a report. */
export interface ReportFigures {
  products: ProductFigures[];
  total: Omit<ProductFigures, "productId" | "models" | "worstAlert" | "historySales"> & {
    models: Record<Target, string>;
  };
  /** Products with a detail section, in report order. */
  detailed: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Computes the report's figures. `horizon` is the number of forecast days shown. */
export function reportFigures(
  set: SeriesSet,
  planning: PlanningResult,
  horizon: number,
  detailLimit: number,
): ReportFigures {
  const { forecast, plans, alerts, simulation } = planning;
  const policy = plans.values().next().value?.policy ?? DEFAULT_POLICY.id;
  const accumulators = { sales: new MetricsAccumulator(), returns: new MetricsAccumulator() };
  const alertsOf = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const list = alertsOf.get(alert.productId);
    if (list) list.push(alert);
    else alertsOf.set(alert.productId, [alert]);
  }
  const products = set.products.map((product): ProductFigures => {
    const result = (target: Target) => resultOf(forecast, product.id, target);
    const sales = result("sales").forecast.mean.subarray(0, horizon);
    const returns = result("returns").forecast.mean.subarray(0, horizon);
    const plan = plans.get(product.id)!;
    const model = (target: Target) => result(target).model;
    const wape = (target: Target) => {
      const windows = chosenWindows(result(target));
      for (const window of windows) accumulators[target].add(window);
      return windows.length > 0 ? metricsOf(windows).wape : NaN;
    };
    return {
      productId: product.id,
      salesPerDay: sum(sales) / Math.max(1, sales.length),
      returnsPerDay: sum(returns) / Math.max(1, returns.length),
      returnRate: returnRateOf(sum(sales), sum(returns)),
      recommendedInventory: plan.levels.orderUpTo,
      models: { sales: model("sales"), returns: model("returns") },
      wape: { sales: wape("sales"), returns: wape("returns") },
      fillRate: simulation?.products[product.id]?.[policy]?.fill_rate ?? NaN,
      historySales: sum(product.sales),
      worstAlert: worst(alertsOf.get(product.id) ?? []),
    };
  });
  const pooled = (target: Target): Metrics => accumulators[target].finish();
  const salesPerDay = sum(products.map((p) => p.salesPerDay));
  const returnsPerDay = sum(products.map((p) => p.returnsPerDay));
  return {
    products,
    total: {
      salesPerDay,
      returnsPerDay,
      returnRate: returnRateOf(salesPerDay, returnsPerDay),
      recommendedInventory: sum(products.map((p) => p.recommendedInventory)),
      models: { sales: "auto", returns: "auto" },
      wape: { sales: pooled("sales").wape, returns: pooled("returns").wape },
      fillRate: simulation?.policies[policy]?.fill_rate ?? NaN,
    },
    detailed: detailOrder(products, detailLimit),
  };
}

function worst(alerts: readonly Alert[]): Severity | undefined {
  return alerts.map((a) => a.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
}

/**
 * Products that get a detail section: all of them when they fit, otherwise those with the most
 * severe alerts and then the most volume. Shown in product order.
 */
function detailOrder(products: readonly ProductFigures[], limit: number): string[] {
  if (products.length <= limit) return products.map((p) => p.productId);
  const rank = (p: ProductFigures) => (p.worstAlert === "high" ? 0 : 1);
  const chosen = [...products]
    .sort((a, b) => rank(a) - rank(b) || b.historySales - a.historySales)
    .slice(0, limit)
    .map((p) => p.productId);
  const keep = new Set(chosen);
  return products.map((p) => p.productId).filter((id) => keep.has(id));
}

/** Returns ÷ sales; NaN ("n/a") without sales, when no rate describes what comes back. */
export function returnRateOf(sales: number, returns: number): number {
  return sales > 0 ? returns / sales : NaN;
}
