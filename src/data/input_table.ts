/**
 * Small input tables beside the daily CSV (`--order-constraints FILE`, `FILE.orders.csv`): read
 * once as a stream (`io/read_text.ts`: plain or gzip, files or pipes), columns looked up by their
 * header names (case-insensitive), every value checked against its documented range — a bad
 * value is a one-line error naming the file, the line and the value.
 * @module
 */

import { CsvRowReader } from "./csv.ts";
import { DATE_RANGE_TEXT, parseIsoDay } from "./dates.ts";
import { clipped, InputError, quoted } from "../io/errors.ts";
import { streamText } from "../io/read_text.ts";

/** Decimal notation only: no sign, no hex, no `Infinity`. */
const DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Whole numbers only. */
const WHOLE = /^\d+$/;

/** One data row's fields, read by column name with checked values. */
export interface InputRow {
  /** 1-based line number in the file. */
  readonly line: number;
  /** Whether the column is in the header. */
  has(column: string): boolean;
  /** A non-empty text field (trimmed). */
  text(column: string): string;
  /** A decimal number from `min` to `max`. */
  decimal(column: string, min: number, max: number, describe: string): number;
  /** A whole number from `min` to `max`; `optional`: blank gives undefined. */
  whole(column: string, min: number, max: number, optional?: boolean): number | undefined;
  /** A date (day number). */
  date(column: string): number;
}

/**
 * Streams the CSV at `path`, calling `onRow` for each non-blank data row. The header must name
 * the `required` columns; `expected` describes the layout in errors. `hint` is shown when the file
 * is missing.
 */
export async function readInputTable(
  path: string,
  required: readonly string[],
  expected: string,
  hint: string,
  onRow: (row: InputRow) => void,
): Promise<void> {
  let columns: Map<string, number> | undefined;
  const reader = new CsvRowReader((fields, index) => {
    const line = index + 1;
    if (index === 0) {
      const names = fields.map((f) => f.trim().toLowerCase().replace(/^\ufeff/, ""));
      columns = new Map(names.map((name, i) => [name, i]));
      const missing = required.filter((name) => !columns!.has(name));
      if (missing.length > 0) {
        throw new InputError(
          `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} in the header ` +
            `(found: ${clipped(names.join(", "))}); expected ${expected}`,
          { file: path, line },
        );
      }
      return;
    }
    if (fields.length === 1 && fields[0].trim() === "") return;
    onRow(rowOf(fields, columns!, path, line));
  }, { file: path });
  await streamText(path, (text) => reader.push(text), { hint });
  reader.end();
  if (!columns) throw new InputError(`file is empty; expected ${expected}`, { file: path });
}

function rowOf(
  fields: string[],
  columns: Map<string, number>,
  file: string,
  line: number,
): InputRow {
  const raw = (column: string) => (fields[columns.get(column) ?? -1] ?? "").trim();
  const fail = (message: string): never => {
    throw new InputError(message, { file, line });
  };
  return {
    line,
    has: (column) => columns.has(column),
    text(column) {
      const value = raw(column);
      if (value === "") fail(`${column} is empty`);
      return value;
    },
    decimal(column, min, max, describe) {
      const value = raw(column);
      const number = Number(value);
      if (!DECIMAL.test(value) || number < min || number > max) {
        fail(`${column} must be ${describe}, got ${quoted(value)}`);
      }
      return number;
    },
    whole(column, min, max, optional = false) {
      const value = raw(column);
      if (optional && value === "") return undefined;
      const number = Number(value);
      if (!WHOLE.test(value) || number < min || number > max) {
        fail(`${column} must be a whole number from ${min} to ${max}, got ${quoted(value)}`);
      }
      return number;
    },
    date(column) {
      const value = raw(column);
      const day = parseIsoDay(value);
      if (day === undefined) fail(`${column} must be ${DATE_RANGE_TEXT}, got ${quoted(value)}`);
      return day!;
    },
  };
}
