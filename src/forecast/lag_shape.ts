/**
 * The return lag shape of a whole dataset, up to a day: what the `lag` model leans on where one
 * product's returns are too sparse to tell their own delay.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { maxLagFor, pooledLagShape } from "./models/lag.ts";

/** The pooled lag shape over the days up to and including `lastDay` (all days when absent). */
export function datasetLagShape(set: SeriesSet, lastDay?: number): Float64Array | undefined {
  const cut = set.products.map((product) => {
    const length = lastDay === undefined
      ? product.sales.length
      : Math.max(0, Math.min(product.sales.length, lastDay - product.start + 1));
    return {
      sales: product.sales.subarray(0, length),
      returns: product.returns.subarray(0, length),
    };
  });
  const days = Math.max(0, ...cut.map((p) => p.sales.length));
  return pooledLagShape(cut, maxLagFor(days));
}
