/**
 * Helpers to cut and build {@link SeriesContext} values.
 * @module
 */

import type { ProductSeries } from "../data/series.ts";
import type { SeriesContext, Target } from "./types.ts";

/** The context of one product and target over its whole history. */
export function contextOf(product: ProductSeries, target: Target): SeriesContext {
  return {
    productId: product.id,
    target,
    start: product.start,
    values: target === "sales" ? product.sales : product.returns,
    sales: product.sales,
  };
}

/**
 * The first `length` days of a context (a forecast origin inside the history). Future sales are
 * dropped: they belonged to the original origin.
 */
export function truncateContext(context: SeriesContext, length: number): SeriesContext {
  return {
    productId: context.productId,
    target: context.target,
    start: context.start,
    values: context.values.subarray(0, length),
    sales: context.sales.subarray(0, length),
    ...(context.returnLagShape ? { returnLagShape: context.returnLagShape } : {}),
    ...(context.open ? { open: context.open.subarray(0, length) } : {}),
  };
}
