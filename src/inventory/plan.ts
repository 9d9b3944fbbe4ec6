/**
 * Turns forecasts and their backtest into stock decisions per product: σ from the chosen models'
 * backtest errors, the levels of every policy, the recommended level per day under the chosen
 * one, and the order to place now when stock on hand is known.
 * @module
 */

import type { ProductSeries, SeriesSet } from "../data/series.ts";
import { lastDay } from "../data/series.ts";
import { chosenWindows, type DatasetForecast, resultOf } from "../forecast/dataset/results.ts";
import type { PolicySettings, StockLevels } from "./policies/types.ts";
import { POLICIES, type PolicyName, policyNamed } from "./policies/registry.ts";
import { safetyZ } from "./policies/stock.ts";
import { netSigmas, type NetWindow, pairWindows } from "./sigma.ts";

/** Stock on hand and on order for one product. */
export interface StockPosition {
  onHand: number;
  onOrder: number;
}

/** One product's plan. */
export interface ProductPlan {
  productId: string;
  /** The policy the recommendation follows. */
  policy: PolicyName;
  /** Safety factor z of the service level. */
  z: number;
  /** σ of the cycle (L + R) net-demand total: the forecast's own backtest error. */
  sigma: number;
  /** Levels of the chosen policy. */
  levels: StockLevels;
  /** Levels of every policy, for comparison (absent in plans read back from plan.csv). */
  byPolicy?: Record<PolicyName, StockLevels>;
  /** Day number of the first forecast day. */
  firstDay: number;
  /** Forecast sales, returns and the recommended inventory level per day. */
  daily: { sales: Float64Array; returns: Float64Array; recommended: Float64Array };
  /** The order to place now, when the stock position is known. */
  order?: StockPosition & { quantity: number };
}

/** A run's plans by product id, in the set's product order. */
export type Plans = ReadonlyMap<string, ProductPlan>;

/** A product's paired sales/returns backtest windows of its chosen models. */
export function productNetWindows(forecast: DatasetForecast, productId: string): NetWindow[] {
  return pairWindows(
    chosenWindows(resultOf(forecast, productId, "sales")),
    chosenWindows(resultOf(forecast, productId, "returns")),
  );
}

/** Plans one product. `days` is how many forecast days the daily table shows. */
function planProduct(
  product: ProductSeries,
  forecast: DatasetForecast,
  settings: PolicySettings,
  policy: PolicyName,
  days: number,
  position: StockPosition | undefined,
): ProductPlan {
  const cycle = settings.leadTime + settings.reviewPeriod;
  const sales = resultOf(forecast, product.id, "sales").forecast.mean;
  const returns = resultOf(forecast, product.id, "returns").forecast.mean;
  const scale = netSigmas(
    productNetWindows(forecast, product.id),
    settings.restockRate,
    settings.leadTime,
    cycle,
    product,
  );
  const input = { sales, returns, scale };
  const byPolicy: Record<PolicyName, StockLevels> = Object.fromEntries(
    POLICIES.map((p) => [p.id, p.levels(input, settings)]),
  );
  const levels = byPolicy[policy];
  return {
    productId: product.id,
    policy,
    z: safetyZ(settings.serviceLevel),
    sigma: scale.cycle,
    levels: { ...levels },
    byPolicy,
    firstDay: lastDay(product) + 1,
    daily: {
      sales: sales.slice(0, days),
      returns: returns.slice(0, days),
      recommended: policyNamed(policy).daily(input, settings, Math.min(days, sales.length)),
    },
    ...(position
      ? {
        order: {
          ...position,
          quantity: Math.max(0, Math.ceil(levels.orderUpTo - position.onHand - position.onOrder)),
        },
      }
      : {}),
  };
}

/** Plans every product. `days` is how many forecast days the daily table shows. */
export function planInventory(
  set: SeriesSet,
  forecast: DatasetForecast,
  settings: PolicySettings,
  policy: PolicyName,
  days: number,
  positions?: Map<string, StockPosition>,
): Map<string, ProductPlan> {
  return new Map(set.products.map((product) => [
    product.id,
    planProduct(product, forecast, settings, policy, days, positions?.get(product.id)),
  ]));
}
