/**
 * Prediction intervals from a model's own out-of-sample errors (split conformal): errors are
 * collected per horizon step from rolling origins inside the history, scaled by √(mean + 1) so
 * that busy and quiet days share one error distribution, and their quantiles are put back
 * around the forecast mean. Bounds are clipped at 0.
 * @module
 */

import type { Forecast } from "./types.ts";

/** Errors of one horizon step are pooled with the steps this close to it. */
const STEP_POOL = 3;

/** The error scale of a forecast mean: count-like data vary more on busier days. */
export function errorScale(mean: number): number {
  return Math.sqrt(Math.max(0, mean) + 1);
}

/** An actual's error relative to the forecast mean, in units of {@link errorScale}. */
export function scaledResidual(actual: number, mean: number): number {
  return (actual - mean) / errorScale(mean);
}

/** Linear-interpolated quantile of sorted values (p in [0, 1]). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const position = Math.min(Math.max(p, 0), 1) * (n - 1);
  const low = Math.floor(position);
  const high = Math.min(n - 1, low + 1);
  return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}

/**
 * The split-conformal quantile level for a nominal level `p` from `n` exchangeable calibration
 * points: ⌈(n + 1)·p⌉ / n, capped at 1.
 */
export function conformalLevel(p: number, n: number): number {
  return n > 0 ? Math.min(1, Math.ceil((n + 1) * p) / n) : p;
}

/**
 * Builds a forecast from a mean and scaled residuals per horizon step (`residuals[h]` holds the
 * scaled errors observed at step h+1; `sorted` says each is ascending already, NaN last). Each
 * step pools the errors of the steps within 3 of it (wider where that gives fewer than 20 errors).
 */
export function intervalsFrom(
  mean: Float64Array,
  residuals: readonly Float64Array[],
  sorted = false,
): Forecast {
  const horizon = mean.length;
  const forecast: Forecast = {
    mean: mean.map((value) => (Number.isFinite(value) ? Math.max(0, value) : 0)),
    lo80: new Float64Array(horizon),
    hi80: new Float64Array(horizon),
    lo95: new Float64Array(horizon),
    hi95: new Float64Array(horizon),
  };
  const steps = residuals.length;
  const pools = new SortedPools(residuals, sorted);
  for (let h = 0; h < horizon; h++) {
    const center = Math.min(h, steps - 1);
    let from = center;
    let to = center;
    for (let radius = STEP_POOL; radius <= steps + STEP_POOL; radius *= 2) {
      from = Math.max(0, center - radius);
      to = Math.min(steps - 1, center + radius);
      if (pools.sizeOf(from, to) >= 20) break;
    }
    const m = forecast.mean[h];
    const scale = errorScale(m);
    // Errors of one origin at nearby steps move together (a level error lasts), so the pooled
    // errors count as about two independent points per origin, not seven.
    const points = 2 * residuals[center].length;
    const levels = [
      1 - conformalLevel(0.975, points),
      1 - conformalLevel(0.9, points),
      conformalLevel(0.975, points),
      conformalLevel(0.9, points),
    ];
    pools.prepare(from, to, levels);
    const at = (p: number) => Math.max(0, m + pools.quantile(from, to, p) * scale);
    const [lo95, lo80, hi95, hi80] = levels.map(at);
    forecast.lo95[h] = lo95;
    forecast.lo80[h] = Math.max(lo95, lo80);
    forecast.hi95[h] = Math.max(forecast.lo80[h], hi95);
    forecast.hi80[h] = Math.min(forecast.hi95[h], Math.max(forecast.lo80[h], hi80));
  }
  return forecast;
}

/**
 * The pooled residuals of consecutive steps, and their quantiles as {@link quantileSorted} reads
 * them from the sorted pool. Each step's residuals are sorted once; an interval's quantiles lie
 * in the tails, so only the few smallest and largest of a pool are merged from the sorted steps
 * (a pool is asked for at every step of every forecast, and sorting each one was a third of a
 * backtest's time).
 */
class SortedPools {
  readonly #rows: Float64Array[];
  readonly #starts: number[];
  readonly #unordered: boolean;
  readonly #heads: Int32Array;
  /** Per step, the value its head (or tail) points at. */
  readonly #next: Float64Array;
  #front = new Float64Array(0);
  #back = new Float64Array(0);
  /** Ranks below it are read from the front buffer, the others from the back (`prepare`). */
  #half = 0;

  constructor(residuals: readonly Float64Array[], presorted: boolean) {
    const sorted = new Map<Float64Array, Float64Array>();
    this.#rows = presorted ? [...residuals] : residuals.map((row) => {
      let copy = sorted.get(row); // the fallback residuals are one array for every step
      if (!copy) sorted.set(row, copy = sortedCopy(row));
      return copy;
    });
    this.#starts = [0];
    for (const row of residuals) {
      this.#starts.push(this.#starts[this.#starts.length - 1] + row.length);
    }
    // NaN compares false, so such pools are sorted whole instead (NaN last, as typed arrays do).
    this.#unordered = this.#rows.some((row) => row.length > 0 && Number.isNaN(row[row.length - 1]));
    this.#heads = new Int32Array(residuals.length);
    this.#next = new Float64Array(residuals.length);
  }

  /** How many residuals steps `from`…`to` hold. */
  sizeOf(from: number, to: number): number {
    return from > to ? 0 : this.#starts[to + 1] - this.#starts[from];
  }

  /**
   * The `level`-quantile of the residuals of steps `from`…`to`, as quantileSorted reads it from
   * their sorted pool (`prepare` first, with the deepest rank any level reads).
   */
  quantile(from: number, to: number, level: number): number {
    const n = this.sizeOf(from, to);
    if (n === 0) return 0;
    const position = Math.min(Math.max(level, 0), 1) * (n - 1);
    const low = Math.floor(position);
    const high = Math.min(n - 1, low + 1);
    const a = this.#rank(low, n);
    return a + (position - low) * (this.#rank(high, n) - a);
  }

  /**
   * Readies steps `from`…`to` for {@link quantile} at `levels`: their sorted pool when NaN is in
   * it, else its smallest and largest few, merged from the sorted steps.
   */
  prepare(from: number, to: number, levels: readonly number[]): void {
    const n = this.sizeOf(from, to);
    this.#half = n >> 1;
    if (n === 0) return;
    if (this.#unordered) {
      if (this.#front.length < n) this.#front = new Float64Array(n);
      let at = 0;
      for (let s = from; s <= to; s++) {
        this.#front.set(this.#rows[s], at);
        at += this.#rows[s].length;
      }
      this.#front.subarray(0, n).sort();
      this.#half = n;
      return;
    }
    let frontNeed = 0;
    let backNeed = 0;
    for (const level of levels) {
      const low = Math.floor(Math.min(Math.max(level, 0), 1) * (n - 1));
      const high = Math.min(n - 1, low + 1);
      for (const rank of [low, high]) {
        if (rank < this.#half) frontNeed = Math.max(frontNeed, rank + 1);
        else backNeed = Math.max(backNeed, n - rank);
      }
    }
    this.#smallest(from, to, frontNeed);
    this.#largest(from, to, backNeed);
  }

  #rank(rank: number, n: number): number {
    return rank < this.#half ? this.#front[rank] : this.#back[n - 1 - rank];
  }

  /** The `count` smallest residuals of steps `from`…`to`, ascending, into the front buffer. */
  #smallest(from: number, to: number, count: number): void {
    if (this.#front.length < count) this.#front = new Float64Array(count);
    const rows = this.#rows;
    const heads = this.#heads;
    const next = this.#next;
    const front = this.#front;
    for (let s = from; s <= to; s++) {
      heads[s] = 0;
      next[s] = rows[s].length > 0 ? rows[s][0] : Infinity;
    }
    for (let i = 0; i < count; i++) {
      let best = from;
      for (let s = from + 1; s <= to; s++) if (next[s] < next[best]) best = s;
      front[i] = next[best];
      const row = rows[best];
      const head = ++heads[best];
      next[best] = head < row.length ? row[head] : Infinity;
    }
  }

  /** The `count` largest residuals of steps `from`…`to`, descending, into the back buffer. */
  #largest(from: number, to: number, count: number): void {
    if (this.#back.length < count) this.#back = new Float64Array(count);
    const rows = this.#rows;
    const tails = this.#heads;
    const next = this.#next;
    const back = this.#back;
    for (let s = from; s <= to; s++) {
      tails[s] = rows[s].length - 1;
      next[s] = tails[s] >= 0 ? rows[s][tails[s]] : -Infinity;
    }
    for (let i = 0; i < count; i++) {
      let best = from;
      for (let s = from + 1; s <= to; s++) if (next[s] > next[best]) best = s;
      back[i] = next[best];
      const tail = --tails[best];
      next[best] = tail >= 0 ? rows[best][tail] : -Infinity;
    }
  }
}

/**
 * A sorted copy of a step's residuals: up to 64 of them by insertion sort, several times faster
 * than a typed array's sort on the few dozen values of a step (−0 and 0 may come in either order;
 * no quantile tells them apart).
 */
function sortedCopy(row: Float64Array): Float64Array {
  const sorted = row.slice();
  if (sorted.length > 64 || Number.isNaN(sorted[0])) return sorted.sort(); // NaN last
  for (let i = 1; i < sorted.length; i++) {
    const value = sorted[i];
    if (value !== value) return row.slice().sort(); // NaN: the typed array's order
    let j = i - 1;
    while (j >= 0 && sorted[j] > value) {
      sorted[j + 1] = sorted[j];
      j--;
    }
    sorted[j + 1] = value;
  }
  return sorted;
}
