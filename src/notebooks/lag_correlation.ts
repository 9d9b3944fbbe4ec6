/**
 * How returns follow sales, seen without a model: the correlation of each day's returns with the
 * sales k days earlier, for k = 0 … maxLag. On the synthetic data it peaks at the true lag (7).
 * @module
 */

/**
 * Pearson correlation of `returns[t]` with `sales[t − k]` for every lag k from 0 to `maxLag`,
 * over the days where both exist; 0 where either side does not vary (or too few days remain).
 *
 * @example
 * ```ts
 * import { lagCorrelation } from "./lag_correlation.ts";
 * const sales = [5, 1, 4, 2, 8, 3, 6, 1, 7, 2];
 * const returns = [0, 0, ...sales.slice(0, 8)]; // returns = sales two days earlier
 * lagCorrelation(sales, returns, 3)[2]; // 1
 * ```
 */
export function lagCorrelation(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  maxLag: number,
): Float64Array {
  if (!Number.isInteger(maxLag) || maxLag < 0) {
    throw new RangeError(`Cannot correlate: maxLag must be an integer ≥ 0, got ${maxLag}`);
  }
  const n = Math.min(sales.length, returns.length);
  const out = new Float64Array(maxLag + 1);
  for (let k = 0; k <= maxLag; k++) {
    const count = n - k;
    if (count < 3) continue;
    let sx = 0;
    let sy = 0;
    for (let t = k; t < n; t++) {
      sx += sales[t - k];
      sy += returns[t];
    }
    const mx = sx / count;
    const my = sy / count;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let t = k; t < n; t++) {
      const dx = sales[t - k] - mx;
      const dy = returns[t] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    out[k] = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  }
  return out;
}
