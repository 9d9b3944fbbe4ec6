/**
 * Ordering rules per product (`--order-constraints FILE`): orders are whole case packs and at
 * least a minimum quantity (itself rounded up to case packs). Pure and browser-safe; the file is
 * read by `inventory/order_constraints.ts`.
 * @module
 */

/** The ordering rules of one product. */
export interface OrderConstraint {
  /** Units per case (orders are whole cases), ≥ 1. */
  casePack: number;
  /** Fewest units per order, ≥ 0. */
  minOrder: number;
  /** Lead time of this product in days, when it differs from `--lead-time`. */
  leadTime?: number;
}

/** No constraint: whole units. */
export const WHOLE_UNITS: OrderConstraint = { casePack: 1, minOrder: 0 };

/**
 * The quantity to order for a shortfall `needed` (order-up-to level − stock position): 0 when
 * nothing is needed, else whole case packs covering it, at least the minimum order.
 *
 * @example
 * ```ts
 * import { roundOrder } from "./constraints.ts";
 * roundOrder(13, { casePack: 12, minOrder: 0 }); // 24
 * roundOrder(5, { casePack: 12, minOrder: 30 }); // 36: the minimum 30 rounded up to cases
 * roundOrder(0.2, { casePack: 1, minOrder: 0 }); // 1
 * roundOrder(0, { casePack: 12, minOrder: 30 }); // 0
 * ```
 */
export function roundOrder(needed: number, constraint: OrderConstraint = WHOLE_UNITS): number {
  if (!(needed > 1e-9)) return 0;
  const pack = constraint.casePack;
  const cases = (units: number) => Math.ceil(units / pack - 1e-9) * pack;
  return Math.max(cases(needed), cases(constraint.minOrder));
}

/**
 * The feasible order quantities next to `quantity`: nothing, the largest feasible quantity at or
 * below it (when one exists) and the smallest at or above it.
 *
 * @example
 * ```ts
 * import { feasibleAround } from "./constraints.ts";
 * feasibleAround(50, { casePack: 12, minOrder: 30 }); // [0, 48, 60]
 * feasibleAround(20, { casePack: 12, minOrder: 30 }); // [0, 36]
 * ```
 */
export function feasibleAround(quantity: number, constraint: OrderConstraint): number[] {
  const up = roundOrder(quantity, constraint);
  const below = Math.floor(quantity / constraint.casePack + 1e-9) * constraint.casePack;
  const options = [0];
  if (below > 0 && below >= constraint.minOrder && below < up) options.push(below);
  if (up > 0) options.push(up);
  return options;
}
