/**
 * The one place that parses and formats CSV text. Backed by `npm:d3-dsv` because `jsr:@std/csv`
 * cannot be reached from our machines; swapping the parser means changing only this file. Output
 * files describe their columns once ({@link CsvColumn}): the same list gives the header, the
 * cells of each row, and the names the reader looks the columns up by.
 * @module
 */

import { csvFormatRows, csvFormatValue, csvParseRows } from "d3-dsv";
import { InputError } from "../io/errors.ts";

/**
 * Parses RFC 4180 CSV text into rows of fields, calling `onRow` for each row with its 0-based
 * index. Quoted fields, embedded commas, quotes and newlines are handled; CRLF line ends are
 * accepted. Rows are not collected, so memory stays flat for large files.
 */
export function forEachCsvRow(text: string, onRow: (fields: string[], index: number) => void) {
  csvParseRows(text, (fields: string[], index: number) => {
    onRow(fields, index);
    return null;
  });
}

/** Parses CSV text into an array of rows of fields. */
export function parseCsvRows(text: string): string[][] {
  return csvParseRows(text);
}

/** Formats rows of fields as CSV text (RFC 4180 quoting where needed), with a final newline. */
export function formatCsvRows(rows: readonly (readonly unknown[])[]): string {
  return csvFormatRows(rows.map((row) => row.map(cellText))) + "\n";
}

/** One field as {@link formatCsvRows} writes it (quoted when it holds a comma, quote or break). */
export function formatCsvField(value: unknown): string {
  return csvFormatValue(cellText(value));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

/** One column of an output file: its header and how a row gives its cell. */
export interface CsvColumn<Row> {
  /** The header name (readers look the column up by it). */
  readonly name: string;
  /** The cell of a row (numbers already rounded; `""`, `null` or `undefined` for none). */
  readonly cell: (row: Row) => unknown;
}

/** The header names of columns. */
export function columnNames<Row>(columns: readonly CsvColumn<Row>[]): string[] {
  return columns.map((column) => column.name);
}

/** A whole file from its columns and rows: the header, then one line per row. */
export function formatCsvTable<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row>,
): string {
  const lines: unknown[][] = [columnNames(columns)];
  for (const row of rows) lines.push(columns.map((column) => column.cell(row)));
  return formatCsvRows(lines);
}

/**
 * The rows of a file with a header as records by column name (empty lines skipped). Columns in
 * `required` must be in the header: otherwise an InputError naming the file.
 */
export function readCsvRecords(
  text: string,
  file: string,
  required: readonly string[] = [],
): Record<string, string>[] {
  const [header = [], ...rows] = parseCsvRows(text);
  checkColumns(header, required, file);
  return rows.filter((row) => row.length > 1).map((row) =>
    Object.fromEntries(header.map((h, i) => [h, row[i]]))
  );
}

/**
 * The position of each column in a header row; an InputError naming the file when one of
 * `required` is missing.
 */
export function checkColumns(
  header: readonly string[],
  required: readonly string[],
  file: string,
): Record<string, number> {
  const at: Record<string, number> = Object.fromEntries(header.map((name, i) => [name, i]));
  const missing = required.filter((name) => at[name] === undefined);
  if (missing.length > 0) {
    throw new InputError(`no ${missing.join(", ")} column; was it written by Returncast?`, {
      file,
    });
  }
  return at;
}
