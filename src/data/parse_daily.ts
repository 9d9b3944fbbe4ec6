/**
 * Parses the daily series CSV contract (`date,product_id,sales,returns`) into a {@link SeriesSet}:
 * strict about values (every problem is an {@link InputError} naming file, line and value),
 * tolerant about form (BOM, CRLF, quoting, extra columns, row order, header case).
 * @module
 */

import { CsvRowReader } from "./csv.ts";
import { DATE_RANGE_TEXT, formatIsoDay, parseIsoDay } from "./dates.ts";
import { clipped, InputError, quoted } from "../io/errors.ts";
import type { ProductSeries, SeriesSet } from "./series.ts";

const REQUIRED = ["date", "product_id", "sales", "returns"] as const;
const TRUTH = ["expected_sales", "expected_returns"] as const;
const DECIMAL = /^\+?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface Rows {
  days: number[];
  sales: number[];
  returns: number[];
  expectedSales: number[];
  expectedReturns: number[];
  lines: number[];
}

/** Most units a daily value may hold (10¹²): sums over any dataset stay exact and finite. */
export const MAX_DAILY_UNITS = 1e12;

/**
 * Parses daily CSV text. `file` names the source in error messages.
 *
 * @example
 * ```ts
 * import { parseDaily } from "./parse_daily.ts";
 * const set = parseDaily("date,product_id,sales,returns\n2023-01-01,P1,5,0\n2023-01-03,P1,4,1\n", "x.csv");
 * set.products[0].sales; // Float64Array [5, 0, 4]
 * set.products[0].filledDays; // 1
 * ```
 */
export function parseDaily(text: string, file: string): SeriesSet {
  const parser = new DailyParser(file);
  parser.push(text);
  return parser.finish();
}

/**
 * Parses daily CSV that arrives in pieces (a streamed file): {@link DailyParser.push} each
 * piece, then {@link DailyParser.finish} for the set.
 */
export class DailyParser {
  readonly #file: string;
  readonly #reader: CsvRowReader;
  #columns?: Record<string, number>;
  #hasTruth = false;
  #dataRows = 0;
  #sawText = false;
  #leading = "";
  readonly #byProduct = new Map<string, Rows>();

  /** A parser for the daily CSV of `file` (named in error messages). */
  constructor(file: string) {
    this.#file = file;
    this.#reader = new CsvRowReader((fields, index) => this.#row(fields, index), { file });
  }

  /** Takes the next piece of the file's text. */
  push(text: string): void {
    if (!this.#sawText) {
      // Hold leading blank text: a file of nothing but whitespace is "empty", not a bad header.
      if (text.trim() === "") {
        this.#leading += text.slice(0, 1024);
        return;
      }
      this.#sawText = true;
      text = this.#leading + text;
    }
    this.#reader.push(text);
  }

  /** The parsed set; bad or empty input is an {@link InputError}. */
  finish(): SeriesSet {
    const file = this.#file;
    this.#reader.end();
    if (!this.#sawText) {
      throw new InputError(
        `file is empty; expected a header line "${
          REQUIRED.join(",")
        }" and one row per day and product`,
        { file },
      );
    }
    if (this.#dataRows === 0) {
      throw new InputError("has a header but no data rows; add one row per day and product", {
        file,
      });
    }
    const ids = [...this.#byProduct.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      source: file,
      products: ids.map((id) => densify(id, this.#byProduct.get(id)!, this.#hasTruth, file)),
    };
  }

  #row(fields: string[], index: number): void {
    const file = this.#file;
    const line = index + 1;
    if (index === 0) {
      this.#columns = headerColumns(fields, file);
      this.#hasTruth = TRUTH.every((name) => name in this.#columns!);
      return;
    }
    if (fields.length === 1 && fields[0].trim() === "") return; // blank line
    this.#dataRows++;
    const cols = this.#columns!;
    const at = (name: string) => (fields[cols[name]] ?? "").trim();
    const dateText = at("date");
    const day = parseIsoDay(dateText);
    if (day === undefined) {
      throw new InputError(`date must be ${DATE_RANGE_TEXT}, got ${quoted(dateText)}`, {
        file,
        line,
      });
    }
    const id = at("product_id");
    if (id === "") {
      throw new InputError("product_id is empty; every row needs a product id", { file, line });
    }
    let rows = this.#byProduct.get(id);
    if (!rows) {
      rows = {
        days: [],
        sales: [],
        returns: [],
        expectedSales: [],
        expectedReturns: [],
        lines: [],
      };
      this.#byProduct.set(id, rows);
    }
    const last = rows.days.length - 1;
    if (last >= 0 && rows.days[last] === day) {
      // A repeated row is caught at once, not after a whole (possibly huge) file is held.
      throw new InputError(
        `duplicate row for date ${formatIsoDay(day)} and product ${quoted(id)} (first on line ${
          rows.lines[last]
        }); keep one row per date and product`,
        { file, line },
      );
    }
    rows.days.push(day);
    rows.sales.push(quantity(at("sales"), "sales", file, line));
    rows.returns.push(quantity(at("returns"), "returns", file, line));
    if (this.#hasTruth) {
      rows.expectedSales.push(quantity(at("expected_sales"), "expected_sales", file, line));
      rows.expectedReturns.push(quantity(at("expected_returns"), "expected_returns", file, line));
    }
    rows.lines.push(line);
  }
}

function headerColumns(fields: string[], file: string): Record<string, number> {
  const names = fields.map((field) => field.trim().toLowerCase());
  if (names.length === 1 && names[0].includes(";")) {
    throw new InputError(
      "looks semicolon-separated (found ';' in the header); save it as comma-separated CSV",
      { file, line: 1 },
    );
  }
  const columns: Record<string, number> = {};
  names.forEach((name, index) => {
    if (!(name in columns)) columns[name] = index;
  });
  const missing = REQUIRED.filter((name) => !(name in columns));
  if (missing.length > 0) {
    throw new InputError(
      `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} in the header ` +
        `(found: ${clipped(names.join(", "))}); expected ${REQUIRED.join(",")}`,
      { file, line: 1 },
    );
  }
  return columns;
}

function quantity(text: string, column: string, file: string, line: number): number {
  if (DECIMAL.test(text)) {
    const value = Number(text);
    if (value <= MAX_DAILY_UNITS) return value;
    throw new InputError(
      `${column} must be at most 10^12 units a day, got ${quoted(text)}; check the column`,
      { file, line },
    );
  }
  const negative = /^-/.test(text) && DECIMAL.test(text.slice(1));
  throw new InputError(
    `${column} must be a decimal number ≥ 0 (like 12 or 3.5), got ${quoted(text)}` +
      (negative ? "; returns are positive counts in their own column" : ""),
    { file, line },
  );
}

function densify(id: string, rows: Rows, hasTruth: boolean, file: string): ProductSeries {
  const order = rows.days.map((_, i) => i).sort((a, b) => rows.days[a] - rows.days[b]);
  for (let k = 1; k < order.length; k++) {
    const here = order[k];
    const before = order[k - 1];
    if (rows.days[here] === rows.days[before]) {
      const [first, second] = rows.lines[here] < rows.lines[before]
        ? [rows.lines[here], rows.lines[before]]
        : [rows.lines[before], rows.lines[here]];
      throw new InputError(
        `duplicate row for date ${formatIsoDay(rows.days[here])} and product ${
          quoted(id)
        } (first on line ${first}); keep one row per date and product`,
        { file, line: second },
      );
    }
  }
  const start = rows.days[order[0]];
  const length = rows.days[order[order.length - 1]] - start + 1;
  const sales = new Float64Array(length);
  const returns = new Float64Array(length);
  const expectedSales = hasTruth ? new Float64Array(length) : undefined;
  const expectedReturns = hasTruth ? new Float64Array(length) : undefined;
  for (const i of order) {
    const offset = rows.days[i] - start;
    sales[offset] = rows.sales[i];
    returns[offset] = rows.returns[i];
    if (expectedSales && expectedReturns) {
      expectedSales[offset] = rows.expectedSales[i];
      expectedReturns[offset] = rows.expectedReturns[i];
    }
  }
  return {
    id,
    start,
    sales,
    returns,
    filledDays: length - order.length,
    ...(expectedSales ? { expectedSales, expectedReturns } : {}),
  };
}
