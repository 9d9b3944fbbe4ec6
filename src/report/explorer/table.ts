/**
 * The explorer's forecast table and its CSV: one row per forecast day of the chosen horizon —
 * date, sales and returns with their 80 % and 95 % intervals, net demand, recommended inventory.
 * The CSV holds exactly the numbers the table shows (without thousands separators). Pure (no
 * DOM), so tests compute the very rows the page shows.
 * @module
 */

import { formatIsoDay } from "../../data/dates.ts";
import { formatCsvRows } from "../../data/csv.ts";
import { decimal, units } from "../format.ts";
import type { ExplorerRecord } from "./record.ts";
import { fixed } from "./bytes.ts";

/** Column names of the table and the CSV, in order. */
export const TABLE_COLUMNS = [
  "date",
  "sales",
  "sales_lo80",
  "sales_hi80",
  "sales_lo95",
  "sales_hi95",
  "returns",
  "returns_lo80",
  "returns_hi80",
  "returns_lo95",
  "returns_hi95",
  "net_demand",
  "recommended_inventory",
] as const;

/** One row: the date, then the numbers as shown. */
export type TableRow = [string, ...number[]];

/** Decimals per column: means and net demand 1, intervals 0 or 1 (as stored), inventory 0. */
export function columnDigits(record: ExplorerRecord): number[] {
  const s = Math.min(1, record.boundDigits.sales);
  const r = Math.min(1, record.boundDigits.returns);
  return [0, 1, s, s, s, s, 1, r, r, r, r, 1, 0];
}

/** The rows of the first `horizon` days, given net demand and recommended inventory per day. */
export function tableRows(
  record: ExplorerRecord,
  netDemand: ArrayLike<number>,
  recommended: ArrayLike<number>,
  horizon: number,
): TableRow[] {
  const s = record.sales;
  const r = record.returns;
  const digits = columnDigits(record);
  return Array.from({ length: horizon }, (_, h) => {
    const values = [
      s.mean[h],
      s.lo80[h],
      s.hi80[h],
      s.lo95[h],
      s.hi95[h],
      r.mean[h],
      r.lo80[h],
      r.hi80[h],
      r.lo95[h],
      r.hi95[h],
      netDemand[h],
      recommended[h],
    ].map((v, i) => fixed(v, digits[i + 1]) || 0);
    return [formatIsoDay(record.firstDay + h), ...values] as TableRow;
  });
}

/** How the page shows cell `i` of a row: the CSV's number with separators (1,234.5). */
export function formatCell(cell: string | number, i: number, digits: readonly number[]): string {
  if (typeof cell === "string") return cell;
  return digits[i] === 0 ? units(cell) : decimal(cell, digits[i]);
}

/** The CSV of the table: its header and its rows. */
export function tableCsv(rows: readonly TableRow[]): string {
  return formatCsvRows([[...TABLE_COLUMNS], ...rows], { neutralize: true });
}

/** The download's file name: `forecast-<id>-<days>d.csv`, the id cut to safe characters. */
export function csvFileName(productId: string, horizon: number): string {
  const safe = productId.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 40);
  return `forecast-${safe || "product"}-${horizon}d.csv`;
}
