/**
 * The one place that parses and formats CSV text. Backed by `npm:d3-dsv` because `jsr:@std/csv`
 * cannot be reached from our machines; swapping the parser means changing only this file.
 * @module
 */

import { csvFormatRows, csvParseRows } from "d3-dsv";

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

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value);
}
