/**
 * Where a rolling-origin backtest cuts the data: the cutoffs (last day of each training span)
 * and when to refit.
 * @module
 */

import { InputError } from "../../io/errors.ts";
import { formatIsoDay } from "../../data/dates.ts";

/** Fewest days of data before a cutoff for the window to count. */
export const MIN_TRAINING_DAYS = 14;

/** Backtest settings, normalised. */
export interface BacktestPlan {
  /** Days forecast from each cutoff. */
  horizon: number;
  /** Cutoff day numbers, ascending: the last day of each training span. */
  cutoffs: number[];
  /** Refit at every k-th cutoff (1 = every cutoff); 0 = fit once at the first and roll forward. */
  refitEvery: number;
  /** Refits of the neural models, when they differ from `refitEvery` (0: train once). */
  networkRefitEvery?: number;
  /**
   * Where each window's intervals come from: `calibrate` (default), the fitted model's own
   * origins inside its history; `past-windows`, the errors of this series' earlier windows that
   * had ended by the cutoff (split conformal on the backtest itself: no extra forecasts), once
   * there are {@link MIN_PAST_WINDOWS} of them, and until then the calibration of the fit the
   * window is forecast with (made once per fit, at its first window).
   */
  intervals?: "calibrate" | "past-windows";
}

/** Fewest ended earlier windows from which `past-windows` intervals are taken. */
export const MIN_PAST_WINDOWS = 8;

/** Options for {@link planBacktest}. */
export interface PlanOptions {
  /** Days forecast from each cutoff. */
  horizon: number;
  /** Number of windows. */
  windows: number;
  /** Days between cutoffs. */
  step: number;
  /** Refit at every k-th cutoff; 0 = fit once. */
  refitEvery: number;
  /** First cutoff; by default the last window ends on the last day of the data. */
  firstCutoff?: number;
}

/**
 * Places the cutoffs: by default the last window ends on `lastDay`, earlier ones `step` days
 * apart; with `firstCutoff`, windows start there and step forward while they fit in the data.
 */
export function planBacktest(
  options: PlanOptions,
  firstDay: number,
  lastDay: number,
): BacktestPlan {
  const valid = validCutoffs(options, firstDay, lastDay);
  if (valid.length === 0) {
    throw new InputError(
      `the data (${formatIsoDay(firstDay)} to ${formatIsoDay(lastDay)}) is too short for a ` +
        `backtest with horizon ${options.horizon}, ${options.windows} windows, step ${options.step}; ` +
        "use fewer windows, a shorter horizon or another --first-cutoff",
    );
  }
  return { horizon: options.horizon, cutoffs: valid, refitEvery: options.refitEvery };
}

/** Whether the data `firstDay`…`lastDay` has room for at least one window. */
export function backtestFits(options: PlanOptions, firstDay: number, lastDay: number): boolean {
  return validCutoffs(options, firstDay, lastDay).length > 0;
}

function validCutoffs(options: PlanOptions, firstDay: number, lastDay: number): number[] {
  const cutoffs: number[] = [];
  if (options.firstCutoff !== undefined) {
    for (let k = 0; k < options.windows; k++) {
      const cutoff = options.firstCutoff + k * options.step;
      if (cutoff + options.horizon > lastDay) break;
      cutoffs.push(cutoff);
    }
  } else {
    const last = lastDay - options.horizon;
    for (let k = options.windows - 1; k >= 0; k--) cutoffs.push(last - k * options.step);
  }
  return cutoffs.filter((cutoff) => cutoff - firstDay + 1 >= MIN_TRAINING_DAYS);
}

/**
 * Whether the model is refitted at window `k` (the first window always fits); a neural model
 * (`network`) follows `networkRefitEvery` when the plan sets it.
 */
export function refitsAt(plan: BacktestPlan, k: number, network = false): boolean {
  const every = network ? plan.networkRefitEvery ?? plan.refitEvery : plan.refitEvery;
  return k === 0 || (every > 0 && k % every === 0);
}
