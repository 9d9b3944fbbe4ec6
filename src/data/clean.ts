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
const NEIGHBOURS = 21;
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

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

/** The non-zero open days of a series. */
function nonZeroOpen(values: Float64Array, isOpen: (j: number) => boolean): number[] {
  const out: number[] = [];
  for (let j = 0; j < values.length; j++) if (isOpen(j) && values[j] > 0) out.push(values[j]);
  return out;
}

/**
 * The typical non-zero day around day i: the median of the non-zero open days within three weeks
 * (day i left out), or — where the series is too sparse for that — of all its non-zero open days;
 * `undefined` when even those are too few.
 */
function typicalDay(
  values: Float64Array,
  i: number,
  isOpen: (j: number) => boolean,
  overall: readonly number[],
): number | undefined {
  const around: number[] = [];
  for (let j = Math.max(0, i - NEIGHBOURS); j <= Math.min(values.length - 1, i + NEIGHBOURS); j++) {
    if (j !== i && isOpen(j) && values[j] > 0) around.push(values[j]);
  }
  if (around.length >= MIN_NEIGHBOURS) return median(around);
  return overall.length > MIN_NEIGHBOURS ? median([...overall]) : undefined;
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
  const overall = nonZeroOpen(values, isOpen);
  const referenceOverall = reference ? nonZeroOpen(reference, isOpen) : [];
  let clipped = 0;
  let imputed = 0;
  for (let i = 0; i < n; i++) {
    if (!isOpen(i) || values[i] === 0) continue;
    const typical = typicalDay(values, i, isOpen, overall) ??
      (reference ? typicalDay(reference, i, isOpen, referenceOverall) : undefined);
    if (typical === undefined || !(typical > 0)) continue;
    const cap = SPIKE_FACTOR * typical;
    if (values[i] > cap) {
      out[i] = cap;
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
