/**
 * Large orders (`--large-order-units N`): order lines above N units are served from outside the
 * shelf stock (planned separately, as wholesalers do), so they neither drive the shelf's safety
 * stock nor count in its fill rate; the simulation counts them apart. Daily data cannot show
 * single orders, so `import` writes them beside the daily CSV (`order_lines_file.ts`). Pure.
 * @module
 */

import type { ProductSeries, SeriesSet } from "../../data/series.ts";

/** One order line of a product. */
export interface OrderLine {
  /** Day number. */
  day: number;
  /** Product id. */
  productId: string;
  /** Units on the line (> 0). */
  units: number;
  /** A sale or a cancellation (a return). */
  kind: "sale" | "return";
}

/**
 * Units per day in lines of more than `threshold` units, over the days of `product`.
 *
 * @example
 * ```ts
 * import { largeUnitsPerDay } from "./lines.ts";
 * const lines = [
 *   { day: 11, productId: "A", units: 500, kind: "sale" as const },
 *   { day: 11, productId: "A", units: 80, kind: "sale" as const },
 *   { day: 12, productId: "A", units: 300, kind: "sale" as const },
 * ];
 * largeUnitsPerDay(lines, 100, { start: 10, days: 3 }); // Float64Array [0, 500, 300]
 * ```
 */
export function largeUnitsPerDay(
  lines: readonly OrderLine[],
  threshold: number,
  span: { start: number; days: number },
  kind: OrderLine["kind"] = "sale",
): Float64Array {
  const result = new Float64Array(span.days);
  for (const line of lines) {
    const i = line.day - span.start;
    if (line.kind === kind && line.units > threshold && i >= 0 && i < span.days) {
      result[i] += line.units;
    }
  }
  return result;
}

/** Order lines grouped by product. */
export function linesByProduct(lines: readonly OrderLine[]): Map<string, OrderLine[]> {
  const out = new Map<string, OrderLine[]>();
  for (const line of lines) {
    const list = out.get(line.productId);
    if (list) list.push(line);
    else out.set(line.productId, [line]);
  }
  return out;
}

/** A product's large sale and return units per day. */
export interface LargeUnits {
  sales: Float64Array;
  returns: Float64Array;
}

/** Large units per day of a product (lines above `threshold`). */
export function largeUnitsOf(
  product: ProductSeries,
  lines: readonly OrderLine[],
  threshold: number,
): LargeUnits {
  const span = { start: product.start, days: product.sales.length };
  return {
    sales: largeUnitsPerDay(lines, threshold, span, "sale"),
    returns: largeUnitsPerDay(lines, threshold, span, "return"),
  };
}

/**
 * The demand the shelf serves when lines above `threshold` units go to outside stock: daily sales
 * and returns less those lines (never below 0), and the large sale units per product.
 */
export function regularDemand(
  set: SeriesSet,
  lines: ReadonlyMap<string, readonly OrderLine[]>,
  threshold: number,
): { set: SeriesSet; large: Map<string, Float64Array> } {
  const large = new Map<string, Float64Array>();
  const products = set.products.map((product) => {
    const mine = lines.get(product.id);
    if (!mine) return product;
    const units = largeUnitsOf(product, mine, threshold);
    large.set(product.id, units.sales);
    const less = (values: Float64Array, minus: Float64Array) =>
      Float64Array.from(values, (v, i) => Math.max(0, v - minus[i]));
    return {
      ...product,
      sales: less(product.sales, units.sales),
      returns: less(product.returns, units.returns),
    };
  });
  return { set: { ...set, products }, large };
}
