/**
 * Reads an order-line file (plain or gzip, a file or a pipe) in one streamed pass into daily
 * series, an import summary and
 * the order lines large enough to pass on.
 * @module
 */

import { streamText } from "../../io/read_text.ts";
import type { SeriesSet } from "../series.ts";
import { type ImportOptions, type ImportSummary, OrderLineImporter } from "./order_lines.ts";
import type { LargeLine } from "./aggregate.ts";

/** Imports the order lines at `path`; bad input throws an `InputError`. */
export async function readOrderLines(
  path: string,
  options: ImportOptions = {},
): Promise<{ set: SeriesSet; summary: ImportSummary; lines: LargeLine[]; sha256: string }> {
  const importer = new OrderLineImporter(path, options);
  const { sha256 } = await streamText(path, (text) => importer.push(text), {
    hint: "check the path given to --transactions",
  });
  return { ...importer.finish(), sha256 };
}
