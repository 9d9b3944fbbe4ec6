/**
 * The order-constraints file of `--order-constraints FILE`: `product_id,case_pack,min_order` and
 * an optional `lead_time`, one row per product. `case_pack` is a whole number from 1 to 10⁹ units,
 * `min_order` a whole number from 0 to 10¹² units, `lead_time` whole days from 0 to 365 (it
 * replaces `--lead-time` for the product). Products not listed order whole units.
 * @module
 */

import { readInputTable } from "../data/input_table.ts";
import { InputError, quoted } from "../io/errors.ts";
import type { OrderConstraint } from "./policies/constraints.ts";

/** The layout, for messages and `--help`. */
export const CONSTRAINTS_LAYOUT = "product_id,case_pack,min_order[,lead_time]";

/** Reads the order constraints of a file; bad values are one-line errors (file, line, value). */
export async function readOrderConstraints(path: string): Promise<Map<string, OrderConstraint>> {
  const constraints = new Map<string, OrderConstraint>();
  await readInputTable(
    path,
    ["product_id", "case_pack", "min_order"],
    CONSTRAINTS_LAYOUT,
    "check the path given to --order-constraints",
    (row) => {
      const id = row.text("product_id");
      if (constraints.has(id)) {
        throw new InputError(`product ${quoted(id)} is listed twice`, {
          file: path,
          line: row.line,
        });
      }
      const leadTime = row.has("lead_time") ? row.whole("lead_time", 0, 365, true) : undefined;
      constraints.set(id, {
        casePack: row.whole("case_pack", 1, 1e9)!,
        minOrder: row.whole("min_order", 0, 1e12)!,
        ...(leadTime !== undefined ? { leadTime } : {}),
      });
    },
  );
  return constraints;
}
