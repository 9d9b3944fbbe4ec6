/**
 * How lumpy one product's daily demand is: the share of days without a sale, the typical day
 * that has sales, and the biggest day against it (a wholesale order shows as a day of 10–100×
 * the typical one). Describes data; models do their own cleaning.
 * @module
 */

import type { ProductSeries } from "../data/series.ts";
import { sum } from "../data/series.ts";

/** The shape of one product's daily sales. */
export interface DemandShape {
  /** Product id. */
  productId: string;
  /** Days in the series. */
  days: number;
  /** Share of days with no sales (0–1). */
  zeroShare: number;
  /** Median units sold on days with any sales (0 when none). */
  medianNonZero: number;
  /** Units sold on the biggest day. */
  maxDay: number;
  /** Day number of the biggest day (the first, on ties). */
  maxDayOn: number;
  /** Biggest day ÷ median non-zero day (0 when nothing sold). */
  maxOverMedian: number;
  /** Share of all units sold on the 5 biggest days. */
  topFiveShare: number;
  /** Units returned ÷ units sold (0 when nothing sold). */
  returnRate: number;
}

/**
 * Describes a product's daily sales.
 *
 * @example
 * ```ts
 * import { demandShape } from "./demand_shape.ts";
 * const shape = demandShape({
 *   id: "A", start: 19358, filledDays: 0,
 *   sales: new Float64Array([0, 2, 2, 40, 0, 2]), returns: new Float64Array([0, 0, 0, 0, 1, 0]),
 * });
 * [shape.zeroShare, shape.medianNonZero, shape.maxOverMedian]; // [1 / 3, 2, 20]
 * ```
 */
export function demandShape(product: ProductSeries): DemandShape {
  const sales = product.sales;
  const positive = Array.from(sales).filter((v) => v > 0).sort((a, b) => a - b);
  const medianNonZero = positive.length > 0 ? positive[Math.floor(positive.length / 2)] : 0;
  let maxIndex = 0;
  for (let i = 1; i < sales.length; i++) if (sales[i] > sales[maxIndex]) maxIndex = i;
  const maxDay = sales.length > 0 ? sales[maxIndex] : 0;
  const total = sum(sales);
  const topFive = positive.slice(-5).reduce((a, b) => a + b, 0);
  return {
    productId: product.id,
    days: sales.length,
    zeroShare: sales.length > 0 ? (sales.length - positive.length) / sales.length : 0,
    medianNonZero,
    maxDay,
    maxDayOn: product.start + maxIndex,
    maxOverMedian: medianNonZero > 0 ? maxDay / medianNonZero : 0,
    topFiveShare: total > 0 ? topFive / total : 0,
    returnRate: total > 0 ? sum(product.returns) / total : 0,
  };
}
