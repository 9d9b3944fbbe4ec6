/**
 * Turns order lines (one row per invoice line, as shops export them) into the daily series
 * contract: sales are units on normal invoices with a positive quantity and price, returns are
 * units on cancellation invoices (number starting with `C`). Pure: text in, series and a summary
 * of what was counted and dropped out.
 * @module
 */

import { forEachCsvRow } from "../csv.ts";
import { formatIsoDay, parseIsoDay } from "../dates.ts";
import { InputError } from "../../io/errors.ts";
import type { ProductSeries, SeriesSet } from "../series.ts";
import { type OrderField, type OrderLayout, resolveColumns } from "./layouts.ts";

/** Options of {@link importOrderLines}. */
export interface ImportOptions {
  /** Layout of the file; recognised from the header when absent. */
  layout?: OrderLayout;
  /** Keep the N best-selling products (by units) that have any returns. */
  top?: number;
  /** Drop mistaken mega-orders together with their cancellation. @default false */
  dropMegaOrders?: boolean;
  /** Units from which an order line counts as a mega-order. @default 10000 */
  megaOrderUnits?: number;
  /** Invoice prefix that marks a cancellation. @default "C" */
  cancellationPrefix?: string;
}

/** Why a line was not counted. */
export type DropReason =
  | "non-product code"
  | "stock adjustment (quantity > 0, price ≤ 0)"
  | "write-off (negative quantity on a normal invoice)"
  | "zero quantity"
  | "cancellation with a positive quantity"
  | "mega-order or its cancellation";

/** A mistaken mega-order dropped with its cancellation. */
export interface DroppedMegaOrder {
  /** Product code. */
  product: string;
  /** Customer of both lines. */
  customer: string;
  /** Units ordered and cancelled. */
  quantity: number;
  /** Date of the order (YYYY-MM-DD). */
  orderDate: string;
  /** Invoice of the order. */
  orderInvoice: string;
  /** Invoice of the cancellation. */
  cancelInvoice: string;
}

/** What an import counted and dropped. */
export interface ImportSummary {
  /** Layout used. */
  layout: string;
  /** Data lines read (header excluded). */
  linesRead: number;
  /** Lines counted as sales. */
  salesLines: number;
  /** Lines counted as returns. */
  returnLines: number;
  /** Lines dropped, by reason. */
  dropped: Partial<Record<DropReason, number>>;
  /** Mega-orders dropped with their cancellations. */
  megaOrders: DroppedMegaOrder[];
  /** Products with any counted line. */
  productsSeen: number;
  /** Products written (after `top`). */
  productsKept: number;
  /** First day of the span (YYYY-MM-DD). */
  first: string;
  /** Last day of the span (YYYY-MM-DD). */
  last: string;
  /** Units sold over the kept products. */
  totalSales: number;
  /** Units returned over the kept products. */
  totalReturns: number;
}

const NON_PRODUCT_CODES = new Set([
  "POST",
  "DOT",
  "M",
  "C2",
  "C3",
  "D",
  "S",
  "BANK CHARGES",
  "ADJUST",
  "ADJUST2",
  "AMAZONFEE",
  "PADS",
  "CRUK",
  "TEST001",
  "TEST002",
  "B",
  "GIFT",
]);

const DAY_MINUTES = 1440;

interface BigLine {
  product: string;
  customer: string;
  quantity: number;
  minute: number;
  day: number;
  invoice: string;
}

/** Whether an (upper-cased, trimmed) Online Retail stock code is not a product. */
export function isNonProductCode(code: string): boolean {
  return NON_PRODUCT_CODES.has(code) || code.startsWith("GIFT_0001_");
}

/**
 * Aggregates order-line CSV text into daily series per product. Every calendar day of the span
 * is present for every product. `file` names the source in error messages.
 */
export function importOrderLines(
  text: string,
  file: string,
  options: ImportOptions = {},
): { set: SeriesSet; summary: ImportSummary } {
  const megaUnits = options.megaOrderUnits ?? 10_000;
  const cancelPrefix = options.cancellationPrefix ?? "C";
  const perProduct = new Map<string, Map<number, [number, number]>>();
  const dropped: Partial<Record<DropReason, number>> = {};
  const drop = (reason: DropReason) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
  const bigOrders: BigLine[] = [];
  const bigCancels: BigLine[] = [];
  const dayCache = new Map<string, number>();
  let columns: Partial<Record<OrderField, number>> = {};
  let layout: OrderLayout | undefined;
  let linesRead = 0;
  let salesLines = 0;
  let returnLines = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;

  if (text.trim() === "") throw new InputError("file is empty; expected order lines", { file });

  forEachCsvRow(text, (fields, index) => {
    const line = index + 1;
    if (index === 0) {
      ({ layout, index: columns } = resolveColumns(fields, file, options.layout));
      return;
    }
    if (fields.length === 1 && fields[0].trim() === "") return;
    linesRead++;
    const at = (field: OrderField) => (columns[field] === undefined ? "" : fields[columns[field]!]);
    const product = at("product").trim().toUpperCase();
    const invoice = at("invoice").trim();
    const quantity = numberField(at("quantity"), "quantity", file, line);
    const price = columns.price === undefined ? 1 : numberField(at("price"), "price", file, line);
    const when = parseTimestamp(at("date").trim(), dayCache);
    if (when === undefined) {
      throw new InputError(
        `date must look like YYYY-MM-DD HH:MM:SS or M/D/YYYY H:MM, got ${
          JSON.stringify(at("date"))
        }`,
        { file, line },
      );
    }
    if (product === "") throw new InputError("product code is empty", { file, line });
    if (layout!.onlineRetailCodes && isNonProductCode(product)) {
      return void drop("non-product code");
    }
    const isCancellation = invoice.toUpperCase().startsWith(cancelPrefix.toUpperCase());
    let sold = 0;
    let returned = 0;
    if (quantity === 0) return void drop("zero quantity");
    if (isCancellation) {
      if (quantity > 0) return void drop("cancellation with a positive quantity");
      returned = -quantity;
      returnLines++;
    } else {
      if (quantity < 0) return void drop("write-off (negative quantity on a normal invoice)");
      if (price <= 0) return void drop("stock adjustment (quantity > 0, price ≤ 0)");
      sold = quantity;
      salesLines++;
    }
    const day = Math.floor(when / DAY_MINUTES);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    let days = perProduct.get(product);
    if (!days) perProduct.set(product, days = new Map());
    const cell = days.get(day);
    if (cell) {
      cell[0] += sold;
      cell[1] += returned;
    } else days.set(day, [sold, returned]);
    if (Math.abs(quantity) >= megaUnits) {
      const big = {
        product,
        customer: at("customer").trim(),
        quantity: Math.abs(quantity),
        minute: when,
        day,
        invoice,
      };
      (isCancellation ? bigCancels : bigOrders).push(big);
    }
  });

  if (linesRead === 0) {
    throw new InputError("has a header but no order lines", { file });
  }
  const megaOrders = options.dropMegaOrders ? matchMegaOrders(bigOrders, bigCancels) : [];
  for (const { order, cancel } of megaOrders) {
    perProduct.get(order.product)!.get(order.day)![0] -= order.quantity;
    perProduct.get(cancel.product)!.get(cancel.day)![1] -= cancel.quantity;
    drop("mega-order or its cancellation");
    drop("mega-order or its cancellation");
    salesLines--;
    returnLines--;
  }

  const products = [...perProduct.entries()].map(([id, days]) =>
    densify(id, days, firstDay, lastDay)
  );
  const kept = selectTop(products, options.top);
  const totals = (pick: (p: ProductSeries) => Float64Array) =>
    kept.reduce((total, product) => total + pick(product).reduce((a, b) => a + b, 0), 0);
  return {
    set: { source: file, products: kept },
    summary: {
      layout: layout!.name,
      linesRead,
      salesLines,
      returnLines,
      dropped,
      megaOrders: megaOrders.map(({ order, cancel }) => ({
        product: order.product,
        customer: order.customer,
        quantity: order.quantity,
        orderDate: formatIsoDay(order.day),
        orderInvoice: order.invoice,
        cancelInvoice: cancel.invoice,
      })),
      productsSeen: products.length,
      productsKept: kept.length,
      first: Number.isFinite(firstDay) ? formatIsoDay(firstDay) : "",
      last: Number.isFinite(lastDay) ? formatIsoDay(lastDay) : "",
      totalSales: totals((p) => p.sales),
      totalReturns: totals((p) => p.returns),
    },
  };
}

/** Pairs each mega-order with the same customer's cancellation of the same units within 24 h. */
function matchMegaOrders(orders: BigLine[], cancels: BigLine[]) {
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

function selectTop(products: ProductSeries[], top: number | undefined): ProductSeries[] {
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

function densify(
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

function numberField(text: string, name: string, file: string, line: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new InputError(`${name} must be a number, got ${JSON.stringify(text)}`, { file, line });
  }
  return value;
}

/** Minutes since 1970-01-01 for `YYYY-MM-DD[ HH:MM[:SS]]` or `M/D/YYYY[ H:MM]`. */
function parseTimestamp(text: string, cache: Map<string, number>): number | undefined {
  const space = text.indexOf(" ");
  const datePart = space < 0 ? text : text.slice(0, space);
  let day = cache.get(datePart);
  if (day === undefined) {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(datePart);
    day = us
      ? parseIsoDay(`${us[3]}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}`)
      : parseIsoDay(datePart);
    if (day === undefined) return undefined;
    cache.set(datePart, day);
  }
  let minutes = 0;
  if (space >= 0) {
    const time = /^(\d{1,2}):(\d{2})/.exec(text.slice(space + 1));
    if (!time) return undefined;
    minutes = Number(time[1]) * 60 + Number(time[2]);
  }
  return day * DAY_MINUTES + minutes;
}
