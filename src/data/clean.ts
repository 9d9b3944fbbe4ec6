/**
 * What models train on: the history with closed days treated as missing (a holiday on a day that
 * is normally open takes the mean of the same weekday in the weeks around it; a weekday that is
 * always closed stays 0), and isolated spikes — one wholesale order of 20× the usual — capped at
 * 5 × the typical non-zero day around them (over the whole history where demand is sparse).
 * Forecasts are judged against the actual history.
 * @module
 */

import { weekday } from "./dates.ts";

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

/** The k-th smallest of the first `count` values in `buffer` (reorders them; Hoare's select). */
function select(buffer: Float64Array, count: number, k: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const pivot = buffer[(low + high) >> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (buffer[i] < pivot) i++;
      while (buffer[j] > pivot) j--;
      if (i <= j) {
        const swap = buffer[i];
        buffer[i] = buffer[j];
        buffer[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return buffer[k];
  }
  return buffer[k];
}

/** The median (upper, for an even count) of the non-zero open days of a series, or NaN. */
function overallMedian(values: Float64Array, isOpen: (j: number) => boolean): number {
  const positive = new Float64Array(values.length);
  let count = 0;
  for (let j = 0; j < values.length; j++) {
    if (isOpen(j) && values[j] > 0) positive[count++] = values[j];
  }
  return count > MIN_NEIGHBOURS ? select(positive, count, count >> 1) : NaN;
}

/**
 * Finds spikes: a day is compared with the median of the non-zero open days within three weeks
 * (itself left out), or — where the series is too sparse for that — with `fallback` (the median
 * of the whole series, or of the reference). Returns the cap per spike day (NaN elsewhere).
 */
function spikeCaps(
  values: Float64Array,
  isOpen: (j: number) => boolean,
  fallback: (i: number) => number,
): Float64Array {
  const n = values.length;
  const caps = new Float64Array(n).fill(NaN);
  const buffer = new Float64Array(2 * NEIGHBOURS);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value === 0 || !isOpen(i)) continue;
    let count = 0;
    let smallest = Infinity;
    for (let j = Math.max(0, i - NEIGHBOURS); j <= Math.min(n - 1, i + NEIGHBOURS); j++) {
      if (j === i || values[j] <= 0 || !isOpen(j)) continue;
      buffer[count++] = values[j];
      if (values[j] < smallest) smallest = values[j];
    }
    let typical: number;
    if (count >= MIN_NEIGHBOURS) {
      if (value <= SPIKE_FACTOR * smallest) continue; // below 5 × even the smallest neighbour
      typical = select(buffer, count, count >> 1);
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
    return count >= MIN_NEIGHBOURS ? select(buffer, count, count >> 1) : whole;
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
  const whole = overallMedian(values, isOpen);
  const fallback = Number.isFinite(whole)
    ? () => whole
    : reference
    ? referenceTypical(reference, isOpen, overallMedian(reference, isOpen))
    : () => NaN;
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
