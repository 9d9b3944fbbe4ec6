/**
 * Writes a {@link SeriesSet} as the daily series CSV contract, atomically. Rows are in date order,
 * then product order, so the same data always gives the same bytes.
 * @module
 */

import { formatCsvRows } from "./csv.ts";
import { formatIsoDay } from "./dates.ts";
import { type SeriesSet, spanOf } from "./series.ts";
import { writeOutputFile } from "../io/output_file.ts";
import { DIGITS, roundTo } from "../util/round.ts";

/** Options for {@link formatDaily}. */
export interface FormatDailyOptions {
  /** Add `expected_sales,expected_returns` columns when the set carries them. @default false */
  withTruth?: boolean;
}

/**
 * Formats a series set as daily CSV text.
 *
 * @example
 * ```ts
 * import { formatDaily } from "./write_daily.ts";
 * const text = formatDaily({
 *   source: "example",
 *   products: [{ id: "P1", start: 19358, sales: new Float64Array([5]), returns: new Float64Array([1]), filledDays: 0 }],
 * });
 * text; // "date,product_id,sales,returns\n2023-01-01,P1,5,1\n"
 * ```
 */
export function formatDaily(set: SeriesSet, options: FormatDailyOptions = {}): string {
  const withTruth = options.withTruth === true &&
    set.products.every((product) => product.expectedSales && product.expectedReturns);
  const header = ["date", "product_id", "sales", "returns"];
  if (withTruth) header.push("expected_sales", "expected_returns");
  const rows: unknown[][] = [header];
  const { first, last } = spanOf(set);
  for (let day = first; day <= last; day++) {
    const date = formatIsoDay(day);
    for (const product of set.products) {
      const i = day - product.start;
      if (i < 0 || i >= product.sales.length) continue;
      const row: unknown[] = [
        date,
        product.id,
        round3(product.sales[i]),
        round3(product.returns[i]),
      ];
      if (withTruth) {
        row.push(round3(product.expectedSales![i]), round3(product.expectedReturns![i]));
      }
      rows.push(row);
    }
  }
  return formatCsvRows(rows);
}

/** Writes a series set to `path` as daily CSV (temporary file + rename), recorded as Returncast's. */
export async function writeDaily(
  path: string,
  set: SeriesSet,
  options: FormatDailyOptions = {},
): Promise<void> {
  await writeOutputFile(path, formatDaily(set, options));
}

function round3(value: number): number {
  return roundTo(value, DIGITS.units);
}
