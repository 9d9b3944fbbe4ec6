/**
 * The stock position file of `--on-hand FILE`: `product_id,on_hand[,on_order]`, one row per
 * product. Bad values are one-line errors naming the file, line and value.
 * @module
 */

import { forEachCsvRow } from "../data/csv.ts";
import { clipped, InputError, quoted } from "../io/errors.ts";
import { readText } from "../io/read_text.ts";
import type { StockPosition } from "./plan.ts";

/** Decimal notation only: no sign, no hex, no `Infinity`. */
const DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Most units a stock position may hold (10¹²). */
export const MAX_STOCK_UNITS = 1e12;

/** Parses stock positions from CSV text. */
export function parseOnHand(text: string, file: string): Map<string, StockPosition> {
  const positions = new Map<string, StockPosition>();
  let columns: { id: number; onHand: number; onOrder: number } | undefined;
  forEachCsvRow(text, (fields, index) => {
    const line = index + 1;
    if (index === 0) {
      const names = fields.map((f) => f.trim().toLowerCase());
      const id = names.indexOf("product_id");
      const onHand = names.indexOf("on_hand");
      if (id < 0 || onHand < 0) {
        throw new InputError(
          `header must have product_id and on_hand (and optionally on_order), found: ${
            clipped(names.join(", "))
          }`,
          { file, line },
        );
      }
      columns = { id, onHand, onOrder: names.indexOf("on_order") };
      return;
    }
    if (fields.length === 1 && fields[0].trim() === "") return;
    const c = columns!;
    const id = (fields[c.id] ?? "").trim();
    if (id === "") throw new InputError("product_id is empty", { file, line });
    if (positions.has(id)) {
      throw new InputError(`product ${quoted(id)} is listed twice`, { file, line });
    }
    const number = (column: number, name: string) => {
      const raw = (fields[column] ?? "").trim();
      if (column < 0 || (name === "on_order" && raw === "")) return 0;
      const value = Number(raw);
      if (!DECIMAL.test(raw) || value > MAX_STOCK_UNITS) {
        throw new InputError(
          `${name} must be a decimal number from 0 to 10^12 units, got ${quoted(raw)}`,
          { file, line },
        );
      }
      return value;
    };
    positions.set(id, {
      onHand: number(c.onHand, "on_hand"),
      onOrder: number(c.onOrder, "on_order"),
    });
  });
  if (!columns) {
    throw new InputError("file is empty; expected product_id,on_hand[,on_order]", { file });
  }
  return positions;
}

/** Reads stock positions from a file. */
export async function readOnHand(path: string): Promise<Map<string, StockPosition>> {
  return parseOnHand(await readText(path, "check the path given to --on-hand"), path);
}
