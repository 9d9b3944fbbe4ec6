/**
 * `ets`: Holt–Winters exponential smoothing with an additive damped trend and an additive weekly
 * season (ETS(A,Ad,A)), its four smoothing parameters fitted by minimising the squared one-step
 * errors over the last year of history (Nelder–Mead on a bounded transform).
 * @module
 */

import type { ForecastModel, SeriesContext } from "../types.ts";
import { nelderMead } from "../../util/nelder_mead.ts";

/** Days in the season. */
const SEASON = 7;
/** Fits and filters over at most this many recent days (older demand says little). */
export const FIT_DAYS = 365;
/** Bounds of the damping factor. */
const PHI_MIN = 0.8;
const PHI_MAX = 0.98;

/** The smoothing parameters of the model. */
export interface EtsParameters {
  /** Level smoothing, in (0, 1). */
  alpha: number;
  /** Trend smoothing as a share of alpha (the trend moves by alpha·beta·error), in (0, 1). */
  beta: number;
  /** Season smoothing, in (0, 1 − alpha). */
  gamma: number;
  /** Trend damping, in [0.8, 0.98]. */
  phi: number;
}

/** The smoothed state after the last observation. */
interface EtsState {
  level: number;
  trend: number;
  /** Season by position in the span, modulo 7. */
  season: Float64Array;
  /** Sum of squared one-step errors. */
  sse: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

function parametersOf([a, b, g, p]: number[]): EtsParameters {
  const alpha = 0.001 + 0.998 * logistic(a);
  return {
    alpha,
    beta: 0.001 + 0.998 * logistic(b),
    gamma: (1 - alpha) * (0.001 + 0.998 * logistic(g)),
    phi: PHI_MIN + (PHI_MAX - PHI_MIN) * logistic(p),
  };
}

function mean(values: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i];
  return to > from ? total / (to - from) : 0;
}

/** Runs the filter over `y` from states set on its first two weeks. */
function filter(y: Float64Array, { alpha, beta, gamma, phi }: EtsParameters): EtsState {
  const m = y.length;
  const season = new Float64Array(SEASON);
  let level: number;
  let trend = 0;
  if (m >= SEASON) {
    level = mean(y, 0, SEASON);
    if (m >= 2 * SEASON) trend = (mean(y, SEASON, 2 * SEASON) - level) / SEASON;
    for (let j = 0; j < SEASON; j++) season[j] = y[j] - level;
    // The first week's mean sits mid-week: start the level where day 0 is.
    level -= trend * (SEASON - 1) / 2;
  } else {
    level = mean(y, 0, m);
  }
  let sse = 0;
  for (let t = 0; t < m; t++) {
    const s = t % SEASON;
    const error = y[t] - (level + phi * trend + season[s]);
    sse += error * error;
    level = level + phi * trend + alpha * error;
    trend = phi * trend + alpha * beta * error;
    season[s] += gamma * error;
  }
  return { level, trend, season, sse };
}

/** The most recent {@link FIT_DAYS} days of a series. */
function recent(series: Float64Array): Float64Array {
  return series.subarray(Math.max(0, series.length - FIT_DAYS));
}

/** Fits the smoothing parameters to the last year of `series`. */
export function fitEts(series: Float64Array): EtsParameters {
  const y = recent(series);
  const start = [logit(0.2), logit(0.1), logit(0.1), logit(0.5)];
  const { point } = nelderMead((x) => filter(y, parametersOf(x)).sse, start, {
    maxEvaluations: 300,
    tolerance: 1e-7,
  });
  return parametersOf(point);
}

/** Forecasts `horizon` days after `series` with fixed parameters (states re-run on its last year). */
export function etsForecast(
  series: Float64Array,
  parameters: EtsParameters,
  horizon: number,
): Float64Array {
  const y = recent(series);
  const { level, trend, season } = filter(y, parameters);
  const forecast = new Float64Array(horizon);
  let damped = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= parameters.phi;
    damped += power;
    forecast[h - 1] = level + damped * trend + season[(y.length - 1 + h) % SEASON];
  }
  return forecast;
}

/** The ETS model: parameters fitted once, states re-run from each forecast origin. */
export const etsModel: ForecastModel = {
  name: "ets",
  description:
    "Holt–Winters: additive damped trend, additive weekly season, fitted by least squares",
  minHistory: 2 * SEASON,
  targets: ["sales", "returns"],
  fit(history: SeriesContext) {
    const parameters = fitEts(history.values);
    return {
      model: "ets",
      predict: (context: SeriesContext, horizon: number) =>
        etsForecast(context.values, parameters, horizon),
    };
  },
};
