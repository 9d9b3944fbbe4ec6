/**
 * The decisions of the replay: for every review day of the layout, each product's decision
 * (`planning/decisions.ts`) from the forecast made that day by the models `auto` would have
 * chosen then — computed once and shared by every policy replayed. Each product joins at the
 * first review with a backtest window and {@link JOIN_HISTORY_DAYS} days of history; its replay
 * ends with the cycle of the last review.
 * @module
 */

import type { ReplaySpan } from "../planning/layout.ts";
import { decide, type Decision, type DecisionSettings } from "../planning/decisions.ts";
import { originIndex, type ProductErrors } from "../planning/error_table.ts";

/** Days of history a product needs at its first review. */
export const JOIN_HISTORY_DAYS = 28;

/** One product's place in the replay. */
export interface ReplayWindow {
  /** First review day (day number); the product's warm-up starts here. */
  firstReview: number;
  /** First counted day. */
  measureFrom: number;
  /** Last replayed day (the end of the last review's cycle). */
  end: number;
}

/** Where each product's replay sits (undefined: it never reviews inside the span). */
export function replayWindows(
  tables: readonly ProductErrors[],
  span: ReplaySpan,
  reviewPeriod: number,
): (ReplayWindow | undefined)[] {
  return tables.map((table) => {
    for (let t = span.warmupStart; t <= span.lastReview; t += reviewPeriod) {
      if (t - table.product.start < JOIN_HISTORY_DAYS || originIndex(table, t) < 0) continue;
      const end = span.lastReview + table.leadTime + reviewPeriod - 1;
      const measureFrom = Math.max(span.measureStart, t + JOIN_HISTORY_DAYS);
      return measureFrom <= end ? { firstReview: t, measureFrom, end } : undefined;
    }
    return undefined;
  });
}

/** The review days of a span. */
export function reviewDays(span: ReplaySpan, reviewPeriod: number): number[] {
  const days: number[] = [];
  for (let t = span.warmupStart; t <= span.lastReview; t += reviewPeriod) days.push(t);
  return days;
}

/**
 * Calls `onReview` for every review day with the decisions of the products reviewing then (by
 * product index), made from the forecasts of that day's origin.
 */
export function forEachReview(
  tables: readonly ProductErrors[],
  windows: readonly (ReplayWindow | undefined)[],
  span: ReplaySpan,
  settings: DecisionSettings,
  onReview: (day: number, decisions: Map<number, Decision>) => void,
): void {
  for (const day of reviewDays(span, settings.reviewPeriod)) {
    const decisions = decide(tables, day, (index) => {
      const window = windows[index];
      if (!window || day < window.firstReview) return undefined;
      const table = tables[index];
      const j = originIndex(table, day);
      if (j < 0) return undefined;
      return table.originForecasts[j];
    }, settings);
    onReview(day, decisions);
  }
}
