/**
 * A dataset's forecasts, keyed by product and target: one {@link TargetResult} each (the model
 * used and why, its forecast, the backtest windows of every candidate), found through one key
 * helper, {@link resultKey} — no scans over parallel arrays. Iteration order is the set's product
 * order, sales before returns, and within a result the candidates in the order they were asked:
 * the order every output file is written in.
 * @module
 */

import type { Forecast, Target } from "../types.ts";
import type { BacktestPlan } from "../backtest/plan.ts";
import type { BacktestWindow, SeriesBacktest } from "../backtest/series.ts";
import { resultKey } from "../keys.ts";

/** Sales, then returns: the order of targets everywhere. */
export const TARGETS: readonly Target[] = ["sales", "returns"];

export { byCutoff, resultKey } from "../keys.ts";

/** Where a computed forecast came from (absent in results read back from files). */
export interface ForecastSource {
  /** `fitted` (a baseline), `trained` (a network trained now) or `loaded` (a saved one reused). */
  source: "fitted" | "trained" | "loaded";
  /** Network training summary, when there is one. */
  training?: { epochs: number; bestEpoch: number; bestValLoss: number; seconds: number };
}

/** One product and target: the model used and why, the forecast, and the backtests behind it. */
export interface TargetResult {
  /** Product id. */
  readonly productId: string;
  /** Sales or returns. */
  readonly target: Target;
  /** The model used. */
  readonly model: string;
  /** Why this model (auto's choice, or `--model`). */
  readonly reason: string;
  /** Day number of the first forecast day. */
  readonly firstDay: number;
  /** The forecast from the day after the history. */
  readonly forecast: Forecast;
  /** Backtest windows of every candidate, by model in the order asked (empty without one). */
  readonly backtests: ReadonlyMap<string, BacktestWindow[]>;
  /** How the forecast was made (computed runs only). */
  readonly made?: ForecastSource;
}

/** A dataset's forecasts: one result per product and target, and the backtest plan behind them. */
export interface DatasetForecast {
  /** By {@link resultKey}, in product order, sales before returns. */
  readonly results: ReadonlyMap<string, TargetResult>;
  /** The backtest behind `auto` (absent for a single model). */
  readonly backtest?: { readonly plan: BacktestPlan };
  /** With `networksOnly`: the global models whose final networks were trained (or loaded). */
  readonly trained?: readonly string[];
}

/** The result of a product and target; a RangeError when the forecast has none. */
export function resultOf(
  forecast: DatasetForecast,
  productId: string,
  target: Target,
): TargetResult {
  const result = forecast.results.get(resultKey(productId, target));
  if (!result) {
    throw new RangeError(`No ${target} forecast for product ${JSON.stringify(productId)}`);
  }
  return result;
}

/** The backtest windows of the model a result uses (none without a backtest). */
export function chosenWindows(result: TargetResult | undefined): BacktestWindow[] {
  return result?.backtests.get(result.model) ?? [];
}

/** Every backtest as one list: product, target (sales first), the candidates in order. */
export function backtestSeries(forecast: DatasetForecast): SeriesBacktest[] {
  const series: SeriesBacktest[] = [];
  for (const result of forecast.results.values()) {
    for (const [model, windows] of result.backtests) {
      series.push({ productId: result.productId, target: result.target, model, windows });
    }
  }
  return series;
}

/** Backtests grouped by product and target ({@link resultKey}), then by model, in input order. */
export function groupBacktests(
  series: readonly SeriesBacktest[],
): Map<string, Map<string, BacktestWindow[]>> {
  const groups = new Map<string, Map<string, BacktestWindow[]>>();
  for (const entry of series) {
    const key = resultKey(entry.productId, entry.target);
    let byModel = groups.get(key);
    if (!byModel) groups.set(key, byModel = new Map());
    byModel.set(entry.model, entry.windows);
  }
  return groups;
}
