/**
 * Turns forecasts and the planning backtest into stock decisions per product, on the day after
 * the data: the decision of every product (`planning/decisions.ts`: the forecast of `auto`'s
 * models, the pooled empirical distribution of their own errors), the levels of every policy,
 * the recommended level per day under the chosen one, and the order to place now when the stock
 * position is known (rounded to the order constraints).
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { type DatasetForecast, resultOf } from "../forecast/dataset/results.ts";
import type { PolicySettings, StockLevels } from "./policies/types.ts";
import { type OrderConstraint, roundOrder } from "./policies/constraints.ts";
import { POLICIES, type PolicyName, policyNamed } from "./policies/registry.ts";
import { recommendedPerDay } from "./policies/stock.ts";
import { rmsError } from "./errors/empirical.ts";
import type { ErrorDistribution } from "./errors/empirical.ts";
import type { DemandClass } from "./errors/classify.ts";
import type { PoolingInputs } from "./errors/pooling.ts";
import { decide, type Decision, type DecisionSettings } from "./planning/decisions.ts";
import type { ProductErrors } from "./planning/error_table.ts";

/** Stock on hand and on order for one product. */
export interface StockPosition {
  onHand: number;
  onOrder: number;
}

/** What large orders do to a product's safety stock (see `large_orders.ts`). */
export interface LargeOrderEffect {
  /** Order lines counted as large over the history. */
  lines: number;
  /** Their units per year. */
  unitsPerYear: number;
  /** Safety stock they cause under the run's policy. */
  safetyStock: number;
  /** Holding cost of that stock per year. */
  holdingPerYear: number;
}

/** What a product's error distribution rests on. */
export interface ErrorBasis {
  /** Error samples of the product's own. */
  samples: number;
  /** Weight of the pooled samples of similar products (1 − Z). */
  poolWeight: number;
  /** SBC demand class of the history. */
  demandClass: DemandClass | "";
  /** Root-mean-square of the (L + R)-day errors (today's σ, for comparison). */
  sigma: number;
}

/** One product's plan. */
export interface ProductPlan {
  productId: string;
  /** The policy the recommendation follows. */
  policy: PolicyName;
  /** L of this product (days). */
  leadTime: number;
  /** Levels of the chosen policy. */
  levels: StockLevels;
  /** Levels of every policy, for comparison (absent in plans read back from plan.csv). */
  byPolicy?: Record<PolicyName, StockLevels>;
  /** What the error distribution rests on. */
  basis: ErrorBasis;
  /** The distribution itself (absent in plans read back). */
  errors?: ErrorDistribution;
  /** What `errors` was pooled from, when the pool is shared by the product's whole group. */
  pooling?: PoolingInputs;
  /** Day number of the first forecast day. */
  firstDay: number;
  /** Forecast sales, returns and the recommended inventory level per day. */
  daily: { sales: Float64Array; returns: Float64Array; recommended: Float64Array };
  /** Case pack and minimum order, when the product has them. */
  constraint?: OrderConstraint;
  /** The order to place now, when the stock position is known. */
  order?: StockPosition & { quantity: number };
  /** What large orders cause, when the data has order lines. */
  large?: LargeOrderEffect;
}

/** A run's plans by product id, in the set's product order. */
export type Plans = ReadonlyMap<string, ProductPlan>;

/** The inputs of planning. */
export interface PlanInputs {
  set: SeriesSet;
  forecast: DatasetForecast;
  tables: readonly ProductErrors[];
  settings: PolicySettings;
  decisions: DecisionSettings;
  policy: PolicyName;
  /** Forecast days the daily table shows. */
  days: number;
  positions?: ReadonlyMap<string, StockPosition>;
  constraints?: ReadonlyMap<string, OrderConstraint>;
}

/** Each product's decision on the day after the data, with `auto`'s models and forecasts. */
export function finalDecisions(inputs: PlanInputs): Map<number, Decision> {
  const day = Math.max(...inputs.set.products.map((p) => p.start + p.sales.length));
  return decide(inputs.tables, day, (i) => {
    const id = inputs.tables[i].product.id;
    const sales = resultOf(inputs.forecast, id, "sales");
    const returns = resultOf(inputs.forecast, id, "returns");
    return {
      models: { sales: sales.model, returns: returns.model },
      sales: sales.forecast.mean,
      returns: returns.forecast.mean,
    };
  }, inputs.decisions);
}

/** Plans every product. */
export function planInventory(
  inputs: PlanInputs,
  decisions: Map<number, Decision> = finalDecisions(inputs),
): Map<string, ProductPlan> {
  const plans = new Map<string, ProductPlan>();
  inputs.tables.forEach((table, i) => {
    const product = table.product;
    const decision = decisions.get(i)!;
    const settings = { ...inputs.settings, leadTime: table.leadTime };
    const constraint = inputs.constraints?.get(product.id);
    const at = inputs.positions?.get(product.id);
    const position = at ? at.onHand + at.onOrder : undefined;
    const review = {
      forecast: decision.forecast,
      errors: decision.errors,
      ...(position !== undefined ? { position } : {}),
      ...(constraint ? { constraint } : {}),
    };
    const byPolicy: Record<PolicyName, StockLevels> = Object.fromEntries(
      POLICIES.map((p) => [p.id, p.levels(review, settings)]),
    );
    const policy = policyNamed(inputs.policy);
    const levels = byPolicy[policy.id];
    const sales = resultOf(inputs.forecast, product.id, "sales").forecast.mean;
    const returns = resultOf(inputs.forecast, product.id, "returns").forecast.mean;
    const days = Math.min(inputs.days, sales.length);
    const recommended = recommendedPerDay(policy, sales, returns, settings, decision.errors, days);
    plans.set(product.id, {
      productId: product.id,
      policy: policy.id,
      leadTime: table.leadTime,
      levels: { ...levels },
      byPolicy,
      basis: {
        samples: decision.ownSamples,
        poolWeight: decision.poolWeight,
        demandClass: decision.demandClass,
        sigma: rmsError(decision.errors),
      },
      errors: decision.errors,
      ...(decision.pooling ? { pooling: decision.pooling } : {}),
      firstDay: product.start + product.sales.length,
      daily: { sales: sales.slice(0, days), returns: returns.slice(0, days), recommended },
      ...(constraint ? { constraint } : {}),
      ...(at
        ? {
          order: {
            ...at,
            quantity: roundOrder(levels.orderUpTo - at.onHand - at.onOrder, constraint),
          },
        }
        : {}),
    });
  });
  return plans;
}
