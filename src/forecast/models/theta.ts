/**
 * `theta`: the Theta method (Assimakopoulos & Nikolopoulos 2000, the M3 winner), in the form of
 * Hyndman & Billah (2003) that R's `forecast::thetaf`, statsforecast's `Theta` and statsmodels'
 * `ThetaModel` implement: simple exponential smoothing with a drift of half the least-squares
 * slope (θ = 2), on the series seasonally adjusted by a classical multiplicative decomposition
 * when the season is significant (the A&N test on the lag-`season` autocorrelation at 90 %).
 *
 * Days whose seasonal index is 0 (a weekday the shop is always closed, or one that never sells)
 * cannot be adjusted by division: they are left out of the smoothed sequence and forecast 0.
 * Like `ets`, it fits on the last year; the smoothing constant is fitted once, the season, level
 * and drift are re-read from each forecast origin.
 * @module
 */

import { BASELINE, type ForecastModel, type SeriesContext } from "../types.ts";

/** Parameters of {@link theta}. */
export interface ThetaParameters {
  /** The θ coefficient: the drift is (1 − 1/θ) × the least-squares slope (2: the standard). */
  theta: number;
  /** Days in the season, odd (7: weekly). */
  season: number;
  /** Fits and filters over at most this many recent days. */
  fitDays: number;
}

/** The standard method (θ = 2) on a weekly season, fitted on the last year. */
export const STANDARD_THETA: ThetaParameters = { theta: 2, season: 7, fitDays: 365 };

/** One-sided 90 % normal quantile of the seasonality test (as in `thetaf`). */
const SEASONALITY_Z = 1.6449;
/** A seasonal index below this is a day without demand (left out, forecast 0). */
const EMPTY_INDEX = 1e-6;

/** What the decomposition and the smoother say at an origin. */
export interface ThetaState {
  /** Multiplicative indices by position in the span modulo the season (all 1 if not seasonal). */
  season: Float64Array;
  /** Smoothed level after the last adjusted day. */
  level: number;
  /** Least-squares slope of the adjusted series per adjusted day. */
  slope: number;
  /** Number of adjusted days smoothed. */
  steps: number;
}

/** Autocorrelations at lags 1…maxLag. */
function autocorrelations(y: Float64Array, maxLag: number): Float64Array {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t] / n;
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (y[t] - mean) ** 2;
  const r = new Float64Array(maxLag + 1);
  if (!(denominator > 0)) return r;
  for (let k = 1; k <= maxLag; k++) {
    let total = 0;
    for (let t = k; t < n; t++) total += (y[t] - mean) * (y[t - k] - mean);
    r[k] = total / denominator;
  }
  return r;
}

/** The Assimakopoulos–Nikolopoulos test: is the lag-`season` autocorrelation significant? */
export function isSeasonal(y: Float64Array, season = 7): boolean {
  const n = y.length;
  if (n <= 2 * season) return false;
  const r = autocorrelations(y, season);
  let sum = 0;
  for (let k = 1; k < season; k++) sum += r[k] * r[k];
  const limit = SEASONALITY_Z * Math.sqrt((1 + 2 * sum) / n);
  return Math.abs(r[season]) > limit;
}

/**
 * Classical multiplicative decomposition: the ratio of each day to the centred moving average
 * over one (odd) season, averaged per position modulo the season and normalised to mean 1.
 * Positions without a usable ratio get 1; positions that never sell get 0.
 */
export function seasonalIndices(y: Float64Array, season = 7): Float64Array {
  const half = season >> 1;
  const totals = new Float64Array(season);
  const counts = new Float64Array(season);
  let window = 0;
  for (let t = 0; t < Math.min(season, y.length); t++) window += y[t];
  for (let t = half; t + half < y.length; t++) {
    if (t > half) window += y[t + half] - y[t - half - 1];
    const average = window / season;
    if (!(average > 0)) continue;
    totals[t % season] += y[t] / average;
    counts[t % season]++;
  }
  const indices = totals.map((total, s) => (counts[s] > 0 ? total / counts[s] : 1));
  const mean = indices.reduce((a, b) => a + b, 0) / season;
  return mean > 0 ? indices.map((v) => v / mean) : new Float64Array(season).fill(1);
}

/** The adjusted series: values ÷ their seasonal index, days with an index of 0 left out. */
function adjusted(y: Float64Array, season: Float64Array): Float64Array {
  const out: number[] = [];
  for (let t = 0; t < y.length; t++) {
    const index = season[t % season.length];
    if (index > EMPTY_INDEX) out.push(y[t] / index);
  }
  return Float64Array.from(out);
}

/** SES filter from the first season's mean: the level after the last value and the SSE. */
function smooth(z: Float64Array, alpha: number, season: number): { level: number; sse: number } {
  if (z.length === 0) return { level: 0, sse: 0 };
  let level = 0;
  const start = Math.min(season, z.length);
  for (let t = 0; t < start; t++) level += z[t] / start;
  let sse = 0;
  for (let t = 0; t < z.length; t++) {
    const error = z[t] - level;
    sse += error * error;
    level += alpha * error;
  }
  return { level, sse };
}

/** Least-squares slope of z against 0…n−1. */
function slopeOf(z: Float64Array): number {
  const n = z.length;
  if (n < 2) return 0;
  const tMean = (n - 1) / 2;
  let zMean = 0;
  for (let t = 0; t < n; t++) zMean += z[t] / n;
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t++) {
    num += (t - tMean) * (z[t] - zMean);
    den += (t - tMean) ** 2;
  }
  return den > 0 ? num / den : 0;
}

/** The last `fitDays` values, their seasonal indices and the adjusted series. */
function decompose(values: Float64Array, p: ThetaParameters) {
  const y = values.subarray(Math.max(0, values.length - p.fitDays));
  const season = isSeasonal(y, p.season)
    ? seasonalIndices(y, p.season)
    : new Float64Array(p.season).fill(1);
  return { y, season, z: adjusted(y, season) };
}

/** Season, level and drift of the recent `values` with smoothing constant `alpha`. */
export function thetaState(
  values: Float64Array,
  alpha: number,
  p: ThetaParameters = STANDARD_THETA,
): ThetaState {
  const { season, z } = decompose(values, p);
  return { season, level: smooth(z, alpha, p.season).level, slope: slopeOf(z), steps: z.length };
}

/** The SES constant that minimises the one-step squared errors (golden-section search). */
export function fitThetaAlpha(values: Float64Array, p: ThetaParameters = STANDARD_THETA): number {
  const { z } = decompose(values, p);
  if (z.length < 2) return 0.5;
  const sse = (alpha: number) => smooth(z, alpha, p.season).sse;
  let low = 0.01;
  let high = 0.99;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let fa = sse(a);
  let fb = sse(b);
  for (let i = 0; i < 40; i++) {
    if (fa <= fb) {
      [high, b, fb] = [b, a, fa];
      a = high - ratio * (high - low);
      fa = sse(a);
    } else {
      [low, a, fa] = [a, b, fb];
      b = low + ratio * (high - low);
      fb = sse(b);
    }
  }
  return (low + high) / 2;
}

/**
 * The Theta forecast for `horizon` days after `values`: level + (1 − 1/θ)·slope·(k − 1 +
 * (1 − (1 − α)ⁿ)/α) at the k-th adjusted day ahead, times the seasonal index (0 on empty days).
 */
export function thetaForecast(
  values: Float64Array,
  alpha: number,
  horizon: number,
  p: ThetaParameters = STANDARD_THETA,
): Float64Array {
  const n = Math.min(values.length, p.fitDays);
  const { season, level, slope, steps } = thetaState(values, alpha, p);
  const drift = (1 - 1 / p.theta) * slope;
  const offset = (1 - Math.pow(1 - alpha, steps)) / alpha;
  const forecast = new Float64Array(horizon);
  let k = 0;
  for (let h = 0; h < horizon; h++) {
    const index = season[(n + h) % p.season];
    if (!(index > EMPTY_INDEX)) continue;
    k++;
    forecast[h] = Math.max(0, (level + drift * (k - 1 + offset)) * index);
  }
  return forecast;
}

/** A Theta model named `name`: α fitted once, the rest re-read at each origin. */
export function theta(name: string, parameters: ThetaParameters): ForecastModel {
  if (!(parameters.season >= 1 && parameters.season % 2 === 1)) {
    throw new RangeError(`Cannot make ${name}: the season must be odd, got ${parameters.season}`);
  }
  return {
    ...BASELINE,
    name,
    description: `Theta method: SES with drift (θ = ${parameters.theta}) on the ` +
      `${parameters.season === 7 ? "weekly" : `${parameters.season}-day`}-adjusted series ` +
      "(classical multiplicative decomposition when the season is significant)",
    minHistory: 2 * parameters.season,
    targets: ["sales", "returns"],
    fit(history: SeriesContext) {
      const alpha = fitThetaAlpha(history.values, parameters);
      return {
        model: name,
        predict: (context: SeriesContext, horizon: number) =>
          thetaForecast(context.values, alpha, horizon, parameters),
      };
    },
  };
}
