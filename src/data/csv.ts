/**
 * The one place that parses and formats CSV text. Backed by `npm:d3-dsv` because `jsr:@std/csv`
 * cannot be reached from our machines; swapping the parser means changing only this file. Output
 * files describe their columns once ({@link CsvColumn}): the same list gives the header, the
 * cells of each row, and the names the reader looks the columns up by.
 * @module
 */

import { csvFormatRows, csvFormatValue, csvParseRows } from "d3-dsv";
import { InputError } from "../io/errors.ts";

/** Longest line (record) an input may have: 1 MiB of text. */
export const MAX_LINE_CHARS = 1024 * 1024;

/**
 * Parses RFC 4180 CSV text into rows of fields, calling `onRow` for each row with its 0-based
 * index. Quoted fields, embedded commas, quotes and newlines are handled; CRLF line ends are
 * accepted. Rows are not collected, so memory stays flat for large files.
 */
export function forEachCsvRow(text: string, onRow: (fields: string[], index: number) => void) {
  const reader = new CsvRowReader(onRow);
  reader.push(text);
  reader.end();
}

/**
 * Parses CSV that arrives in pieces (as a file is streamed): pieces may end anywhere, rows are
 * passed to `onRow` whole and in order, with their 0-based index. A record longer than
 * {@link MAX_LINE_CHARS} is an {@link InputError} naming `file` and the line (a file that is not
 * CSV, or a gzip bomb of one endless line, fails fast instead of filling memory).
 */
export class CsvRowReader {
  #carry = "";
  #rows = 0;
  readonly #onRow: (fields: string[], index: number) => void;
  readonly #file?: string;
  readonly #maxLine: number;

  /** A reader that passes rows to `onRow`; `file` names the source in errors. */
  constructor(
    onRow: (fields: string[], index: number) => void,
    options: { file?: string; maxLineChars?: number } = {},
  ) {
    this.#onRow = onRow;
    this.#file = options.file;
    this.#maxLine = options.maxLineChars ?? MAX_LINE_CHARS;
  }

  /** Takes the next piece of text. */
  push(piece: string): void {
    const text = this.#carry + piece;
    const cut = lastRecordEnd(text);
    this.#carry = text.slice(cut);
    if (cut > 0) this.#parse(text.slice(0, cut));
    if (this.#carry.length > this.#maxLine) {
      throw new InputError(
        `line ${this.#rows + 1} is longer than ${this.#maxLine.toLocaleString("en-US")} ` +
          "characters; is this a CSV file with one record per line?",
        this.#file === undefined ? {} : { file: this.#file },
      );
    }
  }

  /** Parses what is left (a last line without a line break). */
  end(): void {
    const rest = this.#carry;
    this.#carry = "";
    if (rest !== "") this.#parse(rest);
  }

  #parse(text: string): void {
    const offset = this.#rows;
    let count = 0;
    csvParseRows(text, (fields: string[], index: number) => {
      count = index + 1;
      this.#onRow(fields, offset + index);
      return null;
    });
    this.#rows += count;
  }
}

/**
 * Index just after the last line break that ends a record (outside quotes), or 0. Text without
 * quotes takes the fast path; otherwise fields are scanned as d3-dsv reads them (a quote opens
 * a quoted field only at the start of a field; `""` inside is an escaped quote).
 */
function lastRecordEnd(text: string): number {
  if (!text.includes('"')) return text.lastIndexOf("\n") + 1;
  let cut = 0;
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (i + 1 >= text.length) return cut; // `"` or `""`: decided by the next piece
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
    } else if (c === 34 && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === 10) {
      cut = i + 1;
      fieldStart = true;
    } else {
      fieldStart = c === 44 || c === 13;
    }
  }
  return cut;
}

/** Parses CSV text into an array of rows of fields. */
export function parseCsvRows(text: string): string[][] {
  return csvParseRows(text);
}

/** Options of {@link formatCsvRows}. */
export interface FormatCsvOptions {
  /**
   * Neutralise text cells a spreadsheet would run as a formula (see {@link neutralizeCell}):
   * for the files of plan and report directories, which people open in spreadsheets.
   * @default false
   */
  neutralize?: boolean;
}

/**
 * Formats rows of fields as CSV text (RFC 4180 quoting where needed), with a final newline. A
 * number that is not finite is never written: it is a bug upstream, so it throws.
 */
export function formatCsvRows(
  rows: readonly (readonly unknown[])[],
  options: FormatCsvOptions = {},
): string {
  const cell = options.neutralize
    ? (value: unknown) => neutralizeCell(cellText(value), value)
    : cellText;
  return csvFormatRows(rows.map((row) => row.map(cell))) + "\n";
}

/** Characters that make a spreadsheet read a text cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * A text cell made safe for spreadsheets: one that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'` (OWASP), and so does one that starts with `'` itself, so
 * that {@link restoreCell} undoes exactly this. Numbers are written as they are.
 *
 * @example
 * ```ts
 * import { neutralizeCell, restoreCell } from "./csv.ts";
 * neutralizeCell('=HYPERLINK("x")'); // "'=HYPERLINK(\"x\")"
 * restoreCell(neutralizeCell("'quoted")); // "'quoted"
 * ```
 */
export function neutralizeCell(text: string, value: unknown = text): string {
  return typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes {@link neutralizeCell} when reading a plan or report CSV back. */
export function restoreCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/**
 * One field of an output table as {@link formatCsvTable} writes it: neutralised (see
 * {@link neutralizeCell}) and quoted when it holds a comma, quote or line break.
 */
export function formatCsvField(value: unknown): string {
  return csvFormatValue(neutralizeCell(cellText(value), value));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`Cannot write ${value} into a CSV cell: every number must be finite`);
  }
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

/**
 * A whole output file from its columns and rows: the header, then one line per row. These are
 * the files people open in spreadsheets, so text cells are neutralised ({@link neutralizeCell});
 * {@link readCsvRecords} undoes exactly that.
 */
export function formatCsvTable<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row>,
): string {
  const lines: unknown[][] = [columnNames(columns)];
  for (const row of rows) lines.push(columns.map((column) => column.cell(row)));
  return formatCsvRows(lines, { neutralize: true });
}

/**
 * The rows of an output file ({@link formatCsvTable}) as records by column name, text cells
 * restored ({@link restoreCell}), empty lines skipped. Columns in
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
    Object.fromEntries(
      header.map((h, i) => [h, row[i] === undefined ? row[i] : restoreCell(row[i])]),
    )
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
