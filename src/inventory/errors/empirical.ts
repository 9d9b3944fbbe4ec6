/**
 * Empirical distributions of forecast errors: weighted samples, their quantiles and their loss
 * function (expected excess). Pure: arrays in, numbers out.
 *
 * An error is actual − forecast of a net-demand total (positive: demand above the forecast). Each
 * sample is a pair: the error over the whole protection period (L + R days, `cycle`) and over its
 * first L days (`lead`) — the periodic-review loss formula needs both, from the same origin.
 * @module
 */

import { sortedIndices } from "../../util/order.ts";

/** Weighted error samples, sorted by `cycle`; weights sum to 1. */
export interface ErrorDistribution {
  /** Errors of (L + R)-day totals, ascending. */
  readonly cycle: Float64Array;
  /** Errors of the first L days of the same windows (same order). */
  readonly lead: Float64Array;
  /** Probability mass of each sample (sums to 1). */
  readonly weight: Float64Array;
}

/** One error sample. */
export interface ErrorSample {
  /** Error of the (L + R)-day total. */
  cycle: number;
  /** Error of the first L days' total (default: 0, as when L = 0). */
  lead?: number;
  /** Relative weight (default 1). */
  weight?: number;
}

/**
 * Builds a distribution from samples (weights normalised). Throws a RangeError when there is no
 * sample or no positive weight.
 *
 * @example
 * ```ts
 * import { errorDistribution } from "./empirical.ts";
 * const d = errorDistribution([{ cycle: 3 }, { cycle: -1 }]);
 * d.cycle; // Float64Array [-1, 3]
 * ```
 */
export function errorDistribution(samples: readonly ErrorSample[]): ErrorDistribution {
  const kept = samples.filter((s) => (s.weight ?? 1) > 0);
  if (kept.length === 0) {
    throw new RangeError("Cannot build an error distribution: no sample with a positive weight");
  }
  for (const s of kept) {
    if (!Number.isFinite(s.cycle) || !Number.isFinite(s.lead ?? 0)) {
      throw new RangeError(
        `Cannot build an error distribution: error must be finite, got ${s.cycle}`,
      );
    }
  }
  const order = sortedIndices(kept.map((s) => s.cycle));
  const total = kept.reduce((t, s) => t + (s.weight ?? 1), 0);
  return {
    cycle: Float64Array.from(order, (i) => kept[i].cycle),
    lead: Float64Array.from(order, (i) => kept[i].lead ?? 0),
    weight: Float64Array.from(order, (i) => (kept[i].weight ?? 1) / total),
  };
}

/**
 * The empirical p-quantile of the cycle errors: the smallest error whose cumulative weight reaches
 * p (the inverse of the empirical CDF, Hyndman–Fan type 1). p = 0 gives the smallest error.
 *
 * @example
 * ```ts
 * import { errorDistribution, quantile } from "./empirical.ts";
 * const d = errorDistribution([1, 2, 3, 4].map((cycle) => ({ cycle })));
 * quantile(d, 0.5); // 2
 * quantile(d, 0.51); // 3
 * ```
 */
export function quantile(distribution: ErrorDistribution, p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`Cannot take a quantile: p must be in [0, 1], got ${p}`);
  }
  const { cycle, weight } = distribution;
  let cumulative = 0;
  for (let i = 0; i < cycle.length; i++) {
    cumulative += weight[i];
    // A tolerance keeps p = 0.5 on [1, 2, 3, 4] at 2 despite rounding in the weights (and
    // weights rounded to 12 digits, as the explorer holds them, give the same quantiles).
    if (cumulative >= p - 1e-9) return cycle[i];
  }
  return cycle[cycle.length - 1];
}

/** Share of the cycle errors at or below x (the empirical CDF). */
export function cdf(distribution: ErrorDistribution, x: number): number {
  let total = 0;
  for (let i = 0; i < distribution.cycle.length; i++) {
    if (distribution.cycle[i] <= x) total += distribution.weight[i];
  }
  return total;
}

/**
 * The loss function of the cycle errors: E[(E − x)⁺] = Σ wᵢ · max(0, eᵢ − x), the expected
 * amount by which the error exceeds x.
 *
 * @example
 * ```ts
 * import { errorDistribution, expectedExcess } from "./empirical.ts";
 * const d = errorDistribution([-2, 0, 4, 10].map((cycle) => ({ cycle })));
 * expectedExcess(d, 3); // (1 + 7) / 4 = 2
 * ```
 */
export function expectedExcess(distribution: ErrorDistribution, x: number): number {
  return excess(distribution.cycle, distribution.weight, x);
}

function excess(values: Float64Array, weight: Float64Array, x: number): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > x) total += weight[i] * (values[i] - x);
  return total;
}

/** Root mean square of the cycle errors (what today's z·σ policy uses as σ). */
export function rmsError(distribution: ErrorDistribution): number {
  let total = 0;
  for (let i = 0; i < distribution.cycle.length; i++) {
    total += distribution.weight[i] * distribution.cycle[i] ** 2;
  }
  return Math.sqrt(total);
}
