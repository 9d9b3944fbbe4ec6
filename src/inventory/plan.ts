/**
 * Turns forecasts and their backtest into stock decisions per product: σ from the chosen models'
 * backtest errors, service-level and multiplier stock levels, the recommended level per day, and
 * the order to place now when stock on hand is known.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { lastDay } from "../data/series.ts";
import type { DatasetForecast } from "../forecast/pipeline.ts";
import type { BacktestResult } from "../forecast/backtest/run.ts";
import type { BacktestWindow } from "../forecast/backtest/series.ts";
import type { Target } from "../forecast/types.ts";
import {
  dailyRecommendation,
  multiplierStock,
  type PolicyName,
  type PolicySettings,
  safetyZ,
  serviceLevelStock,
  type StockLevels,
} from "./policy.ts";
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
  /** Levels of both policies, for comparison (absent in plans read back from plan.csv). */
  byPolicy?: Record<PolicyName, StockLevels>;
  /** Day number of the first forecast day. */
  firstDay: number;
  /** Forecast sales, returns and the recommended inventory level per day. */
  daily: { sales: Float64Array; returns: Float64Array; recommended: Float64Array };
  /** The order to place now, when the stock position is known. */
  order?: StockPosition & { quantity: number };
}

/** The four stock levels of a policy result (without its extras). */
function levelsOnly(levels: StockLevels): StockLevels {
  const { expectedNetDemand, safetyStock, reorderPoint, orderUpTo } = levels;
  return { expectedNetDemand, safetyStock, reorderPoint, orderUpTo };
}

/** The backtest windows of the model chosen for a product and target. */
export function chosenWindows(
  backtest: BacktestResult | undefined,
  productId: string,
  target: Target,
  model: string,
): BacktestWindow[] {
  return backtest?.series.find((s) =>
    s.productId === productId && s.target === target && s.model === model
  )
    ?.windows ?? [];
}

/** A product's paired sales/returns windows of its chosen models. */
export function productNetWindows(forecast: DatasetForecast, productId: string): NetWindow[] {
  const model = (target: Target) =>
    forecast.reasons.find((r) => r.productId === productId && r.target === target)!.model;
  return pairWindows(
    chosenWindows(forecast.backtest, productId, "sales", model("sales")),
    chosenWindows(forecast.backtest, productId, "returns", model("returns")),
  );
}

/** Plans every product. `days` is how many forecast days the daily table shows. */
export function planInventory(
  set: SeriesSet,
  forecast: DatasetForecast,
  settings: PolicySettings,
  policy: PolicyName,
  days: number,
  positions?: Map<string, StockPosition>,
): ProductPlan[] {
  const cycle = settings.leadTime + settings.reviewPeriod;
  return set.products.map((product) => {
    const table = (target: Target) =>
      forecast.tables.find((t) => t.productId === product.id && t.target === target)!;
    const sales = table("sales").forecast.mean;
    const returns = table("returns").forecast.mean;
    const errorScale = netSigmas(
      productNetWindows(forecast, product.id),
      settings.restockRate,
      settings.leadTime,
      cycle,
      product,
    );
    const serviceLevel = serviceLevelStock(sales, returns, errorScale, settings);
    const byPolicy: Record<PolicyName, StockLevels> = {
      "service-level": levelsOnly(serviceLevel),
      "multiplier": multiplierStock(sales, returns, settings),
    };
    const levels = byPolicy[policy];
    const position = positions?.get(product.id);
    return {
      productId: product.id,
      policy,
      z: safetyZ(settings.serviceLevel),
      sigma: serviceLevel.sigma,
      levels: { ...levels },
      byPolicy,
      firstDay: lastDay(product) + 1,
      daily: {
        sales: sales.slice(0, days),
        returns: returns.slice(0, days),
        recommended: dailyRecommendation(
          policy,
          sales,
          returns,
          errorScale,
          settings,
          Math.min(days, sales.length),
        ),
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
  });
}
