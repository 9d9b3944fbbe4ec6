/**
 * Error distributions for products with few error samples of their own: their errors are pooled
 * with the *scaled* errors of similar products (same demand class, see `classify.ts`), by
 * credibility. Pure and browser-safe.
 *
 * - Each error is divided by the demand scale at its own origin (see `scale.ts`), so errors of
 *   products (and seasons) of different volume are comparable, and multiplied by the product's
 *   scale now.
 * - The product's own samples get the weight Z = n / (n + k) and the pool 1 − Z, where n is the
 *   product's effective number of independent windows and k the credibility constant: the pool
 *   counts as k windows of evidence (Bühlmann credibility). Within the pool every other product
 *   has the same weight, however many samples it has.
 * - A large pool is summarised by {@link MAX_POOL_POINTS} points of equal weight (strata of the
 *   sorted pooled errors, each at its weighted mean), so a decision never reads more than a few
 *   hundred numbers — what the report's explorer embeds per product.
 * @module
 */

import { type ErrorDistribution, errorDistribution, type ErrorSample } from "./empirical.ts";

/** An error sample with the demand scale at its origin. */
export interface ScaledSample {
  /** Error of the (L + R)-day net-demand total (actual − forecast). */
  cycle: number;
  /** Error of the first L days. */
  lead: number;
  /** Demand scale at the sample's origin (> 0). */
  scale: number;
}

/** One pooled point: an error per unit of demand scale, with its weight inside the pool. */
export interface PoolPoint {
  /** Cycle error ÷ scale. */
  cycle: number;
  /** Lead-time error ÷ scale. */
  lead: number;
  /** Weight (the pool's weights sum to 1). */
  weight: number;
}

/** Most points a pool is summarised by. */
export const MAX_POOL_POINTS = 500;

/** How pooling weighs the product's own errors against the pool. */
export interface PoolingOptions {
  /** Credibility constant k (the pool weighs as much as k windows of the product's own). */
  credibility: number;
  /**
   * Independent windows per sample: overlapping windows (origins closer than L + R days) carry
   * less than one window of evidence each. @default 1
   */
  windowsPerSample?: number;
}

/**
 * Everything a product's pooled distribution is computed from ({@link distributionOf}): kept
 * beside the distribution when the pool is one array shared by a large group of products, so
 * the report's explorer can store the pool once instead of every product's pooled points.
 */
export interface PoolingInputs {
  /** The product's own samples. */
  own: readonly ScaledSample[];
  /** The pool (shared by the group: the same array for each of its products). */
  pool: readonly PoolPoint[];
  /** The product's demand scale now. */
  scaleNow: number;
  /** Credibility k and windows per sample. */
  options: Required<PoolingOptions>;
}

/** The distribution {@link pooledErrors} gives for `inputs`. */
export function distributionOf(inputs: PoolingInputs): ErrorDistribution {
  return pooledErrors(inputs.own, inputs.pool, inputs.scaleNow, inputs.options);
}

/**
 * The pool of a group of products: each product's samples divided by their scale, every product
 * the same total weight, summarised by at most `maxPoints` points.
 *
 * @example
 * ```ts
 * import { poolOf } from "./pooling.ts";
 * const pool = poolOf([[{ cycle: 10, lead: 0, scale: 10 }], [{ cycle: -4, lead: 0, scale: 2 }]]);
 * pool.map((p) => p.cycle); // [-2, 1]: each product ½
 * ```
 */
export function poolOf(
  products: readonly (readonly ScaledSample[])[],
  maxPoints = MAX_POOL_POINTS,
): PoolPoint[] {
  const members = products.filter((samples) => samples.length > 0);
  const points: PoolPoint[] = [];
  for (const samples of members) {
    const weight = 1 / members.length / samples.length;
    for (const s of samples) {
      points.push({ cycle: s.cycle / s.scale, lead: s.lead / s.scale, weight });
    }
  }
  points.sort((a, b) => a.cycle - b.cycle);
  return points.length > maxPoints ? summarise(points, maxPoints) : points;
}

/**
 * Sorted points summarised by `count` strata of equal weight, each at the weighted mean of its
 * points (a point is split between the strata it straddles). Means keep the loss function exact
 * outside each stratum.
 */
function summarise(points: readonly PoolPoint[], count: number): PoolPoint[] {
  const total = points.reduce((t, p) => t + p.weight, 0);
  const size = total / count;
  const out: PoolPoint[] = [];
  let w = 0;
  let c = 0;
  let l = 0;
  for (const p of points) {
    let left = p.weight;
    while (left > 1e-15) {
      // The last stratum takes whatever is left (rounding may leave it a little over size).
      const take = out.length < count - 1 ? Math.min(left, size - w) : left;
      w += take;
      c += take * p.cycle;
      l += take * p.lead;
      left -= take;
      if (w >= size * (1 - 1e-12) && out.length < count - 1) {
        out.push({ cycle: c / w, lead: l / w, weight: w });
        w = c = l = 0;
      }
    }
  }
  if (w > 1e-15) out.push({ cycle: c / w, lead: l / w, weight: w });
  return out;
}

/**
 * The error distribution of one product: its own samples (weight Z = n / (n + k)), rescaled to
 * its scale now, mixed with the pool (1 − Z) times that scale. Without own samples the pool
 * alone; without a pool the own samples alone. Throws a RangeError when both are empty.
 *
 * @example
 * ```ts
 * import { pooledErrors } from "./pooling.ts";
 * import { quantile } from "./empirical.ts";
 * // One own sample (n = 1), k = 1: own weight ½; the pool's two points ¼ each.
 * const d = pooledErrors(
 *   [{ cycle: 10, lead: 0, scale: 10 }],
 *   [{ cycle: -1, lead: 0, weight: 0.5 }, { cycle: 2, lead: 0, weight: 0.5 }],
 *   10,
 *   { credibility: 1 },
 * );
 * quantile(d, 0.5); // 10 — the pool became −10 and 20; sorted −10 (¼), 10 (½), 20 (¼)
 * ```
 */
export function pooledErrors(
  own: readonly ScaledSample[],
  pool: readonly PoolPoint[],
  scaleNow: number,
  options: PoolingOptions,
): ErrorDistribution {
  const windowsPerSample = options.windowsPerSample ?? 1;
  const n = own.length * windowsPerSample;
  if (own.length === 0 && pool.length === 0) {
    throw new RangeError("Cannot pool errors: the product and its pool have no error samples");
  }
  const z = ownWeight(own.length, pool.length, n, options.credibility);
  const samples: ErrorSample[] = [];
  for (const s of own) {
    const factor = scaleNow / s.scale;
    samples.push({ cycle: s.cycle * factor, lead: s.lead * factor, weight: z / own.length });
  }
  if (z < 1) {
    for (const p of pool) {
      samples.push({
        cycle: p.cycle * scaleNow,
        lead: p.lead * scaleNow,
        weight: (1 - z) * p.weight,
      });
    }
  }
  return errorDistribution(samples);
}

/** Z = n / (n + k): 1 without a pool, 0 without own samples (k = ∞: the pool alone). */
export function ownWeight(own: number, pool: number, n: number, k: number): number {
  if (pool === 0) return 1;
  if (own === 0) return 0;
  return Number.isFinite(k) ? n / (n + k) : 0;
}

/**
 * The credibility constant k estimated from the products' own samples (Bühlmann–Straub,
 * non-parametric): k = EPV / VHM, where EPV is the mean within-product variance and VHM the
 * variance between the products' means, of the statistic |e| / scale (how large a product's
 * scaled errors run). Products that differ a lot (large VHM) give a small k: each product leans
 * on its own errors; products alike give a large k: the pool is trusted. Each sample counts as
 * `windowsPerSample` observations (overlapping windows). Returns Infinity when the products
 * look alike (VHM ≤ 0) and undefined with fewer than two products of ≥ 2 samples.
 *
 * @example
 * ```ts
 * import { estimateCredibility } from "./pooling.ts";
 * const s = (u: number) => ({ cycle: u, lead: 0, scale: 1 });
 * // |u| means 1 and 3, sample variances 2 (EPV = 2); VHM = (4 − 1·2) / (4 − 8/4) = 1; k = 2.
 * estimateCredibility([[s(0), s(2)], [s(2), s(4)]]); // 2
 * ```
 */
export function estimateCredibility(
  groups: readonly (readonly ScaledSample[])[],
  windowsPerSample = 1,
): number | undefined {
  const stats = groups
    .filter((samples) => samples.length >= 2)
    .map((samples) => {
      const x = samples.map((s) => Math.abs(s.cycle) / s.scale);
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1);
      return { m: x.length * windowsPerSample, mean, variance };
    });
  if (stats.length < 2) return undefined;
  const m = stats.reduce((a, s) => a + s.m, 0);
  const grand = stats.reduce((a, s) => a + s.m * s.mean, 0) / m;
  const epv = stats.reduce((a, s) => a + s.variance, 0) / stats.length;
  const between = stats.reduce((a, s) => a + s.m * (s.mean - grand) ** 2, 0);
  const vhm = (between - (stats.length - 1) * epv) /
    (m - stats.reduce((a, s) => a + s.m ** 2, 0) / m);
  return vhm > 0 ? epv / vhm : Infinity;
}
