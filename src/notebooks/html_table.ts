/**
 * HTML tables for notebook outputs, built with the escaping `html` tag (product ids are user
 * data). Columns whose non-empty cells are all numbers (or formatted numbers such as "1,234",
 * "12.3 %", "–") are right-aligned.
 * @module
 */

import { type Html, html, type HtmlValue } from "../report/html.ts";

/** A table column: its header and, optionally, its alignment. */
export interface TableColumn {
  /** Header text (escaped). */
  readonly label: string;
  /** Right-align the column; by default when every non-empty cell looks like a number. */
  readonly numeric?: boolean;
}

/** Options of {@link htmlTable}. */
export interface TableOptions {
  /** Shown above the table (escaped). */
  readonly caption?: string;
}

const NUMBER_LIKE = /^(?:[-−+]?[\d,]*\.?\d+(?:e[-+]?\d+)?\s?(?:%|×|s)?|–|NaN|∞)$/;

function isEmpty(value: HtmlValue): boolean {
  return value === null || value === undefined || value === false || value === "";
}

function looksNumeric(value: HtmlValue): boolean {
  if (typeof value === "number" || typeof value === "bigint") return true;
  return typeof value === "string" && NUMBER_LIKE.test(value.trim());
}

function numericColumn(rows: readonly (readonly HtmlValue[])[], column: number): boolean {
  const cells = rows.map((row) => row[column]).filter((cell) => !isEmpty(cell));
  return cells.length > 0 && cells.every(looksNumeric);
}

/**
 * A table with a header row and one row per entry of `rows`. Cells are escaped unless they are
 * `Html` (from `html` or `raw`).
 *
 * @example
 * ```ts
 * import { htmlTable } from "./html_table.ts";
 * String(htmlTable(["product", "units"], [["<P1>", 12]]));
 * // '<table><thead><tr><th style="text-align:left">product</th><th style="text-align:right">units</th></tr></thead><tbody><tr><td style="text-align:left">&lt;P1&gt;</td><td style="text-align:right">12</td></tr></tbody></table>'
 * ```
 */
export function htmlTable(
  columns: readonly (string | TableColumn)[],
  rows: readonly (readonly HtmlValue[])[],
  options: TableOptions = {},
): Html {
  const specs = columns.map((column) => (typeof column === "string" ? { label: column } : column));
  const right = specs.map((spec, c) => spec.numeric ?? numericColumn(rows, c));
  const align = (c: number) => `text-align:${right[c] ? "right" : "left"}`;
  const caption = options.caption === undefined
    ? ""
    : html`<caption style="caption-side:top;text-align:left">${options.caption}</caption>`;
  const head = specs.map((spec, c) => html`<th style="${align(c)}">${spec.label}</th>`);
  const body = rows.map((row) =>
    html`<tr>${specs.map((_, c) => html`<td style="${align(c)}">${row[c]}</td>`)}</tr>`
  );
  return html`<table>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
