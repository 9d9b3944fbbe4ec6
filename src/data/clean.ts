/**
 * What models train on: the history with closed days treated as missing (a holiday on a day that
 * is normally open takes the mean of the same weekday in the weeks around it; a weekday that is
 * always closed stays 0), and isolated spikes — one wholesale order of 20× the usual — capped at
 * 5 × the typical non-zero day around them (over the whole history where demand is sparse).
 * Forecasts are judged against the actual history.
 * @module
 */

import { weekday } from "./dates.ts";
import { kthSmallest } from "../util/select.ts";

/** How far a day is compared with its neighbours (days each side). */
export const NEIGHBOURS = 21;
/** A day above this many times the typical non-zero day is a spike. */
export const SPIKE_FACTOR = 5;
/** Fewest non-zero days needed to say what a typical day is. */
const MIN_NEIGHBOURS = 4;

/** A cleaned series and what was changed. */
export interface CleanedSeries {
  values: Float64Array;
  /** Days capped as spikes. */
  clipped: number;
  /** Closed days filled from their weekday. */
  imputed: number;
}

/** The median (upper, for an even count) of the non-zero open days of a series, or NaN. */
function overallMedian(values: Float64Array, isOpen: (j: number) => boolean): number {
  const positive = new Float64Array(values.length);
  let count = 0;
  for (let j = 0; j < values.length; j++) {
    if (isOpen(j) && values[j] > 0) positive[count++] = values[j];
  }
  return count > MIN_NEIGHBOURS ? kthSmallest(positive, count, count >> 1) : NaN;
}

/**
 * The smallest of `values[j]` over the days j flagged in `counted` from `i − width` to `i − 1`
 * (`ahead` false) or from `i + 1` to `i + width` (`ahead` true), for every i; Infinity where there
 * is none. A monotone queue: O(n) however wide the window.
 */
function neighbourMinima(
  values: Float64Array,
  counted: Uint8Array,
  width: number,
  ahead: boolean,
): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let step = 0; step < n; step++) {
    const i = ahead ? n - 1 - step : step;
    const j = ahead ? i + 1 : i - 1;
    if (step > 0 && counted[j]) {
      while (tail > head && values[queue[tail - 1]] >= values[j]) tail--;
      queue[tail++] = j;
    }
    while (tail > head && Math.abs(queue[head] - i) > width) head++;
    out[i] = tail > head ? values[queue[head]] : Infinity;
  }
  return out;
}

/**
 * Finds spikes: a day is compared with the median of the non-zero open days within three weeks
 * (itself left out), or — where the series is too sparse for that — with `fallback` (the median
 * of the whole series, or of the reference). Returns the cap per spike day (NaN elsewhere).
 * Neighbour counts and minima are kept running, so only a day above 5 × its smallest neighbour
 * (a candidate spike) gathers its neighbours for the median.
 */
function spikeCaps(
  values: Float64Array,
  isOpen: (j: number) => boolean,
  fallback: (i: number) => number,
): Float64Array {
  const n = values.length;
  const caps = new Float64Array(n).fill(NaN);
  const buffer = new Float64Array(2 * NEIGHBOURS);
  // Neighbours that count: open days with demand (NaN counts, as `<= 0` is false for it, but is
  // never the smallest); `before[i]` counts them on days 0…i−1.
  const counted = new Uint8Array(n);
  const ordered = new Uint8Array(n);
  const before = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    counted[j] = !(values[j] <= 0) && isOpen(j) ? 1 : 0;
    ordered[j] = counted[j] && !Number.isNaN(values[j]) ? 1 : 0;
    before[j + 1] = before[j] + counted[j];
  }
  const behind = neighbourMinima(values, ordered, NEIGHBOURS, false);
  const ahead = neighbourMinima(values, ordered, NEIGHBOURS, true);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value === 0 || !isOpen(i)) continue;
    const from = Math.max(0, i - NEIGHBOURS);
    const to = Math.min(n - 1, i + NEIGHBOURS);
    const count = before[to + 1] - before[from] - counted[i];
    let typical: number;
    if (count >= MIN_NEIGHBOURS) {
      // below 5 × even the smallest neighbour
      if (value <= SPIKE_FACTOR * Math.min(behind[i], ahead[i])) continue;
      let filled = 0;
      for (let j = from; j <= to; j++) if (j !== i && counted[j]) buffer[filled++] = values[j];
      typical = kthSmallest(buffer, count, count >> 1);
    } else {
      typical = fallback(i);
    }
    if (typical > 0 && value > SPIKE_FACTOR * typical) caps[i] = SPIKE_FACTOR * typical;
  }
  return caps;
}

/** The typical day of a reference series around day i (as {@link spikeCaps} judges it). */
function referenceTypical(reference: Float64Array, isOpen: (j: number) => boolean, whole: number) {
  const buffer = new Float64Array(2 * NEIGHBOURS + 1);
  return (i: number): number => {
    let count = 0;
    for (
      let j = Math.max(0, i - NEIGHBOURS);
      j <= Math.min(reference.length - 1, i + NEIGHBOURS);
      j++
    ) {
      if (j !== i && reference[j] > 0 && isOpen(j)) buffer[count++] = reference[j];
    }
    return count >= MIN_NEIGHBOURS ? kthSmallest(buffer, count, count >> 1) : whole;
  };
}

/**
 * Cleans `values` (day number of index 0: `start`). `open[i]` says whether the shop was open;
 * `closedWeekday(w)` whether weekday w is closed as a rule. `reference` (the sales, when cleaning
 * returns) gives the typical day where the series itself has too few non-zero days: a single
 * cancellation of 7,000 units against sales of 40 a day is a spike too.
 */
export function cleanSeries(
  values: Float64Array,
  start: number,
  open: Uint8Array | undefined,
  closedWeekday: (w: number) => boolean = () => false,
  reference?: Float64Array,
): CleanedSeries {
  const n = values.length;
  const out = Float64Array.from(values);
  const isOpen = (i: number) => !open || open[i] === 1;
  // The fallback is made when a sparse day first needs it (a busy series never does).
  let typicalDay: ((i: number) => number) | undefined;
  const fallback = (i: number) => {
    if (!typicalDay) {
      const whole = overallMedian(values, isOpen);
      typicalDay = Number.isFinite(whole)
        ? () => whole
        : reference
        ? referenceTypical(reference, isOpen, overallMedian(reference, isOpen))
        : () => NaN;
    }
    return typicalDay(i);
  };
  const caps = spikeCaps(values, isOpen, fallback);
  let clipped = 0;
  let imputed = 0;
  for (let i = 0; i < n; i++) {
    if (caps[i] < values[i]) {
      out[i] = caps[i];
      clipped++;
    }
  }
  for (let i = 0; i < n; i++) {
    if (isOpen(i) || closedWeekday(weekday(start + i))) continue;
    const same: number[] = [];
    for (const k of [-14, -7, 7, 14]) {
      const j = i + k;
      if (j >= 0 && j < n && isOpen(j)) same.push(out[j]);
    }
    if (same.length > 0) {
      out[i] = same.reduce((a, b) => a + b, 0) / same.length;
      imputed++;
    }
  }
  return { values: out, clipped, imputed };
}
