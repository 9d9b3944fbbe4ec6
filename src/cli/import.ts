/**
 * `deno task import`: order lines (Online Retail II/I or a mapped layout) → daily series CSV.
 * @module
 */

import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { IMPORT_OPTIONS } from "../config/data_options.ts";
import { InputError } from "../io/errors.ts";
import { writeOutputFile } from "../io/output_file.ts";
import { guardOutputFiles } from "./output_guard.ts";
import { terminalSafe } from "../io/terminal.ts";
import { writeDaily } from "../data/write_daily.ts";
import { customLayout, LAYOUTS } from "../data/import/layouts.ts";
import type { ImportSummary } from "../data/import/order_lines.ts";
import { readOrderLines } from "../data/import/read_order_lines.ts";
import { importMetaPath } from "../data/import/meta.ts";
import {
  formatOrderLines,
  ORDER_LINE_FLOOR,
  orderLinesPath,
} from "../inventory/large_orders/order_lines_file.ts";

/** The `import` command. */
export const importCommand = defineCommand({
  name: "import",
  summary: "turn order lines (invoices with cancellations) into the daily CSV",
  options: IMPORT_OPTIONS,
  examples: [
    "deno task import --transactions orders.csv.gz --top 50 --drop-mega-orders --out data/top50.csv",
    "deno task import --transactions shop.csv --columns invoice=Order,product=SKU,quantity=Qty,date=Date --out data/shop.csv",
  ],
  async run(config) {
    const { transactions: input, out, top } = config;
    const linesPath = orderLinesPath(out);
    await guardOutputFiles([out, importMetaPath(out), linesPath], config, "import");
    if (config.layout && !(config.layout in LAYOUTS)) {
      throw new InputError(
        `--layout must be one of ${Object.keys(LAYOUTS).join(", ")}, got ${
          JSON.stringify(config.layout)
        }; ` +
          "use --columns for other layouts",
      );
    }
    const layout = config.columns
      ? customLayout(config.columns)
      : config.layout
      ? LAYOUTS[config.layout]
      : undefined;
    const { set, summary, lines } = await readOrderLines(input, {
      layout,
      top,
      dropMegaOrders: config.dropMegaOrders,
      orderLineUnits: ORDER_LINE_FLOOR,
    });
    if (set.products.length === 0) {
      throw new InputError(
        "no products left to write (no product has both sales lines and returns)",
        {
          file: input,
        },
      );
    }
    await writeDaily(out, set);
    await writeOutputFile(
      importMetaPath(out),
      JSON.stringify({ source: input, ...summary }, null, 2),
    );
    await writeOutputFile(linesPath, formatOrderLines(lines));
    printOut(formatImportSummary(input, summary, top));
    printOut(
      `order lines of ${ORDER_LINE_FLOOR} units or more: ${lines.length} (for --large-order-units)`,
    );
    printOut(`wrote ${out}, ${linesPath} and ${importMetaPath(out)}`);
    return 0;
  },
});

/** Formats an import summary for the terminal. */
export function formatImportSummary(input: string, summary: ImportSummary, top?: number): string {
  const n = (value: number) => Math.round(value).toLocaleString("en-US");
  const lines = [
    `${terminalSafe(input)} (layout ${summary.layout}): ${n(summary.linesRead)} lines read`,
    `  counted: ${n(summary.salesLines)} sales lines, ${n(summary.returnLines)} return lines`,
  ];
  const dropped = Object.entries(summary.dropped);
  lines.push(
    dropped.length === 0
      ? "  dropped: none"
      : `  dropped: ${dropped.map(([reason, count]) => `${n(count!)} ${reason}`).join("; ")}`,
  );
  if (summary.megaOrders.length > 0) {
    for (const mega of summary.megaOrders) {
      lines.push(
        `  mega-order dropped: ${terminalSafe(mega.product)} ${
          n(mega.quantity)
        } units on ${mega.orderDate} ` +
          `(invoice ${terminalSafe(mega.orderInvoice)}, cancelled by ${
            terminalSafe(mega.cancelInvoice)
          })`,
      );
    }
  }
  lines.push(
    `products: ${n(summary.productsSeen)} seen, ${n(summary.productsKept)} written` +
      (top === undefined ? "" : ` (--top ${top}: best sellers that have returns)`),
    `span: ${summary.first} to ${summary.last}`,
    `units: ${n(summary.totalSales)} sold, ${n(summary.totalReturns)} returned`,
  );
  return lines.join("\n");
}
