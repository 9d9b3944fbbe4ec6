/**
 * `ets`: Holt–Winters exponential smoothing with an additive damped trend and an additive weekly
 * season (ETS(A,Ad,A)), its four smoothing parameters fitted by minimising the squared one-step
 * errors over the last year of history (Nelder–Mead on a bounded transform).
 * @module
 */

import { BASELINE, type ForecastModel, type SeriesContext } from "../types.ts";
import { nelderMead } from "../../util/nelder_mead.ts";

/** The shape of the model: its season and how much history it reads. */
export interface EtsShape {
  /** Days in the season (7: weekly). */
  season: number;
  /** Fits and filters over at most this many recent days (older demand says little). */
  fitDays: number;
}

/** The weekly shape of `ets`: a 7-day season over the last year. */
export const WEEKLY_ETS: EtsShape = { season: 7, fitDays: 365 };
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

/** Runs the filter over `y` from states set on its first two seasons. */
function filter(
  y: Float64Array,
  { alpha, beta, gamma, phi }: EtsParameters,
  period: number,
): EtsState {
  const m = y.length;
  const season = new Float64Array(period);
  let level: number;
  let trend = 0;
  if (m >= period) {
    level = mean(y, 0, period);
    if (m >= 2 * period) trend = (mean(y, period, 2 * period) - level) / period;
    for (let j = 0; j < period; j++) season[j] = y[j] - level;
    // The first week's mean sits mid-week: start the level where day 0 is.
    level -= trend * (period - 1) / 2;
  } else {
    level = mean(y, 0, m);
  }
  let sse = 0;
  for (let t = 0; t < m; t++) {
    const s = t % period;
    const error = y[t] - (level + phi * trend + season[s]);
    sse += error * error;
    level = level + phi * trend + alpha * error;
    trend = phi * trend + alpha * beta * error;
    season[s] += gamma * error;
  }
  return { level, trend, season, sse };
}

/** The most recent `fitDays` days of a series. */
function recent(series: Float64Array, fitDays: number): Float64Array {
  return series.subarray(Math.max(0, series.length - fitDays));
}

/** Fits the smoothing parameters to the last `fitDays` of `series` (default: a year, weekly). */
export function fitEts(series: Float64Array, shape: EtsShape = WEEKLY_ETS): EtsParameters {
  const y = recent(series, shape.fitDays);
  const start = [logit(0.2), logit(0.1), logit(0.1), logit(0.5)];
  const { point } = nelderMead((x) => filter(y, parametersOf(x), shape.season).sse, start, {
    maxEvaluations: 300,
    tolerance: 1e-7,
  });
  return parametersOf(point);
}

/** Forecasts `horizon` days after `series` with fixed parameters (states re-run on its recent part). */
export function etsForecast(
  series: Float64Array,
  parameters: EtsParameters,
  horizon: number,
  shape: EtsShape = WEEKLY_ETS,
): Float64Array {
  const period = shape.season;
  const y = recent(series, shape.fitDays);
  const { level, trend, season } = filter(y, parameters, period);
  const forecast = new Float64Array(horizon);
  let damped = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= parameters.phi;
    damped += power;
    forecast[h - 1] = level + damped * trend + season[(y.length - 1 + h) % period];
  }
  return forecast;
}

/** An ETS model named `name`: parameters fitted once, states re-run from each forecast origin. */
export function ets(name: string, shape: EtsShape): ForecastModel {
  const season = shape.season === 7 ? "weekly" : `${shape.season}-day`;
  return {
    ...BASELINE,
    name,
    description:
      `Holt–Winters: additive damped trend, additive ${season} season, fitted by least squares`,
    minHistory: 2 * shape.season,
    targets: ["sales", "returns"],
    fit(history: SeriesContext) {
      const parameters = fitEts(history.values, shape);
      return {
        model: name,
        predict: (context: SeriesContext, horizon: number) =>
          etsForecast(context.values, parameters, horizon, shape),
      };
    },
  };
}
