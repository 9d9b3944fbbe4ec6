/**
 * The figures of `simulation.json` from replay tallies: per policy over all products (pooled) and
 * per product — fill rate (units served ÷ units demanded), cycle service (product-cycles without
 * a lost sale ÷ product-cycles), stockout days, average stock, days of cover, holding, shortage
 * and total cost, and the units of large orders served from outside stock.
 * @module
 */

import { DIGITS, roundTo } from "../../util/round.ts";
import { addReplayTally, emptyReplayTally, type ReplayTally } from "./replay.ts";

/** One policy's figures, as `simulation.json` writes them. */
export interface PolicyFigures {
  /** Units served from stock ÷ units demanded. */
  fill_rate: number;
  /** Product-cycles without a lost sale ÷ product-cycles. */
  cycle_service: number;
  /** Product-days with demand lost. */
  stockout_days: number;
  /** Mean end-of-day units on hand per product. */
  avg_on_hand: number;
  /** Units on the shelves on an average day, all products together. */
  avg_stock: number;
  /** Average stock ÷ average daily demand. */
  days_of_cover: number;
  /** Holding cost over the counted days. */
  holding_cost: number;
  /** Cost of the lost sales. */
  shortage_cost: number;
  /** Holding + shortage. */
  total_cost: number;
  /** Units demanded from stock. */
  demand: number;
  /** Product-cycles counted. */
  cycles: number;
  /** Orders placed. */
  orders: number;
  /** Units of large orders served from outside stock (counted apart). */
  large_order_units: number;
  /** The multiplier's factor, for the multiplier runs. */
  factor?: number;
  /** The target of a service policy. */
  target?: number;
}

/** Figures of tallies (one per product; undefined entries skipped), pooled. */
export function figuresOf(tallies: readonly (ReplayTally | undefined)[]): PolicyFigures {
  const total = emptyReplayTally();
  let avgStock = 0;
  for (const tally of tallies) {
    if (!tally) continue;
    addReplayTally(total, tally);
    if (tally.days > 0) avgStock += tally.onHandDays / tally.days;
  }
  const rate = (a: number, b: number) => (b > 0 ? a / b : 1);
  return {
    fill_rate: roundTo(rate(total.served, total.demand), DIGITS.rate),
    cycle_service: roundTo(rate(total.cyclesWithoutStockout, total.cycles), DIGITS.rate),
    stockout_days: total.stockoutDays,
    avg_on_hand: roundTo(total.days > 0 ? total.onHandDays / total.days : 0, DIGITS.amount),
    avg_stock: roundTo(avgStock, DIGITS.amount),
    days_of_cover: roundTo(total.demand > 0 ? total.onHandDays / total.demand : 0, DIGITS.amount),
    holding_cost: roundTo(total.holdingCost, DIGITS.amount),
    shortage_cost: roundTo(total.shortageCost, DIGITS.amount),
    total_cost: roundTo(total.holdingCost + total.shortageCost, DIGITS.amount),
    demand: roundTo(total.demand, DIGITS.amount),
    cycles: total.cycles,
    orders: total.orderCount,
    large_order_units: roundTo(total.largeUnits, DIGITS.amount),
  };
}
