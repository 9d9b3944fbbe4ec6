/**
 * `data-quality` (low): days missing inside the history were filled with 0, or the import
 * dropped mistaken mega-orders.
 * @module
 */

import type { AlertRule, Finding } from "../types.ts";

/** The rule. */
export const dataQuality: AlertRule = {
  id: "data-quality",
  severity: "low",
  evaluate({ product, megaOrders }) {
    const found: Finding[] = [];
    if (product.filledDays > 0) {
      found.push({
        value: product.filledDays,
        threshold: 0,
        message: `${product.filledDays} missing days inside the history were filled with 0`,
        action: "check the export for gaps; days without a row count as no sales",
      });
    }
    if (megaOrders > 0) {
      found.push({
        value: megaOrders,
        threshold: 0,
        message: `${megaOrders} mistaken mega-order${
          megaOrders > 1 ? "s were" : " was"
        } dropped on import with the cancellation`,
        action: "none needed; confirm with sales that the order was a mistake",
      });
    }
    return found;
  },
};
