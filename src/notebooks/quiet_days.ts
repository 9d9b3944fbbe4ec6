/**
 * Days on which no product of a dataset sold anything. In a busy shop those are closed days
 * (Saturdays, Christmas); in the synthetic data there are none. Counted per weekday so a
 * weekly closing day stands out.
 * @module
 */

import { weekday } from "../data/dates.ts";
import { type SeriesSet, spanOf } from "../data/series.ts";

/** The days without any sale over a dataset's span. */
export interface QuietDays {
  /** Days in the span. */
  spanDays: number;
  /** Day numbers on which no product sold, ascending. */
  days: number[];
  /** How many of them fall on each weekday, Monday first. */
  byWeekday: number[];
  /** How many days of the span fall on each weekday, Monday first. */
  weekdaysInSpan: number[];
}

/**
 * Finds the days on which no product sold (returns do not count: a cancellation can be booked
 * on a closed day).
 *
 * @example
 * ```ts
 * import { quietDays } from "./quiet_days.ts";
 * const product = (sales: number[]) => ({
 *   id: String(sales.length), start: 19358, filledDays: 0,
 *   sales: new Float64Array(sales), returns: new Float64Array(sales.length),
 * });
 * quietDays({ source: "x", products: [product([1, 0, 0]), product([1, 2, 0])] }).days; // [19360]
 * ```
 */
export function quietDays(set: SeriesSet): QuietDays {
  const { first, last } = spanOf(set);
  const spanDays = set.products.length > 0 ? last - first + 1 : 0;
  const sold = new Float64Array(spanDays);
  for (const product of set.products) {
    for (let i = 0; i < product.sales.length; i++) {
      sold[product.start - first + i] += product.sales[i];
    }
  }
  const days: number[] = [];
  const byWeekday = new Array<number>(7).fill(0);
  const weekdaysInSpan = new Array<number>(7).fill(0);
  for (let i = 0; i < spanDays; i++) {
    const w = weekday(first + i);
    weekdaysInSpan[w]++;
    if (sold[i] === 0) {
      days.push(first + i);
      byWeekday[w]++;
    }
  }
  return { spanDays, days, byWeekday, weekdaysInSpan };
}
