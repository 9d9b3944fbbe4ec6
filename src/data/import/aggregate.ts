/**
 * The aggregation steps of an import: pairing mistaken mega-orders with their cancellations,
 * keeping the best sellers and their large order lines, and densifying each product's days into
 * a series.
 * @module
 */

import type { ProductSeries } from "../series.ts";
import { DAY_MINUTES } from "./fields.ts";

/** An order line of mega-order size, kept until the file is read to pair it. */
export interface BigLine {
  product: string;
  customer: string;
  quantity: number;
  minute: number;
  day: number;
  invoice: string;
}

/** A counted order line of at least `orderLineUnits` units (a row of `FILE.orders.csv`). */
export interface LargeLine {
  /** Day number, product code, units ordered (a sale) or cancelled (a return). */
  day: number;
  product: string;
  units: number;
  kind: "sale" | "return";
}

/**
 * The order lines to pass on: those of the kept products, without the mega-orders dropped with
 * their cancellations, by day, product, kind and units.
 */
export function keptLines(
  lines: readonly (LargeLine & { big?: BigLine })[],
  kept: readonly ProductSeries[],
  megaOrders: readonly { order: BigLine; cancel: BigLine }[],
): LargeLine[] {
  const mega = new Set(megaOrders.flatMap(({ order, cancel }) => [order, cancel]));
  const ids = new Set(kept.map((p) => p.id));
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return lines
    .filter((l) => ids.has(l.product) && !(l.big && mega.has(l.big)))
    .map(({ day, product, units, kind }) => ({ day, product, units, kind }))
    .sort((a, b) =>
      a.day - b.day || text(a.product, b.product) || text(a.kind, b.kind) || a.units - b.units
    );
}

/** Pairs each mega-order with the same customer's cancellation of the same units within 24 h. */
export function matchMegaOrders(orders: BigLine[], cancels: BigLine[]) {
  const used = new Set<BigLine>();
  const pairs: { order: BigLine; cancel: BigLine }[] = [];
  for (const order of orders) {
    const cancel = cancels.find((candidate) =>
      !used.has(candidate) && candidate.product === order.product &&
      candidate.customer === order.customer && candidate.quantity === order.quantity &&
      candidate.minute >= order.minute && candidate.minute - order.minute <= DAY_MINUTES
    );
    if (cancel) {
      used.add(cancel);
      pairs.push({ order, cancel });
    }
  }
  return pairs;
}

/** Keeps the `top` best-selling products that have returns (all when `top` is undefined), by id. */
export function selectTop(products: ProductSeries[], top: number | undefined): ProductSeries[] {
  const byId = (a: ProductSeries, b: ProductSeries) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (top === undefined) return products.sort(byId);
  const total = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
  return products
    .filter((product) => total(product.returns) > 0)
    .map((product) => ({ product, sold: total(product.sales) }))
    .sort((a, b) => b.sold - a.sold || byId(a.product, b.product))
    .slice(0, top)
    .map(({ product }) => product)
    .sort(byId);
}

/** One product's dense daily series over the span `first`…`last`. */
export function densify(
  id: string,
  days: Map<number, [number, number]>,
  first: number,
  last: number,
): ProductSeries {
  const sales = new Float64Array(last - first + 1);
  const returns = new Float64Array(last - first + 1);
  for (const [day, [sold, returned]] of days) {
    sales[day - first] += sold;
    returns[day - first] += returned;
  }
  return { id, start: first, sales, returns, filledDays: 0 };
}
