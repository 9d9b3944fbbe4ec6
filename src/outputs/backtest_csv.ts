/**
 * `backtest.csv`: the forecast columns plus `cutoff,actual` — one row per product, target, model,
 * cutoff and forecast day, in product order, sales first, the models in the order asked; numbers
 * with 3 decimals. For large datasets it runs to millions of rows, so it is written chunk by chunk
 * (one chunk per product, target and model) — in run directories gzip-compressed as
 * `backtest.csv.gz` — and read as a stream straight into numbers per window.
 * @module
 */

import { checkColumns, CsvRowReader, formatCsvField, restoreCell } from "../data/csv.ts";
import { InputError, quoted } from "../io/errors.ts";
import { streamText } from "../io/read_text.ts";
import { formatIsoDay } from "../data/dates.ts";
import type { Target } from "../forecast/types.ts";
import type { SeriesBacktest } from "../forecast/backtest/series.ts";
import { DIGITS, roundTo } from "../util/round.ts";
import { BOUND_COLUMNS, FORECAST_COLUMNS } from "./forecast_csv.ts";

/**
 * Most bytes of text a backtest.csv may hold once decompressed: 64 GiB. A run's backtest is about
 * 1.1–1.3 MB of text per product (55 planning windows of 14 days, 11 candidates, both targets), so
 * 2,000 products already pass the 2 GiB other inputs may hold; it is read as a stream into numbers
 * per window, never held as text, and this still stops a gzip bomb (about 50,000 products' worth).
 */
export const MAX_BACKTEST_BYTES = 64 * 1024 ** 3;

/** The name of the backtest in a run directory: gzip-compressed backtest.csv. */
export const BACKTEST_FILE = "backtest.csv.gz";

/** The columns of backtest.csv: forecast.csv's, then the cutoff and what happened. */
export const BACKTEST_COLUMNS: readonly string[] = [...FORECAST_COLUMNS, "cutoff", "actual"];

/** The numeric columns of backtest.csv, as kept per window. */
export const BACKTEST_NUMBERS = [...BOUND_COLUMNS, "actual"] as const;

/** One backtest window's columns, in row order. */
export type WindowColumns = Record<(typeof BACKTEST_NUMBERS)[number], Float64Array>;

/** One product's rows of backtest.csv, grouped while they are parsed: target → model → cutoff. */
export type ProductBacktestRows = Map<Target, Map<string, Map<string, WindowColumns>>>;

const units = (value: number) => roundTo(value, DIGITS.units);

/**
 * backtest.csv, made chunk by chunk while it is written: holding all of its text at once would add
 * hundreds of megabytes to a large run's peak memory. Only product ids can need quoting.
 */
export function* formatBacktestCsv(series: Iterable<SeriesBacktest>): Generator<string> {
  yield BACKTEST_COLUMNS.join(",") + "\n";
  for (const entry of series) {
    const head = `${formatCsvField(entry.productId)},${entry.target},${entry.model},`;
    let chunk = "";
    for (const window of entry.windows) {
      const cutoff = formatIsoDay(window.cutoff);
      const f = window.forecast;
      const actual = window.actual;
      for (let h = 0; h < actual.length; h++) {
        chunk += `${head}${formatIsoDay(window.cutoff + 1 + h)},${units(f.mean[h])},` +
          `${units(f.lo80[h])},${units(f.hi80[h])},${units(f.lo95[h])},${units(f.hi95[h])},` +
          `${cutoff},${units(actual[h])}\n`;
      }
    }
    yield chunk;
  }
}

/**
 * Reads one backtest.csv (plain or gzip) as a stream and hands each product's rows to
 * `onProduct` as soon as they end (the file is written product by product), so that only one
 * product's rows are held at a time: at 10,000 products the whole file's windows overran the
 * JavaScript heap. A damaged file, or one whose product's rows are not together, is an
 * InputError naming it.
 */
export async function readBacktestCsv(
  path: string,
  onProduct: (productId: string, rows: ProductBacktestRows) => void,
  hint?: string,
): Promise<void> {
  const reader = backtestRowReader(path, onProduct);
  await streamText(path, (text) => reader.rows.push(text), { hint, maxBytes: MAX_BACKTEST_BYTES });
  reader.rows.end();
  reader.finish();
}

/** A string of its own, not a slice that keeps the text it was cut from in memory. */
function ownCopy(text: string): string {
  return decoder.decode(encoder.encode(text));
}
const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Building = Record<(typeof BACKTEST_NUMBERS)[number], number[]>;

/**
 * A window's rows are consecutive (the file is written window by window), so each window is
 * packed into typed arrays as soon as the next one starts: millions of rows never sit in growable
 * number arrays on the JavaScript heap at once (at 2,000 products they overran its limit); and a
 * product's rows are consecutive, so each product is handed over when the next one starts.
 */
function backtestRowReader(
  file: string,
  onProduct: (productId: string, rows: ProductBacktestRows) => void,
): { rows: CsvRowReader; finish: () => void } {
  const names = ["product_id", "target", "model", "cutoff", ...BACKTEST_NUMBERS];
  let at: Record<string, number> = {};
  let building:
    | { columns: Building; windows: Map<string, WindowColumns>; cutoff: string }
    | undefined;
  let current: { id: string; targets: ProductBacktestRows } | undefined;
  const handed = new Set<string>();
  const finishWindow = () => {
    if (!building) return;
    const { columns, windows, cutoff } = building;
    const previous = windows.get(cutoff);
    const packed = Object.fromEntries(
      BACKTEST_NUMBERS.map((name) => [
        name,
        previous
          ? Float64Array.from([...previous[name], ...columns[name]])
          : Float64Array.from(columns[name]),
      ]),
    ) as WindowColumns;
    windows.set(cutoff, packed);
    building = undefined;
  };
  const finish = () => {
    finishWindow();
    if (!current) return;
    handed.add(current.id);
    onProduct(current.id, current.targets);
    current = undefined;
  };
  const rows = new CsvRowReader((fields, index) => {
    if (index === 0) {
      at = checkColumns(fields, names, file);
      return;
    }
    if (fields.length <= 1) return;
    const product = restoreCell(fields[at.product_id]);
    if (current?.id !== product) {
      finish();
      if (handed.has(product)) {
        throw new InputError(
          `product ${quoted(product)} appears again after other products; a backtest file ` +
            "holds each product's rows together (as plan, report and merge write it): run plan " +
            "or merge again to write it",
          { file, line: index + 1 },
        );
      }
      // A copy of the id: a slice of the file's text would keep a whole piece of it alive.
      current = { id: ownCopy(product), targets: new Map() };
    }
    const targets = current.targets;
    const target = fields[at.target] as Target;
    let models = targets.get(target);
    if (!models) targets.set(target, models = new Map());
    const model = fields[at.model];
    let windows = models.get(model);
    if (!windows) models.set(model, windows = new Map());
    const cutoff = fields[at.cutoff];
    if (!building || building.windows !== windows || building.cutoff !== cutoff) {
      finishWindow();
      const columns = { forecast: [], lo80: [], hi80: [], lo95: [], hi95: [], actual: [] };
      building = { columns, windows, cutoff };
    }
    for (const name of BACKTEST_NUMBERS) building.columns[name].push(Number(fields[at[name]]));
  }, { file });
  return { rows, finish };
}
