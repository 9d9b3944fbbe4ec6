/**
 * Forecast accuracy in real units: MAE, RMSE, WAPE (daily and of 7-day totals), MASE and RMSSE
 * (scaled by the in-sample weekly seasonal-naive error), bias (Σ(forecast − actual) / Σ actual)
 * and the coverage of the 80 % and 95 % intervals. Closed days are not scored.
 * @module
 */

import type { Forecast } from "./types.ts";

/** Mean absolute and mean squared in-sample errors of the weekly seasonal-naive forecast. */
export interface NaiveScales {
  /** Mean |y(t) − y(t−7)|. */
  mae: number;
  /** Mean (y(t) − y(t−7))². */
  mse: number;
}

/** The metrics of one set of forecasts. */
export interface Metrics {
  /** Mean absolute error (units/day). */
  mae: number;
  /** Root mean squared error (units/day). */
  rmse: number;
  /** Σ|error| / Σ actual. */
  wape: number;
  /** WAPE of 7-day totals. */
  wape_week: number;
  /** MAE ÷ in-sample seasonal-naive MAE. */
  mase: number;
  /** √(MSE ÷ in-sample seasonal-naive MSE). */
  rmsse: number;
  /** Σ(forecast − actual) / Σ actual: > 0 over-forecasts. */
  bias: number;
  /** Share of actuals inside the 80 % interval. */
  coverage80: number;
  /** Share of actuals inside the 95 % interval. */
  coverage95: number;
  /** Days scored. */
  days: number;
}

/**
 * The scales of a history, counted from its first non-zero day as in the M5 competition (days
 * before a product was launched say nothing about its error); falls back to the mean level, then
 * 1, for flat or empty series.
 */
export function naiveScales(values: Float64Array): NaiveScales {
  let first = 0;
  while (first < values.length && values[first] === 0) first++;
  let abs = 0;
  let sq = 0;
  let count = 0;
  for (let t = first + 7; t < values.length; t++) {
    const d = values[t] - values[t - 7];
    abs += Math.abs(d);
    sq += d * d;
    count++;
  }
  if (count > 0 && abs > 0) return { mae: abs / count, mse: sq / count };
  const level = values.reduce((a, b) => a + Math.abs(b), 0) / Math.max(1, values.length);
  return level > 0 ? { mae: level, mse: level * level } : { mae: 1, mse: 1 };
}

/** One scored window: forecast, actuals, open days and scales. */
export interface ScoredWindow {
  forecast: Forecast;
  actual: Float64Array;
  open?: Uint8Array;
  scales: NaiveScales;
}

/** Running sums from which {@link Metrics} are computed; add windows, then finish. */
export class MetricsAccumulator {
  #abs = 0;
  #sq = 0;
  #actual = 0;
  #signed = 0;
  #weekAbs = 0;
  #weekActual = 0;
  #scaledAbs = 0;
  #scaledSq = 0;
  #in80 = 0;
  #in95 = 0;
  #days = 0;

  /** Adds the open days of a window. */
  add(window: ScoredWindow): this {
    const { forecast, actual, open, scales } = window;
    const horizon = actual.length;
    const block = horizon >= 7 ? 7 : horizon;
    for (let start = 0; start + block <= horizon; start += block) {
      let weekError = 0;
      let weekActual = 0;
      for (let h = start; h < start + block; h++) {
        if (open && !open[h]) continue;
        weekError += forecast.mean[h] - actual[h];
        weekActual += actual[h];
      }
      this.#weekAbs += Math.abs(weekError);
      this.#weekActual += weekActual;
    }
    for (let h = 0; h < horizon; h++) {
      if (open && !open[h]) continue;
      const error = forecast.mean[h] - actual[h];
      this.#abs += Math.abs(error);
      this.#sq += error * error;
      this.#signed += error;
      this.#actual += actual[h];
      this.#scaledAbs += Math.abs(error) / scales.mae;
      this.#scaledSq += error * error / scales.mse;
      if (actual[h] >= forecast.lo80[h] && actual[h] <= forecast.hi80[h]) this.#in80++;
      if (actual[h] >= forecast.lo95[h] && actual[h] <= forecast.hi95[h]) this.#in95++;
      this.#days++;
    }
    return this;
  }

  /** The metrics of everything added (zeros when nothing was). */
  finish(): Metrics {
    const days = Math.max(1, this.#days);
    const ratio = (a: number, b: number) => (b > 0 ? a / b : a > 0 ? Infinity : 0);
    return {
      mae: this.#abs / days,
      rmse: Math.sqrt(this.#sq / days),
      wape: ratio(this.#abs, this.#actual),
      wape_week: ratio(this.#weekAbs, this.#weekActual),
      mase: this.#scaledAbs / days,
      rmsse: Math.sqrt(this.#scaledSq / days),
      bias: ratio(this.#signed, this.#actual),
      coverage80: this.#in80 / days,
      coverage95: this.#in95 / days,
      days: this.#days,
    };
  }
}

/** Metrics of a list of windows. */
export function metricsOf(windows: readonly ScoredWindow[]): Metrics {
  const accumulator = new MetricsAccumulator();
  for (const window of windows) accumulator.add(window);
  return accumulator.finish();
}

/**
 * A window's scaled squared errors on its open days, in day order: what {@link pooledRmsse} sums
 * (a caller pooling the same windows many times keeps them).
 */
export function squaredErrors(window: ScoredWindow): Float64Array {
  const { forecast, actual, open, scales } = window;
  const terms = new Float64Array(actual.length);
  let days = 0;
  for (let h = 0; h < actual.length; h++) {
    if (open && !open[h]) continue;
    const error = forecast.mean[h] - actual[h];
    terms[days++] = error * error / scales.mse;
  }
  return days === terms.length ? terms : terms.slice(0, days);
}

/**
 * The pooled RMSSE alone, as {@link pooledMetrics} computes it (the same sums in the same order,
 * so the same number), without the other metrics' work.
 */
export function pooledRmsse(perSeries: readonly ScoredWindow[][]): number {
  let rmsse = 0;
  let counted = 0;
  for (const windows of perSeries) {
    let scaledSq = 0;
    let days = 0;
    for (const window of windows) {
      const terms = squaredErrors(window);
      for (let k = 0; k < terms.length; k++) scaledSq += terms[k];
      days += terms.length;
    }
    if (days === 0) continue;
    rmsse += Math.sqrt(scaledSq / days);
    counted++;
  }
  return rmsse / Math.max(1, counted);
}

/**
 * Pools per-series metrics: errors summed over all days (MAE, RMSE, WAPE, bias, coverage), and
 * MASE and RMSSE averaged over the series (each series weighs the same, as in the M5 contest).
 */
export function pooledMetrics(perSeries: readonly ScoredWindow[][]): Metrics {
  const all = new MetricsAccumulator();
  let mase = 0;
  let rmsse = 0;
  let counted = 0;
  for (const windows of perSeries) {
    if (windows.length === 0) continue;
    for (const window of windows) all.add(window);
    const own = metricsOf(windows);
    if (own.days === 0) continue;
    mase += own.mase;
    rmsse += own.rmsse;
    counted++;
  }
  const pooled = all.finish();
  return { ...pooled, mase: mase / Math.max(1, counted), rmsse: rmsse / Math.max(1, counted) };
}
