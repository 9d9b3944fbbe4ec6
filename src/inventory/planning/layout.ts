/**
 * Where a planning run's one backtest cuts the data, and where the replay of the policies sits in
 * it (GUIDE §4: every policy judged by simulation over held-out days).
 *
 * - Origins (the first forecast day of each window) lie every R days on a grid that ends with the
 *   last window inside the data; each window forecasts the longest lead time + R days.
 * - The replay counts the last {@link REPLAY.maxWeeks} weeks the data allows (at least
 *   {@link REPLAY.minWeeks}) after a warm-up of at least {@link REPLAY.warmupDays} days that is
 *   not counted, and needs {@link REPLAY.historyWeeks} weeks of history before the warm-up
 *   (8 weeks to forecast from, 4 weeks of error samples). Its reviews are the grid's origins.
 * - Error samples reach back at most {@link REPLAY.sampleWeeks} weeks before the warm-up: the
 *   backtest does not grow with the length of the history.
 * @module
 */

import { InputError } from "../../io/errors.ts";
import { formatIsoDay } from "../../data/dates.ts";
import type { BacktestPlan } from "../../forecast/backtest/plan.ts";

/** The replay's constants. */
export const REPLAY = {
  /** Most weeks counted. */
  maxWeeks: 26,
  /** Fewest weeks counted. */
  minWeeks: 12,
  /** Days of warm-up before the counted span (at least; it starts on a review day). */
  warmupDays: 28,
  /** Weeks of history the warm-up needs before it. */
  historyWeeks: 12,
  /** Weeks of error samples before the warm-up. */
  sampleWeeks: 26,
  /** Days of history before the first origin. */
  minHistoryDays: 28,
  /** Days between refits of the baselines (networks train once and roll forward). */
  refitDays: 28,
} as const;

/** Where the replay of the policies sits. */
export interface ReplaySpan {
  /** First review day (the warm-up starts here). */
  warmupStart: number;
  /** First counted day. */
  measureStart: number;
  /** Last review day (the last origin). */
  lastReview: number;
  /** Weeks counted. */
  weeks: number;
}

/** A planning run's backtest and replay. */
export interface PlanningLayout {
  /** Days each window forecasts: the longest lead time + R. */
  horizon: number;
  /** Days between origins: R. */
  step: number;
  /** Origins (first forecast days), ascending. */
  origins: number[];
  /** The replay, when the data is long enough for one. */
  replay?: ReplaySpan;
  /** Why there is no replay (when there is none). */
  noReplay?: string;
}

/**
 * The layout for data from `first` to `last` (day numbers), review period R and the longest lead
 * time; an InputError when not even one window fits.
 *
 * @example
 * ```ts
 * import { planningLayout } from "./layout.ts";
 * const layout = planningLayout(0, 729, { reviewPeriod: 7, maxLeadTime: 7 });
 * [layout.horizon, layout.replay?.weeks, layout.origins.length]; // [14, 26, 55]
 * ```
 */
export function planningLayout(
  first: number,
  last: number,
  options: { reviewPeriod: number; maxLeadTime: number },
): PlanningLayout {
  const step = options.reviewPeriod;
  const horizon = options.maxLeadTime + step;
  const lastOrigin = last - horizon + 1;
  const earliest = first + REPLAY.minHistoryDays;
  if (lastOrigin < earliest) {
    throw new InputError(
      `the data (${formatIsoDay(first)} to ${formatIsoDay(last)}) is too short to plan: it needs ` +
        `${REPLAY.minHistoryDays + horizon} days (${REPLAY.minHistoryDays} of history and one ` +
        `window of lead time + review period), has ${last - first + 1}`,
    );
  }
  const days = last - first + 1;
  const weeks = Math.min(
    REPLAY.maxWeeks,
    Math.floor((days - REPLAY.warmupDays - 7 * REPLAY.historyWeeks) / 7),
  );
  // The latest origin of the grid on or before `day`.
  const onGrid = (day: number) => lastOrigin - Math.ceil((lastOrigin - day) / step) * step;
  let replay: ReplaySpan | undefined;
  let from = earliest;
  if (weeks >= REPLAY.minWeeks) {
    const measureStart = last - 7 * weeks + 1;
    // The latest review day at least warmupDays before the counted span.
    const warmupStart = onGrid(measureStart - REPLAY.warmupDays);
    replay = { warmupStart, measureStart, lastReview: lastOrigin, weeks };
    from = Math.max(earliest, warmupStart - 7 * REPLAY.sampleWeeks);
  }
  const origins: number[] = [];
  for (let o = onGrid(from); o <= lastOrigin; o += step) if (o >= earliest) origins.push(o);
  return {
    horizon,
    step,
    origins,
    ...(replay ? { replay } : {
      noReplay:
        `the data holds ${days} days; the simulation needs at least ${
          7 * (REPLAY.minWeeks + REPLAY.historyWeeks) + REPLAY.warmupDays
        } (${REPLAY.minWeeks} weeks counted after a ${REPLAY.warmupDays}-day warm-up and ` +
        `${REPLAY.historyWeeks} weeks of history)`,
    }),
  };
}

/** The backtest plan of a layout: cutoffs the day before each origin. */
export function planningBacktest(layout: PlanningLayout): BacktestPlan {
  return {
    horizon: layout.horizon,
    cutoffs: layout.origins.map((origin) => origin - 1),
    refitEvery: Math.max(1, Math.round(REPLAY.refitDays / layout.step)),
    networkRefitEvery: 0,
    intervals: "past-windows",
  };
}
