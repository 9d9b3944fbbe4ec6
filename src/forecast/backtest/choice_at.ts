/**
 * `auto`'s choice as it could have been made on a given day: per product and target, the model
 * with the lowest RMSSE over the backtest windows that had *ended* before that day — the
 * criterion of `select.ts`, restricted to the past. On the day after the data it is `auto`'s
 * final choice; inside the data it is the honest choice a replay may use. Prefix sums make each
 * choice a binary search plus one pass over the models.
 * @module
 */

import type { BacktestWindow } from "./series.ts";
import { byCutoff } from "../keys.ts";

/** The model chosen before a day (day number), per the windows that ended before it. */
export type ChoiceAt = (day: number) => string;

/**
 * A product and target's choice over time, from every candidate's windows (the same cutoffs for
 * all of them, as `align.ts` leaves them), in the order ties go to. Before any window has ended
 * the choice is `fallback` (when it is a candidate) or the first candidate.
 *
 * @example
 * ```ts
 * import { choiceAt } from "./choice_at.ts";
 * const w = (cutoff: number, forecast: number) => ({
 *   cutoff,
 *   forecast: { mean: Float64Array.of(forecast), lo80: new Float64Array(1), hi80: new Float64Array(1),
 *     lo95: new Float64Array(1), hi95: new Float64Array(1) },
 *   actual: Float64Array.of(10),
 *   scales: { mae: 1, mse: 1 },
 * });
 * const choose = choiceAt(new Map([["a", [w(0, 9), w(1, 5)]], ["b", [w(0, 7), w(1, 10)]]]), "b");
 * [choose(1), choose(2), choose(3)]; // ["b", "a", "b"]: none ended, then a's 1² < b's 3², then 1+25 > 9
 * ```
 */
export function choiceAt(
  windows: ReadonlyMap<string, readonly BacktestWindow[]>,
  fallback?: string,
): ChoiceAt {
  const names = [...windows.keys()].filter((name) => windows.get(name)!.length > 0);
  if (names.length === 0) {
    const only = fallback ?? [...windows.keys()][0];
    return () => only;
  }
  const reference = [...windows.get(names[0])!].sort((a, b) => a.cutoff - b.cutoff);
  const ends = reference.map((w) => w.cutoff + w.actual.length);
  const sums = names.map((name) => {
    const byCutoff = new Map(windows.get(name)!.map((w) => [w.cutoff, w]));
    const prefix = new Float64Array(reference.length + 1);
    reference.forEach((ref, j) => {
      const w = byCutoff.get(ref.cutoff);
      prefix[j + 1] = prefix[j] + (w ? scaledSquares(w) : Infinity);
    });
    return prefix;
  });
  const first = fallback !== undefined && names.includes(fallback) ? fallback : names[0];
  return (day) => {
    // Windows whose last day (cutoff + horizon) is before `day`.
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return first;
    let best = 0;
    for (let i = 1; i < names.length; i++) if (sums[i][lo] < sums[best][lo]) best = i;
    return names[best];
  };
}

/** Σ over the open days of a window of error² ÷ the in-sample seasonal-naive MSE. */
function scaledSquares(window: BacktestWindow): number {
  const { forecast, actual, open, scales } = window;
  let total = 0;
  for (let h = 0; h < actual.length; h++) {
    if (open && !open[h]) continue;
    const error = forecast.mean[h] - actual[h];
    total += (error * error) / scales.mse;
  }
  return total;
}

/**
 * The window a replay takes at each cutoff: that of the model chosen on the windows that had
 * ended before it ({@link choiceAt}); cutoffs where that model has no window are left out.
 */
export function windowsChosenBefore(
  windows: ReadonlyMap<string, readonly BacktestWindow[]>,
  cutoffs: readonly number[],
  fallback?: string,
): BacktestWindow[] {
  const chooseBefore = choiceAt(windows, fallback);
  const atCutoff = new Map([...windows].map(([model, w]) => [model, byCutoff(w)]));
  return cutoffs.flatMap((cutoff) => {
    const window = atCutoff.get(chooseBefore(cutoff + 1))?.get(cutoff);
    return window ? [window] : [];
  });
}
