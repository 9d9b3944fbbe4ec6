/**
 * What `validate` prints: per product its span, filled days, totals and return rate, and the
 * same over the whole set. Pure numbers here; formatting in {@link formatSummary}.
 * @module
 */

import { formatIsoDay } from "./dates.ts";
import { lastDay, type SeriesSet, spanOf, sum } from "./series.ts";
import { formatTable } from "../util/table.ts";
import { terminalSafe } from "../io/terminal.ts";

/** Summary figures of one product. */
export interface ProductSummary {
  /** Product id. */
  id: string;
  /** First day (day number). */
  first: number;
  /** Last day (day number). */
  last: number;
  /** Number of days in the span. */
  days: number;
  /** Days that were missing and filled with 0. */
  filledDays: number;
  /** Total units sold. */
  sales: number;
  /** Total units returned. */
  returns: number;
  /** Returns / sales; `undefined` (n/a) with returns but no sales, 0 with neither. */
  returnRate: number | undefined;
}

/** Summary figures of a whole dataset. */
export interface DataSummary {
  /** Where the data came from. */
  source: string;
  /** One entry per product, in id order. */
  products: ProductSummary[];
  /** First day over all products. */
  first: number;
  /** Last day over all products. */
  last: number;
  /** Number of (day, product) values, filled ones included. */
  values: number;
  /** Days filled over all products. */
  filledDays: number;
  /** Total units sold. */
  sales: number;
  /** Total units returned. */
  returns: number;
}

/** Computes the summary of a series set. */
export function summarise(set: SeriesSet): DataSummary {
  const products = set.products.map((product): ProductSummary => {
    const sales = sum(product.sales);
    const returns = sum(product.returns);
    return {
      id: product.id,
      first: product.start,
      last: lastDay(product),
      days: product.sales.length,
      filledDays: product.filledDays,
      sales,
      returns,
      returnRate: returnRateOf(sales, returns),
    };
  });
  const { first, last } = spanOf(set);
  return {
    source: set.source,
    products,
    first,
    last,
    values: products.reduce((total, product) => total + product.days, 0),
    filledDays: products.reduce((total, product) => total + product.filledDays, 0),
    sales: products.reduce((total, product) => total + product.sales, 0),
    returns: products.reduce((total, product) => total + product.returns, 0),
  };
}

/** Formats a summary for the terminal: a headline and a table of products with a total row. */
export function formatSummary(summary: DataSummary): string {
  const span = summary.last - summary.first + 1;
  const headline = `${terminalSafe(summary.source)}: ${summary.products.length} products, ` +
    `${formatIsoDay(summary.first)} to ${formatIsoDay(summary.last)} (${span} days), ` +
    `${count(summary.values)} daily values, ${
      count(summary.filledDays)
    } missing days filled with 0`;
  const rows = summary.products.map((product) => [
    product.id,
    formatIsoDay(product.first),
    formatIsoDay(product.last),
    count(product.days),
    count(product.filledDays),
    count(product.sales),
    count(product.returns),
    percent(product.returnRate),
  ]);
  rows.push([
    "total",
    formatIsoDay(summary.first),
    formatIsoDay(summary.last),
    count(summary.values),
    count(summary.filledDays),
    count(summary.sales),
    count(summary.returns),
    percent(returnRateOf(summary.sales, summary.returns)),
  ]);
  const table = formatTable(
    ["product", "first", "last", "days", "filled", "sales", "returns", "return rate"],
    rows,
  );
  return `${headline}\n\n${table}`;
}

function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Returns ÷ sales; `undefined` without sales (shown "n/a"), 0 without either. */
function returnRateOf(sales: number, returns: number): number | undefined {
  if (sales > 0) return returns / sales;
  return returns > 0 ? undefined : 0;
}

function percent(value: number | undefined): string {
  return value === undefined ? "n/a" : `${(value * 100).toFixed(1)} %`;
}
