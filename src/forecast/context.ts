/**
 * Builds and cuts {@link SeriesContext} values. With a calendar, models see the history cleaned
 * (closed days filled from their weekday, isolated spikes capped — see `data/clean.ts`) and the
 * open/closed mask; the raw history is kept to judge forecasts. A backtest's training span is
 * cleaned on its own, so no day after the cutoff shapes what the model sees.
 * @module
 */

import type { ProductSeries } from "../data/series.ts";
import { type Calendar, openMask } from "../data/calendar.ts";
import { cleanSeries } from "../data/clean.ts";
import type { SeriesContext, Target } from "./types.ts";

/** What cleaning did to one product's history. */
export interface CleaningReport {
  /** Sales days capped as spikes. */
  clippedSales: number;
  /** Returns days capped as spikes. */
  clippedReturns: number;
  /** Closed days (on normally open weekdays) filled from their weekday. */
  imputedDays: number;
  /** Closed days in the history. */
  closedDays: number;
}

/**
 * A product from its launch: the days before its first sale or return are dropped (they say
 * nothing about its demand). A product that never sold is kept whole.
 */
export function fromLaunch(product: ProductSeries): ProductSeries {
  let launch = 0;
  while (
    launch < product.sales.length && product.sales[launch] === 0 && product.returns[launch] === 0
  ) {
    launch++;
  }
  if (launch === 0 || launch === product.sales.length) return product;
  return {
    ...product,
    start: product.start + launch,
    sales: product.sales.subarray(launch),
    returns: product.returns.subarray(launch),
    ...(product.expectedSales ? { expectedSales: product.expectedSales.subarray(launch) } : {}),
    ...(product.expectedReturns
      ? { expectedReturns: product.expectedReturns.subarray(launch) }
      : {}),
  };
}

/**
 * The context of one product and target over its history since launch (see {@link fromLaunch});
 * with a calendar, cleaned, with the open mask extended `horizon` days past the end.
 */
export function contextOf(
  whole: ProductSeries,
  target: Target,
  calendar?: Calendar,
  horizon = 0,
): SeriesContext {
  const product = fromLaunch(whole);
  const raw = target === "sales" ? product.sales : product.returns;
  if (!calendar) {
    return {
      productId: product.id,
      target,
      start: product.start,
      values: raw,
      sales: product.sales,
    };
  }
  const last = product.start + product.sales.length - 1;
  const open = openMask(calendar, product.start, product.sales.length + horizon, last);
  const closedWeekdays = [...calendar.closedWeekdays];
  return cleanedContext({
    productId: product.id,
    target,
    start: product.start,
    values: raw,
    sales: product.sales,
    open,
    raw: { values: raw, sales: product.sales, closedWeekdays },
  }, product.sales.length);
}

/** What cleaning changed in a product's history (for the report's data section). */
export function cleaningReport(product: ProductSeries, calendar: Calendar): CleaningReport {
  const open = openMask(
    calendar,
    product.start,
    product.sales.length,
    product.start + product.sales.length,
  );
  const rule = (w: number) => calendar.closedWeekdays.has(w);
  const sales = cleanSeries(product.sales, product.start, open, rule);
  const returns = cleanSeries(product.returns, product.start, open, rule, product.sales);
  return {
    clippedSales: sales.clipped,
    clippedReturns: returns.clipped,
    imputedDays: sales.imputed,
    closedDays: open.reduce((n, v) => n + (v ? 0 : 1), 0),
  };
}

/** The first `length` days of a context, cleaned again from the raw history when it has one. */
function cleanedContext(context: SeriesContext, length: number): SeriesContext {
  const raw = context.raw!;
  const open = context.open?.subarray(0, length);
  const rule = (w: number) => raw.closedWeekdays.includes(w);
  const sales = cleanSeries(raw.sales.subarray(0, length), context.start, open, rule).values;
  const values = context.target === "sales" ? sales : cleanSeries(
    raw.values.subarray(0, length),
    context.start,
    open,
    rule,
    raw.sales.subarray(0, length),
  )
    .values;
  return { ...context, values, sales };
}

/**
 * The first `length` days of a context, as a training span at a backtest cutoff: cleaned on its
 * own when the context is cleaned, the open mask kept in full (it reaches into the horizon).
 */
export function historyUpTo(context: SeriesContext, length: number): SeriesContext {
  const cut = truncateContext(context, length);
  if (!context.raw) return cut;
  const raw = {
    values: context.raw.values.subarray(0, length),
    sales: context.raw.sales.subarray(0, length),
    closedWeekdays: context.raw.closedWeekdays,
  };
  return cleanedContext({ ...cut, raw, ...(context.open ? { open: context.open } : {}) }, length);
}

/**
 * The first `length` days of a context (a forecast origin inside the history), values as they
 * are. Future sales are dropped: they belonged to the original origin.
 */
export function truncateContext(context: SeriesContext, length: number): SeriesContext {
  return {
    productId: context.productId,
    target: context.target,
    start: context.start,
    values: context.values.subarray(0, length),
    sales: context.sales.subarray(0, length),
    ...(context.returnLagShape ? { returnLagShape: context.returnLagShape } : {}),
    ...(context.yearly ? { yearly: context.yearly } : {}),
    ...(context.open ? { open: context.open.subarray(0, length) } : {}),
  };
}

/** The values forecasts are judged against: the raw history when the context is cleaned. */
export function actualValues(context: SeriesContext): Float64Array {
  return context.raw?.values ?? context.values;
}
