/**
 * One product's planning backtest, arranged for decisions: for every candidate model and target,
 * the error (actual − forecast) of each window's first L + R days and first L days, so the error
 * of any pair of sales and returns models at any origin is one subtraction (net demand = sales −
 * ρ · returns is linear), and the total forecast of each window's first L + R days; and at each
 * origin the forecasts of the models `auto` would have chosen that day
 * (`forecast/backtest/choice_at.ts`) — what a replayed review forecasts with. Every other
 * forecast stays in the windows (in their file, for a large run): holding every model's forecast
 * of every window took about 1.3 GB at 10,000 products.
 * @module
 */

import type { ProductSeries } from "../../data/series.ts";
import type { Target } from "../../forecast/types.ts";
import type { BacktestWindow } from "../../forecast/backtest/series.ts";
import { type ChoiceAt, choiceAt } from "../../forecast/backtest/choice_at.ts";
import { FALLBACK } from "../../forecast/registry.ts";
import { type DatasetForecast, resultOf } from "../../forecast/dataset/results.ts";
import { totalOfFirst } from "../errors/scale.ts";

/**
 * Per window of one model and target: errors of the first L + R and the first L days, and the
 * forecast total of the first L + R days.
 */
export interface WindowErrors {
  /** Σ (actual − forecast) over the first L + R days. */
  cycle: Float64Array;
  /** Σ (actual − forecast) over the first L days. */
  lead: Float64Array;
  /**
   * Σ forecast over the first L + R days ({@link totalOfFirst}; fewer in a shorter window), NaN
   * where the model has no window at the origin: the samples' demand scale.
   */
  forecastCycle: Float64Array;
}

/** The forecast a review at an origin makes: `auto`'s models that day and their means. */
export interface OriginForecast {
  models: Record<Target, string>;
  sales: Float64Array;
  returns: Float64Array;
}

/** One product's windows, paired across targets by origin. */
export interface ProductErrors {
  /** The product. */
  product: ProductSeries;
  /** L of this product (days). */
  leadTime: number;
  /** Origins (first forecast day) where both targets have windows, ascending. */
  origins: number[];
  /** Per target, per model: the errors of each origin (index into `origins`). */
  errors: Record<Target, Map<string, WindowErrors>>;
  /**
   * Per origin (index into `origins`): the models `auto` would have chosen that day and their
   * forecasts (copies, in one block, so the windows' own blocks can go back to their file);
   * undefined where either model has no window there.
   */
  originForecasts: readonly (Readonly<OriginForecast> | undefined)[];
}

/**
 * A product's error table from a dataset forecast's backtests, for lead time `leadTime` and
 * review period `reviewPeriod`.
 */
export function productErrors(
  forecast: DatasetForecast,
  product: ProductSeries,
  leadTime: number,
  reviewPeriod: number,
): ProductErrors {
  const windows = (target: Target) => resultOf(forecast, product.id, target).backtests;
  const cutoffs = (target: Target) =>
    new Set([...windows(target).values()].flatMap((list) => list.map((w) => w.cutoff)));
  const returnsCutoffs = cutoffs("returns");
  const origins = [...cutoffs("sales")].filter((c) => returnsCutoffs.has(c)).sort((a, b) => a - b)
    .map((cutoff) => cutoff + 1);
  const days = leadTime + reviewPeriod;
  const table = (target: Target) => {
    const byModel = new Map<string, WindowErrors>();
    for (const [model, list] of windows(target)) {
      if (list.length === 0) continue;
      byModel.set(model, windowErrors(list, origins, leadTime, days));
    }
    return byModel;
  };
  const fallback = FALLBACK.shortHistory[0].name;
  const choose = {
    sales: choiceAt(windows("sales"), fallback),
    returns: choiceAt(windows("returns"), fallback),
  };
  return {
    product,
    leadTime,
    origins,
    errors: { sales: table("sales"), returns: table("returns") },
    originForecasts: originForecasts(origins, windows, choose),
  };
}

/** The forecasts of the models chosen at each origin, copied into one block. */
function originForecasts(
  origins: readonly number[],
  windows: (target: Target) => ReadonlyMap<string, readonly BacktestWindow[]>,
  choose: Record<Target, ChoiceAt>,
): (OriginForecast | undefined)[] {
  const meanAt = (target: Target, model: string, origin: number) =>
    windows(target).get(model)?.findLast((w) => w.cutoff + 1 === origin)?.forecast.mean;
  const chosen = origins.map((origin) => {
    const models = { sales: choose.sales(origin), returns: choose.returns(origin) };
    const sales = meanAt("sales", models.sales, origin);
    const returns = meanAt("returns", models.returns, origin);
    return sales?.length && returns?.length ? { models, sales, returns } : undefined;
  });
  const block = new Float64Array(
    chosen.reduce((n, c) => n + (c ? c.sales.length + c.returns.length : 0), 0),
  );
  let at = 0;
  const copy = (values: Float64Array) => {
    block.set(values, at);
    return block.subarray(at, at += values.length);
  };
  return chosen.map((c) =>
    c && { models: c.models, sales: copy(c.sales), returns: copy(c.returns) }
  );
}

function windowErrors(
  list: readonly BacktestWindow[],
  origins: readonly number[],
  leadTime: number,
  days: number,
): WindowErrors {
  const byOrigin = new Map(list.map((w) => [w.cutoff + 1, w]));
  const cycle = new Float64Array(origins.length).fill(NaN);
  const lead = new Float64Array(origins.length).fill(NaN);
  const forecastCycle = new Float64Array(origins.length).fill(NaN);
  origins.forEach((origin, j) => {
    const w = byOrigin.get(origin);
    if (!w) return;
    const { forecast: { mean }, actual } = w;
    forecastCycle[j] = totalOfFirst(mean, days);
    if (actual.length < days) return;
    let c = 0;
    let l = 0;
    for (let h = 0; h < days; h++) {
      const e = actual[h] - mean[h];
      c += e;
      if (h < leadTime) l += e;
    }
    cycle[j] = c;
    lead[j] = l;
  });
  return { cycle, lead, forecastCycle };
}

/** The index of `origin` in a product's origins, or −1. */
export function originIndex(table: ProductErrors, origin: number): number {
  let lo = 0;
  let hi = table.origins.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.origins[mid] < origin) lo = mid + 1;
    else hi = mid;
  }
  return table.origins[lo] === origin ? lo : -1;
}
