/**
 * Plain-text tables for terminal output: the first column(s) left-aligned, the rest
 * right-aligned. Cells hold users' ids, so each is made terminal-safe (a line break or escape
 * sequence in an id cannot forge or hide a line).
 * @module
 */

import { terminalSafe } from "../io/terminal.ts";

/**
 * Formats rows under a header as aligned columns.
 *
 * @example
 * ```ts
 * import { formatTable } from "./table.ts";
 * formatTable(["id", "n"], [["a", "10"], ["bb", "2"]]);
 * // "id   n\n--  --\na   10\nbb   2"
 * ```
 */
export function formatTable(header: string[], cellRows: string[][], leftColumns = 1): string {
  const rows = cellRows.map((row) => row.map(terminalSafe));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length))
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) =>
      column < leftColumns ? cell.padEnd(widths[column]) : cell.padStart(widths[column])
    ).join("  ").trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)]
    .join("\n");
}
