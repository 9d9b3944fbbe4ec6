/**
 * `FILE.orders.csv` beside a daily CSV `FILE.csv`: `date,product_id,units,kind` — one row per
 * order line of at least {@link ORDER_LINE_FLOOR} units, `kind` `sale` or `return` (a
 * cancellation), written by `import`. Daily data without the file has no large orders. Read with
 * the streamed reader; `units` is a decimal number above 0 and at most 10¹², `date` a real day.
 * @module
 */

import { readInputTable } from "../../data/input_table.ts";
import { formatCsvRows } from "../../data/csv.ts";
import { formatIsoDay } from "../../data/dates.ts";
import type { LargeLine } from "../../data/import/aggregate.ts";
import { InputError, quoted } from "../../io/errors.ts";
import type { OrderLine } from "./lines.ts";

/** Smallest order line `import` passes on, in units. */
export const ORDER_LINE_FLOOR = 100;

/** The layout, for messages. */
export const ORDER_LINES_LAYOUT = "date,product_id,units,kind";

/** Path of the order-lines file that belongs to a daily CSV. */
export function orderLinesPath(dailyPath: string): string {
  return dailyPath.replace(/\.csv(\.gz)?$/i, "") + ".orders.csv";
}

/**
 * The order-lines file's text (ids verbatim, as in the daily CSV it belongs to).
 *
 * @example
 * ```ts
 * import { formatOrderLines } from "./order_lines_file.ts";
 * formatOrderLines([{ day: 19358, product: "P1", units: 120, kind: "sale" }]);
 * // "date,product_id,units,kind\n2023-01-01,P1,120,sale\n"
 * ```
 */
export function formatOrderLines(lines: readonly LargeLine[]): string {
  return formatCsvRows([
    ORDER_LINES_LAYOUT.split(","),
    ...lines.map((l) => [formatIsoDay(l.day), l.product, l.units, l.kind]),
  ]);
}

/** Whether a daily CSV has an order-lines file beside it. */
export async function hasOrderLines(dailyPath: string): Promise<boolean> {
  try {
    return (await Deno.stat(orderLinesPath(dailyPath))).isFile;
  } catch {
    return false;
  }
}

/** Reads the order lines of a file; bad values are one-line errors (file, line, value). */
export async function readOrderLinesFile(path: string): Promise<OrderLine[]> {
  const lines: OrderLine[] = [];
  await readInputTable(
    path,
    ["date", "product_id", "units", "kind"],
    ORDER_LINES_LAYOUT,
    "it is written by import beside the daily CSV",
    (row) => {
      const kind = row.text("kind").toLowerCase();
      if (kind !== "sale" && kind !== "return") {
        throw new InputError(`kind must be sale or return, got ${quoted(kind)}`, {
          file: path,
          line: row.line,
        });
      }
      const units = row.decimal("units", 0, 1e12, "a decimal number above 0 and at most 10^12");
      if (!(units > 0)) {
        throw new InputError(
          `units must be a decimal number above 0, got ${quoted(String(units))}`,
          {
            file: path,
            line: row.line,
          },
        );
      }
      lines.push({ day: row.date("date"), productId: row.text("product_id"), units, kind });
    },
  );
  return lines;
}
