/**
 * The demand scale that makes errors of different products and seasons comparable (for pooling):
 * for smooth demand (SBC classes, `classify.ts`) the sales the forecast expected over the
 * sample's own L + R days — season and trend included, and a smooth product's errors grow with
 * its volume; for erratic demand, whose forecasts jump with single days, the mean daily sales of
 * the {@link LEVEL_DAYS} days before each sample's origin; both floored at a share of the
 * long-run level, so a quiet spell or a forecast near zero cannot blow an error up. For
 * intermittent and lumpy demand the mean over the whole history before the decision, the same
 * for all of the product's samples — a single wholesale order must not make the scale, and every
 * error divided by it, jump. Pure and browser-safe.
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
 * How far below the long-run level a frequent product's recent level may take its scale: a quiet
 * spell (a pause, a stock-out, a slow launch) must not make a later error look enormous per unit
 * of scale — pooled, such a point would inflate every similar product's safety stock.
 */
export const MIN_LEVEL_SHARE = 0.25;

/**
 * The scales of a product's samples for a decision at index `decision`, by origin (index into
 * `sales`) and the total of the sales forecast made at that origin over the sample's `days` days
 * ({@link totalOfFirst}): for smooth demand that total, the recent level at the origin for erratic
 * demand, each at least {@link MIN_LEVEL_SHARE} of the long-run level before the decision; the
 * long-run level otherwise. The long-run level is summed once per decision, not once per sample.
 *
 * @example
 * ```ts
 * import { sampleScales } from "./scale.ts";
 * // 56 quiet days after a long run at 10 a day: the recent level 0 is floored at ¼ × the mean.
 * const sales = [...Array(200).fill(10), ...Array(56).fill(0)];
 * sampleScales(sales, 256, 14, "erratic")(256, 0); // ¼ × (2,000 / 256) × 14 ≈ 27.3
 * sampleScales(sales, 256, 14, "smooth")(256, 140); // the forecast total, 140
 * ```
 */
export function sampleScales(
  sales: ArrayLike<number>,
  decision: number,
  days: number,
  demandClass: DemandClass,
): (origin: number, forecastTotal: number) => number {
  const longRun = demandScale(sales, decision, days, Infinity);
  if (!isFrequent(demandClass)) return () => longRun;
  const floor = MIN_LEVEL_SHARE * longRun;
  if (demandClass === "smooth") {
    return (_, forecastTotal) => Math.max(forecastTotal, floor);
  }
  return (origin) => Math.max(demandScale(sales, origin, days), floor);
}

/** The sum of the first `days` values (fewer when there are fewer). */
export function totalOfFirst(values: ArrayLike<number>, days: number): number {
  let total = 0;
  for (let i = 0; i < Math.min(days, values.length); i++) total += values[i];
  return total;
}
