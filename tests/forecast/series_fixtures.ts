/** Small deterministic series for forecasting tests. */

import type { SeriesContext, Target } from "../../src/forecast/types.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import { createRandom } from "../../src/util/random.ts";

/** 2023-01-02, a Monday. */
export const MONDAY = parseIsoDay("2023-01-02")!;

/** A weekly-patterned Poisson series of `days` days around `level`. */
export function weeklySeries(days: number, level = 50, seed = 1): Float64Array {
  const random = createRandom(seed);
  const pattern = [0.8, 0.9, 1, 1, 1.1, 1.4, 0.8];
  return Float64Array.from({ length: days }, (_, i) => random.poisson(level * pattern[i % 7]));
}

/** A series with `share` of its days at zero and small counts on the others. */
export function sparseSeries(days: number, share = 0.9, seed = 2): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from(
    { length: days },
    () => (random.uniform() < share ? 0 : 1 + random.poisson(2)),
  );
}

/** A context for `target` (returns get their sales too). */
export function contextFor(
  target: Target,
  values: Float64Array,
  sales: Float64Array = values,
  productId = "P1",
): SeriesContext {
  return { productId, target, start: MONDAY, values, sales };
}

/** Returns as 10 % of sales coming back 7 days later (Poisson noise). */
export function laggedReturns(sales: Float64Array, seed = 3): Float64Array {
  const random = createRandom(seed);
  return sales.map((_, i) => (i >= 7 ? random.poisson(0.1 * sales[i - 7]) : 0));
}
