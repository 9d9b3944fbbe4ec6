/**
 * Judges a stocking policy by replaying actual days: periodic review every R days, orders arrive
 * L days later, restockable returns go back on the shelf on the day they come back, unmet demand
 * is lost. Pure: arrays in, tallies out.
 * @module
 */

import { DIGITS, roundTo } from "../util/round.ts";

/** What happened over the simulated days. */
export interface SimulationTally {
  /** Units demanded (actual sales). */
  demand: number;
  /** Units served from stock. */
  served: number;
  /** Days with unmet demand. */
  stockoutDays: number;
  /** Σ end-of-day units on hand. */
  onHandDays: number;
  /** Days simulated. */
  days: number;
  /** Holding cost: units on hand × cost per unit per day. */
  holdingCost: number;
  /** Shortage cost: units short × cost per unit. */
  shortageCost: number;
}

/** An empty tally. */
export function emptyTally(): SimulationTally {
  return {
    demand: 0,
    served: 0,
    stockoutDays: 0,
    onHandDays: 0,
    days: 0,
    holdingCost: 0,
    shortageCost: 0,
  };
}

/** Adds `b` into `a`. */
export function addTally(a: SimulationTally, b: SimulationTally): SimulationTally {
  for (const key of Object.keys(a) as (keyof SimulationTally)[]) a[key] += b[key];
  return a;
}

/** The days to replay and how the policy sets its order-up-to level on a review day. */
export interface ReplayInput {
  /** Actual sales per day (the demand). */
  sales: ArrayLike<number>;
  /** Actual returns per day (ρ of them are restocked that day). */
  returns: ArrayLike<number>;
  /** Order-up-to level if reviewing on day t (0-based). */
  orderUpTo: (day: number) => number;
  /** L: days from order to arrival. */
  leadTime: number;
  /** R: days between reviews (first review on day 0). */
  reviewPeriod: number;
  /** ρ: share of returns that can be sold again. */
  restockRate: number;
  /** Cost per unit on hand per day. */
  holdingCost: number;
  /** Cost per unit of unmet demand. */
  shortageCost: number;
}

/**
 * Replays the days, starting with the day-0 order-up-to level on hand and nothing on order.
 *
 * @example
 * ```ts
 * import { replay } from "./simulate.ts";
 * const tally = replay({
 *   sales: [10, 10, 10, 10], returns: [0, 0, 0, 0], orderUpTo: () => 20,
 *   leadTime: 1, reviewPeriod: 2, restockRate: 0.8, holdingCost: 0, shortageCost: 1,
 * });
 * tally.served === 40; // true: every unit demanded was served
 * ```
 */
export function replay(input: ReplayInput): SimulationTally {
  const days = input.sales.length;
  const arrivals = new Float64Array(days + input.leadTime + 1);
  let onHand = Math.max(0, input.orderUpTo(0));
  let onOrder = 0;
  const tally = emptyTally();
  for (let t = 0; t < days; t++) {
    onHand += arrivals[t];
    onOrder -= arrivals[t];
    onHand += input.restockRate * input.returns[t];
    if (t % input.reviewPeriod === 0) {
      const quantity = Math.max(0, input.orderUpTo(t) - onHand - onOrder);
      if (quantity > 0) {
        if (input.leadTime === 0) onHand += quantity;
        else {
          arrivals[t + input.leadTime] += quantity;
          onOrder += quantity;
        }
      }
    }
    const demand = input.sales[t];
    const served = Math.min(onHand, demand);
    onHand -= served;
    const short = demand - served;
    tally.demand += demand;
    tally.served += served;
    if (short > 1e-9) tally.stockoutDays++;
    tally.onHandDays += onHand;
    tally.days++;
    tally.holdingCost += input.holdingCost * onHand;
    tally.shortageCost += input.shortageCost * short;
  }
  return tally;
}

/** The figures of `simulation.json` for a tally. */
export function simulationFigures(tally: SimulationTally) {
  return {
    fill_rate: roundTo(tally.demand > 0 ? tally.served / tally.demand : 1, DIGITS.rate),
    stockout_days: tally.stockoutDays,
    avg_on_hand: roundTo(tally.days > 0 ? tally.onHandDays / tally.days : 0, DIGITS.amount),
    holding_cost: roundTo(tally.holdingCost, DIGITS.amount),
    shortage_cost: roundTo(tally.shortageCost, DIGITS.amount),
    total_cost: roundTo(tally.holdingCost + tally.shortageCost, DIGITS.amount),
  };
}
