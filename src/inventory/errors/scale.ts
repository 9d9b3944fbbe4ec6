/**
 * The demand scale that makes errors of different products and seasons comparable (for pooling):
 * for products with frequent demand (the SBC classes smooth and erratic, `classify.ts`) the mean
 * daily sales of the {@link LEVEL_DAYS} days before each sample's origin, so own errors follow
 * season and trend; for intermittent and lumpy demand the mean over the whole history before the
 * decision, the same for all of the product's samples — a single wholesale order must not make
 * the scale, and every error divided by it, jump. Pure and browser-safe.
 * @module
 */

import type { DemandClass } from "./classify.ts";

/** Days of sales behind the recent demand level of a frequent product. */
export const LEVEL_DAYS = 56;

/**
 * The demand scale of a total over `days` days ending before index `end`: mean daily sales over
 * the `window` days before `end` (fewer at the start of a history) × `days`, at least 1 unit.
 *
 * @example
 * ```ts
 * import { demandScale } from "./scale.ts";
 * demandScale([2, 4, 6, 8], 4, 14, 2); // mean(6, 8) × 14 = 98
 * ```
 */
export function demandScale(
  sales: ArrayLike<number>,
  end: number,
  days: number,
  window = LEVEL_DAYS,
): number {
  const from = Math.max(0, end - window);
  let total = 0;
  for (let i = from; i < end; i++) total += sales[i];
  const mean = end > from ? total / (end - from) : 0;
  return Math.max(1, mean * days);
}

/** Whether a class's recent level follows its demand closely enough to scale each sample by. */
export function isFrequent(demandClass: DemandClass): boolean {
  return demandClass === "smooth" || demandClass === "erratic";
}

/**
 * The scale of a product's sample at `origin` (index into `sales`) for a decision at index
 * `decision`: the recent level at the origin for frequent demand, the long-run level before the
 * decision otherwise.
 */
export function sampleScale(
  sales: ArrayLike<number>,
  origin: number,
  decision: number,
  days: number,
  demandClass: DemandClass,
): number {
  return isFrequent(demandClass)
    ? demandScale(sales, origin, days)
    : demandScale(sales, decision, days, Infinity);
}
