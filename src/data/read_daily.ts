/**
 * Reads a daily series CSV (plain or gzip) from disk into a {@link SeriesSet}.
 * @module
 */

import { readText } from "../io/read_text.ts";
import { parseDaily } from "./parse_daily.ts";
import type { SeriesSet } from "./series.ts";

/** The default data file, written by `deno task generate`. */
export const DEFAULT_DATA_PATH = "data/sales_returns_data.csv";

/** Reads and validates the daily CSV at `path`; bad input throws an `InputError`. */
export async function readDaily(path: string): Promise<SeriesSet> {
  const hint = path === DEFAULT_DATA_PATH
    ? "run `deno task generate` to make the demo data, or pass --data FILE"
    : "check the path given to --data";
  return parseDaily(await readText(path, hint), path);
}
