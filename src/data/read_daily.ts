/**
 * Reads a daily series CSV (plain or gzip, a file or a pipe) from disk into a {@link SeriesSet}:
 * one streamed read, which also gives the file's SHA-256.
 * @module
 */

import { streamText } from "../io/read_text.ts";
import { DailyParser } from "./parse_daily.ts";
import type { SeriesSet } from "./series.ts";

/** The default data file, written by `deno task generate`. */
export const DEFAULT_DATA_PATH = "data/sales_returns_data.csv";

/**
 * Reads and validates the daily CSV at `path`; bad input throws an `InputError`. The set
 * carries the SHA-256 of the bytes read.
 */
export async function readDaily(path: string): Promise<SeriesSet> {
  const hint = path === DEFAULT_DATA_PATH
    ? "run `deno task generate` to make the demo data, or pass --data FILE"
    : "check the path given to --data";
  const parser = new DailyParser(path);
  const { sha256 } = await streamText(path, (text) => parser.push(text), { hint });
  return { ...parser.finish(), sha256 };
}
