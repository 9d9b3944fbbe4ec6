/**
 * `lag` (returns only): returns follow sales. returns(t) ≈ Σₖ cₖ · sales(t − k) over lags
 * k = 0…K, the cₖ ≥ 0 estimated by non-negative least squares from the history — their sum is
 * the return rate, their shape the delay, neither typed in. Isolated return spikes (a cancelled
 * wholesale order) are capped first. Where one product's returns are too sparse to tell their own
 * delay, the fit leans on the lag shape pooled over all products (a ridge towards it worth 20
 * days of data). Future days use the sales forecast (or a 28-day moving average of sales).
 * @module
 */

import { BASELINE, type ForecastModel, type SeriesContext } from "../types.ts";
import { laggedNormalEquations, nnls } from "../../util/nnls.ts";
import { MA28, movingAverageForecast } from "./moving_average.ts";

/** Longest lag considered (days). */
const MAX_LAG = 60;
/** Weight of the pooled shape, in days of data. */
const PRIOR_DAYS = 20;
/** A day above this many times the median non-zero day is an outlier... */
const OUTLIER_FACTOR = 3;
/** ...unless it is below this quantile of the non-zero days. */
const OUTLIER_QUANTILE = 0.95;

/** What the history says about the return process. */
export interface ReturnLag {
  /** Units returned per unit sold (Σ cₖ, at most 1). */
  rate: number;
  /** cₖ: returns per unit sold k days earlier, k = 0…K. */
  weights: Float64Array;
  /** The lag with the largest weight (days). */
  modeLag: number;
  /** The lag by which half of the returns are back (days). */
  medianLag: number;
}

/** The longest lag worth estimating from `days` days of history: a quarter of it, 7 to 60. */
export function maxLagFor(days: number): number {
  return Math.max(7, Math.min(MAX_LAG, Math.floor(days / 4)));
}

/**
 * Caps outliers: values above 3 × the median non-zero value (or above the non-zero values' 95th
 * percentile, whichever is higher) are set to that cap. All-zero series come back as they are.
 */
export function capOutliers(series: Float64Array): Float64Array {
  const positive = series.filter((v) => v > 0).sort();
  if (positive.length === 0) return series;
  const median = positive[(positive.length - 1) >> 1];
  const quantile = positive[Math.floor(OUTLIER_QUANTILE * (positive.length - 1))];
  const cap = Math.max(OUTLIER_FACTOR * median, quantile);
  return series.map((v) => Math.min(v, cap));
}

/** The lag by which the cumulative shape reaches half (0 for an empty shape). */
export function medianOfShape(shape: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k < shape.length; k++) total += shape[k];
  if (!(total > 0)) return 0;
  let cumulative = 0;
  for (let k = 0; k < shape.length; k++) {
    cumulative += shape[k];
    if (cumulative >= total / 2 - 1e-12) return k;
  }
  return shape.length - 1;
}

function modeOf(weights: Float64Array): number {
  let best = 0;
  for (let k = 1; k < weights.length; k++) if (weights[k] > weights[best]) best = k;
  return best;
}

function normalised(weights: Float64Array): Float64Array | undefined {
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0 ? weights.map((w) => w / total) : undefined;
}

/** Options of {@link fitReturnLag}. */
export interface ReturnLagOptions {
  /** Longest lag (days). @default maxLagFor(days) */
  maxLag?: number;
  /** A lag shape (summing to 1) to lean on, e.g. pooled over all products. */
  prior?: Float64Array;
}

/** Estimates the return process of one product from its daily sales and returns. */
export function fitReturnLag(
  sales: Float64Array,
  returns: Float64Array,
  options: ReturnLagOptions = {},
): ReturnLag {
  const size = Math.min(options.maxLag ?? maxLagFor(sales.length), Math.max(0, sales.length - 1)) +
    1;
  const { gram, xy } = laggedNormalEquations(sales, capOutliers(returns), size);
  const rows = Math.max(1, sales.length - size + 1);
  let ridge = 0;
  let prior: Float64Array | undefined;
  if (options.prior) {
    let totalSales = 0;
    let totalReturns = 0;
    for (let t = 0; t < sales.length; t++) {
      totalSales += sales[t];
      totalReturns += returns[t];
    }
    const rate = totalSales > 0 ? Math.min(1, totalReturns / totalSales) : 0;
    let trace = 0;
    for (let k = 0; k < size; k++) trace += gram[k * size + k];
    ridge = PRIOR_DAYS * trace / (size * rows);
    prior = Float64Array.from({ length: size }, (_, k) => rate * (options.prior![k] ?? 0));
  }
  const weights = nnls(gram, xy, ridge, prior, 2000);
  const rate = weights.reduce((a, b) => a + b, 0);
  if (rate > 1) weights.forEach((w, k) => (weights[k] = w / rate));
  return {
    rate: Math.min(1, rate),
    weights,
    modeLag: rate > 0 ? modeOf(weights) : 0,
    medianLag: medianOfShape(weights),
  };
}

/**
 * The lag shape (weights over lags 0…maxLag, summing to 1) of many products together: their
 * normal equations are summed, so busy products count for more. Undefined without any returns.
 */
export function pooledLagShape(
  products: readonly { sales: Float64Array; returns: Float64Array }[],
  maxLag: number,
): Float64Array | undefined {
  const size = maxLag + 1;
  const gram = new Float64Array(size * size);
  const xy = new Float64Array(size);
  for (const product of products) {
    laggedNormalEquations(product.sales, capOutliers(product.returns), size, gram, xy);
  }
  return normalised(nnls(gram, xy, 0, undefined, 2000));
}

/** Sales at day index i of a context: history, then the sales forecast. */
function salesReader(context: SeriesContext, horizon: number): (i: number) => number {
  const n = context.sales.length;
  const future = context.futureSales && context.futureSales.length >= horizon
    ? context.futureSales
    : movingAverageForecast(context.sales, context.start, horizon, MA28);
  return (i: number) => (i < n ? context.sales[i] : future[i - n] ?? 0);
}

/** A distributed-lag returns model named `name`: it reads the sales forecast of each window. */
export function distributedLag(name: string): ForecastModel {
  return {
    ...BASELINE,
    needsSalesForecast: true,
    name,
    description: "returns = Σₖ cₖ · sales(t − k), rate and lag weights estimated from the history",
    minHistory: 28,
    targets: ["returns"],
    fit(history: SeriesContext) {
      const { weights } = fitReturnLag(history.sales, history.values, {
        ...(history.returnLagShape ? { prior: history.returnLagShape } : {}),
      });
      return {
        model: name,
        predict(context: SeriesContext, horizon: number) {
          const salesAt = salesReader(context, horizon);
          const n = context.values.length;
          const forecast = new Float64Array(horizon);
          for (let h = 0; h < horizon; h++) {
            let total = 0;
            for (let k = 0; k < weights.length; k++) {
              if (n + h - k >= 0) total += weights[k] * salesAt(n + h - k);
            }
            forecast[h] = total;
          }
          return forecast;
        },
      };
    },
  };
}
