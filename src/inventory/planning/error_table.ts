/**
 * One product's planning backtest, arranged for decisions: for every candidate model and target,
 * the error (actual − forecast) of each window's first L + R days and first L days, so the error
 * of any pair of sales and returns models at any origin is one subtraction (net demand = sales −
 * ρ · returns is linear); and `auto`'s choice as it could have been made on any day
 * (`forecast/backtest/choice_at.ts`).
 * @module
 */

import type { ProductSeries } from "../../data/series.ts";
import type { Target } from "../../forecast/types.ts";
import type { BacktestWindow } from "../../forecast/backtest/series.ts";
import { type ChoiceAt, choiceAt } from "../../forecast/backtest/choice_at.ts";
import { FALLBACK } from "../../forecast/registry.ts";
import { type DatasetForecast, resultOf } from "../../forecast/dataset/results.ts";

/** Per window of one model and target: errors of the first L + R and the first L days. */
export interface WindowErrors {
  /** Σ (actual − forecast) over the first L + R days. */
  cycle: Float64Array;
  /** Σ (actual − forecast) over the first L days. */
  lead: Float64Array;
  /**
   * The forecast mean of the window at origin `j` (empty where there is none): the decision at
   * an origin reads it. Copied out of the windows into one block, so the windows' own blocks
   * (their bounds and actuals too, which a view would keep alive) can go back to their file.
   */
  meanAt(j: number): Float64Array;
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
  /** Per target: the model `auto` would choose before a day. */
  choose: Record<Target, ChoiceAt>;
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
  return {
    product,
    leadTime,
    origins,
    errors: { sales: table("sales"), returns: table("returns") },
    choose: {
      sales: choiceAt(windows("sales"), fallback),
      returns: choiceAt(windows("returns"), fallback),
    },
  };
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
  const found = origins.map((origin) => byOrigin.get(origin));
  const ends = new Int32Array(origins.length + 1);
  found.forEach((w, j) => ends[j + 1] = ends[j] + (w?.actual.length ?? 0));
  const means = new Float64Array(ends[origins.length]);
  found.forEach((w, j) => {
    if (!w) return;
    const { forecast: { mean }, actual } = w;
    means.set(mean, ends[j]);
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
  return { cycle, lead, meanAt: (j) => means.subarray(ends[j], ends[j + 1]) };
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
