/**
 * The arithmetic the policies share: net demand, sums over the coming days, the safety factor z
 * of a service level, the cost critical ratio and the original design's daily rule.
 * @module
 */

import { normalQuantile } from "../normal.ts";

/** z for a service level (e.g. 0.95 → 1.645). */
export function safetyZ(serviceLevel: number): number {
  return normalQuantile(serviceLevel);
}

/** The service level of the cost critical ratio p / (p + h). */
export function criticalRatio(shortageCost: number, holdingCost: number): number {
  return shortageCost / (shortageCost + holdingCost);
}

/** Net demand per day: sales − ρ · returns. */
export function netDemand(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  restockRate: number,
): Float64Array {
  return Float64Array.from({ length: sales.length }, (_, i) => sales[i] - restockRate * returns[i]);
}

/** Sum of `values[from … from + days − 1]`; days past the end repeat the last 7 days' pattern. */
export function sumAhead(values: ArrayLike<number>, from: number, days: number): number {
  let total = 0;
  for (let i = from; i < from + days; i++) total += valueAt(values, i);
  return total;
}

function valueAt(values: ArrayLike<number>, i: number): number {
  const n = values.length;
  if (i < n) return values[i];
  const period = Math.min(7, n);
  return values[n - period + ((i - n) % period)];
}

/** The original design's recommended inventory per day: max(0, sales − returns) × factor. */
export function originalRecommendation(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  factor: number,
): Float64Array {
  return Float64Array.from(
    { length: sales.length },
    (_, i) => Math.max(0, (sales[i] - returns[i]) * factor),
  );
}
