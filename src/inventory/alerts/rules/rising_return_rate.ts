/**
 * `rising-return-rate` (high): the return rate of the last 28 days is up on the 90 days before,
 * beyond noise (a two-proportion z test), by at least 2 points and half the earlier rate.
 * @module
 */

import { type ProductSeries, sum } from "../../../data/series.ts";
import { type AlertRule, pct } from "../types.ts";

/** Days of the recent window. */
const LAST_DAYS = 28;
/** Days of the window before it. */
const BEFORE_DAYS = 90;
/** Smallest rise of the return rate worth an alert (percentage points as a share). */
const MIN_RISE = 0.02;

/** The return rate of the last 28 days against the 90 before, with the z of the rise. */
export function risingReturnRate(
  product: ProductSeries,
): { recent: number; before: number; z: number } | undefined {
  const n = product.sales.length;
  if (n < LAST_DAYS + BEFORE_DAYS) return undefined;
  const window = (from: number, to: number) => ({
    sold: sum(product.sales.subarray(from, to)),
    returned: sum(product.returns.subarray(from, to)),
  });
  const last = window(n - LAST_DAYS, n);
  const before = window(n - LAST_DAYS - BEFORE_DAYS, n - LAST_DAYS);
  if (last.sold <= 0 || before.sold <= 0) return undefined;
  const p1 = last.returned / last.sold;
  const p0 = before.returned / before.sold;
  const pooled = (last.returned + before.returned) / (last.sold + before.sold);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / last.sold + 1 / before.sold));
  return { recent: p1, before: p0, z: se > 0 ? (p1 - p0) / se : 0 };
}

/** The rule. */
export const risingReturnRateRule: AlertRule = {
  id: "rising-return-rate",
  severity: "high",
  evaluate({ product, thresholds }) {
    const rising = risingReturnRate(product);
    if (
      !(rising && rising.z >= thresholds.risingZ && rising.recent - rising.before >= MIN_RISE &&
        rising.recent >= 1.5 * rising.before)
    ) {
      return [];
    }
    return [{
      value: rising.recent,
      threshold: rising.before,
      message: `return rate rose to ${pct(rising.recent)} over the last ${LAST_DAYS} days from ${
        pct(rising.before)
      } over the ${BEFORE_DAYS} before (z = ${rising.z.toFixed(1)}, beyond noise)`,
      action: "check recent batches, suppliers or listing changes; watch returns before reordering",
    }];
  },
  describe: (t) => ({
    text: `return rate of the last ${LAST_DAYS} days up at least ${
      MIN_RISE * 100
    } points on the ${BEFORE_DAYS} before, with z ≥ ${t.risingZ}`,
  }),
};
