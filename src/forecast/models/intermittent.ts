/**
 * Intermittent demand (many days without any): `croston` smooths the size of the non-zero days
 * and the interval between them and forecasts size ÷ interval; `tsb` (Teunter–Syntetos–Babai)
 * smooths the probability of a demand day every day and its size on demand days, and forecasts
 * probability × size, so a product that stops selling decays towards 0. Both forecast a flat
 * rate per open day (closed days are skipped when the context has a calendar).
 * @module
 */

import { BASELINE, type ForecastModel, type SeriesContext } from "../types.ts";

/** The result of an intermittent-demand filter. */
export interface IntermittentRate {
  /** Expected units per (open) day. */
  rate: number;
}

/**
 * Croston's method: the first demand sets size and interval (days since the series start), each
 * later one moves them by `alpha` towards its size and the days since the previous demand.
 */
export function crostonFilter(values: ArrayLike<number>, alpha: number): IntermittentRate {
  let size = 0;
  let interval = 0;
  let sinceLast = 0;
  let seen = false;
  for (let t = 0; t < values.length; t++) {
    sinceLast++;
    const y = values[t];
    if (y <= 0) continue;
    if (!seen) {
      size = y;
      interval = sinceLast;
      seen = true;
    } else {
      size += alpha * (y - size);
      interval += alpha * (sinceLast - interval);
    }
    sinceLast = 0;
  }
  return { rate: seen && interval > 0 ? size / interval : 0 };
}

/**
 * TSB: starts from the share of demand days and their mean size; every day the probability moves
 * by `beta` towards 1 (demand) or 0 (none), and on demand days the size by `alpha` towards it.
 */
export function tsbFilter(
  values: ArrayLike<number>,
  alpha: number,
  beta: number,
): IntermittentRate {
  let demandDays = 0;
  let total = 0;
  for (let t = 0; t < values.length; t++) {
    if (values[t] > 0) {
      demandDays++;
      total += values[t];
    }
  }
  if (demandDays === 0) return { rate: 0 };
  let probability = demandDays / values.length;
  let size = total / demandDays;
  for (let t = 0; t < values.length; t++) {
    const y = values[t];
    if (y > 0) {
      probability += beta * (1 - probability);
      size += alpha * (y - size);
    } else {
      probability -= beta * probability;
    }
  }
  return { rate: probability * size };
}

/** The values of the open days of a context (all days without a calendar). */
function openValues(context: SeriesContext): Float64Array {
  const open = context.open;
  if (!open) return context.values;
  const { values } = context;
  let count = 0;
  for (let i = 0; i < values.length; i++) if (i >= open.length || open[i] === 1) count++;
  const kept = new Float64Array(count);
  for (let i = 0, k = 0; i < values.length; i++) {
    if (i >= open.length || open[i] === 1) kept[k++] = values[i];
  }
  return kept;
}

function flatModel(
  name: string,
  description: string,
  rateOf: (values: Float64Array) => number,
): ForecastModel {
  return {
    ...BASELINE,
    name,
    description,
    minHistory: 7,
    targets: ["sales", "returns"],
    fit: () => ({
      model: name,
      predict: (context: SeriesContext, horizon: number) =>
        new Float64Array(horizon).fill(rateOf(openValues(context))),
    }),
  };
}

/** Croston's method named `name`, smoothing with `alpha` (the classic 0.1). */
export function croston(name: string, { alpha }: { alpha: number }): ForecastModel {
  return flatModel(
    name,
    `intermittent demand: smoothed size ÷ smoothed interval between demand days (α = ${alpha})`,
    (values) => crostonFilter(values, alpha).rate,
  );
}

/** Teunter–Syntetos–Babai named `name`, smoothing size with `alpha`, probability with `beta`. */
export function tsb(name: string, { alpha, beta }: { alpha: number; beta: number }): ForecastModel {
  const constants = alpha === beta ? `α = β = ${alpha}` : `α = ${alpha}, β = ${beta}`;
  return flatModel(
    name,
    `intermittent demand: smoothed probability of a demand day × smoothed size (${constants})`,
    (values) => tsbFilter(values, alpha, beta).rate,
  );
}
