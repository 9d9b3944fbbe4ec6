/**
 * Turns order lines (one row per invoice line, as shops export them) into the daily series
 * contract: sales are units on normal invoices with a positive quantity and price, returns are
 * units on cancellation invoices (number starting with `C`). Pure: text in, series and a summary
 * of what was counted and dropped out.
 * @module
 */

import { CsvRowReader } from "../csv.ts";
import { formatIsoDay, YEAR_RANGE } from "../dates.ts";
import { InputError, quoted } from "../../io/errors.ts";
import { MAX_DAILY_UNITS } from "../parse_daily.ts";
import { DAY_MINUTES, isNonProductCode, numberField, parseTimestamp } from "./fields.ts";
import {
  type BigLine,
  densify,
  keptLines,
  type LargeLine,
  matchMegaOrders,
  selectTop,
} from "./aggregate.ts";
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
  /** Counted order lines of at least this many units are passed on one by one. @default 100 */
  orderLineUnits?: number;
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

/**
 * Aggregates order-line CSV text into daily series per product. Every calendar day of the span
 * is present for every product. `file` names the source in error messages.
 */
export function importOrderLines(
  text: string,
  file: string,
  options: ImportOptions = {},
): { set: SeriesSet; summary: ImportSummary; lines: LargeLine[] } {
  const importer = new OrderLineImporter(file, options);
  importer.push(text);
  return importer.finish();
}

/**
 * Aggregates order lines that arrive in pieces (a streamed file): {@link OrderLineImporter.push}
 * each piece, then {@link OrderLineImporter.finish} for the series and the summary.
 */
export class OrderLineImporter {
  readonly #file: string;
  readonly #options: ImportOptions;
  readonly #reader: CsvRowReader;
  readonly #megaUnits: number;
  readonly #cancelPrefix: string;
  readonly #perProduct = new Map<string, Map<number, [number, number]>>();
  readonly #dropped: Partial<Record<DropReason, number>> = {};
  readonly #bigOrders: BigLine[] = [];
  readonly #bigCancels: BigLine[] = [];
  readonly #lineUnits: number;
  readonly #lines: (LargeLine & { big?: BigLine })[] = [];
  readonly #dayCache = new Map<string, number>();
  #columns: Partial<Record<OrderField, number>> = {};
  #layout?: OrderLayout;
  #linesRead = 0;
  #salesLines = 0;
  #returnLines = 0;
  #firstDay = Infinity;
  #lastDay = -Infinity;
  #sawText = false;

  /** An importer for the order lines of `file` (named in error messages). */
  constructor(file: string, options: ImportOptions = {}) {
    this.#file = file;
    this.#options = options;
    this.#megaUnits = options.megaOrderUnits ?? 10_000;
    this.#cancelPrefix = (options.cancellationPrefix ?? "C").toUpperCase();
    this.#lineUnits = options.orderLineUnits ?? 100;
    this.#reader = new CsvRowReader((fields, index) => this.#line(fields, index), { file });
  }

  /** Takes the next piece of the file's text. */
  push(text: string): void {
    if (!this.#sawText) {
      if (text.trim() === "") return;
      this.#sawText = true;
    }
    this.#reader.push(text);
  }

  /**
   * The daily series, the summary and the counted order lines of at least `orderLineUnits` units
   * of the kept products (mega-orders dropped with their cancellation are not among them), by
   * day, product and kind; an empty file is an {@link InputError}.
   */
  finish(): { set: SeriesSet; summary: ImportSummary; lines: LargeLine[] } {
    const file = this.#file;
    this.#reader.end();
    if (!this.#sawText) {
      throw new InputError("file is empty; expected order lines", { file });
    }
    if (this.#linesRead === 0) {
      throw new InputError("has a header but no order lines", { file });
    }
    const dropped = this.#dropped;
    const drop = (reason: DropReason) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
    const perProduct = this.#perProduct;
    const megaOrders = this.#options.dropMegaOrders
      ? matchMegaOrders(this.#bigOrders, this.#bigCancels)
      : [];
    for (const { order, cancel } of megaOrders) {
      perProduct.get(order.product)!.get(order.day)![0] -= order.quantity;
      perProduct.get(cancel.product)!.get(cancel.day)![1] -= cancel.quantity;
      drop("mega-order or its cancellation");
      drop("mega-order or its cancellation");
      this.#salesLines--;
      this.#returnLines--;
    }
    const [firstDay, lastDay] = [this.#firstDay, this.#lastDay];
    const products = [...perProduct.entries()].map(([id, days]) =>
      densify(id, days, firstDay, lastDay)
    );
    const kept = selectTop(products, this.#options.top);
    const lines = keptLines(this.#lines, kept, megaOrders);
    const totals = (pick: (p: ProductSeries) => Float64Array) =>
      kept.reduce((total, product) => total + pick(product).reduce((a, b) => a + b, 0), 0);
    return {
      lines,
      set: { source: file, products: kept },
      summary: {
        layout: this.#layout!.name,
        linesRead: this.#linesRead,
        salesLines: this.#salesLines,
        returnLines: this.#returnLines,
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

  #line(fields: string[], index: number): void {
    const file = this.#file;
    const line = index + 1;
    if (index === 0) {
      ({ layout: this.#layout, index: this.#columns } = resolveColumns(
        fields,
        file,
        this.#options.layout,
      ));
      return;
    }
    if (fields.length === 1 && fields[0].trim() === "") return;
    this.#linesRead++;
    const columns = this.#columns;
    const drop = (reason: DropReason) =>
      void (this.#dropped[reason] = (this.#dropped[reason] ?? 0) + 1);
    const at = (field: OrderField) => (columns[field] === undefined ? "" : fields[columns[field]!]);
    const product = at("product").trim().toUpperCase();
    const invoice = at("invoice").trim();
    const quantity = numberField(at("quantity"), "quantity", file, line);
    const price = columns.price === undefined ? 1 : numberField(at("price"), "price", file, line);
    const when = parseTimestamp(at("date").trim(), this.#dayCache);
    if (when === undefined) {
      throw new InputError(
        `date must look like YYYY-MM-DD HH:MM:SS or M/D/YYYY H:MM (a real date from ` +
          `${YEAR_RANGE.first} to ${YEAR_RANGE.last}, a real time), got ${quoted(at("date"))}`,
        { file, line },
      );
    }
    if (product === "") throw new InputError("product code is empty", { file, line });
    if (this.#layout!.onlineRetailCodes && isNonProductCode(product)) {
      return drop("non-product code");
    }
    const isCancellation = invoice.toUpperCase().startsWith(this.#cancelPrefix);
    let sold = 0;
    let returned = 0;
    if (quantity === 0) return drop("zero quantity");
    if (isCancellation) {
      if (quantity > 0) return drop("cancellation with a positive quantity");
      returned = -quantity;
      this.#returnLines++;
    } else {
      if (quantity < 0) return drop("write-off (negative quantity on a normal invoice)");
      if (price <= 0) return drop("stock adjustment (quantity > 0, price ≤ 0)");
      sold = quantity;
      this.#salesLines++;
    }
    const day = Math.floor(when / DAY_MINUTES);
    this.#firstDay = Math.min(this.#firstDay, day);
    this.#lastDay = Math.max(this.#lastDay, day);
    let days = this.#perProduct.get(product);
    if (!days) this.#perProduct.set(product, days = new Map());
    const cell = days.get(day);
    if (cell) {
      cell[0] += sold;
      cell[1] += returned;
      if (cell[0] > MAX_DAILY_UNITS || cell[1] > MAX_DAILY_UNITS) {
        throw new InputError(
          `product ${quoted(product)} totals more than 10^12 units on one day; ` +
            "check the quantity column",
          { file, line },
        );
      }
    } else days.set(day, [sold, returned]);
    let big: BigLine | undefined;
    if (Math.abs(quantity) >= this.#megaUnits) {
      big = {
        product,
        customer: at("customer").trim(),
        quantity: Math.abs(quantity),
        minute: when,
        day,
        invoice,
      };
      (isCancellation ? this.#bigCancels : this.#bigOrders).push(big);
    }
    if (Math.abs(quantity) >= this.#lineUnits) {
      const kind = isCancellation ? "return" : "sale";
      this.#lines.push({ day, product, units: Math.abs(quantity), kind, ...(big ? { big } : {}) });
    }
  }
}
