/**
 * The honest simulation of one product: one continuous replay of actual days under a periodic
 * review policy with lost sales. Pure: arrays and a level function in, a tally out.
 *
 * Each day d, in this order:
 * 1. orders placed on day d − L arrive (start of day);
 * 2. on a review day (every R days from `firstReview`) the policy's order-up-to level S is asked
 *    for (it must be set from data before d only) and the order max(0, S − on hand − on order),
 *    rounded by the order constraints, is placed; on the first review the shelf is simply
 *    stocked with S (initial stock) and nothing is ordered;
 * 3. demand is served from the shelf; what cannot be served is lost;
 * 4. ρ × the units returned on day d go back on the shelf at the end of the day (a return is
 *    usable from the day after it is recorded — the record is the day it came back, and it
 *    cannot serve that day's earlier demand). With `returnable` given, a day's returns count only
 *    up to the units served and not yet returned (that pool starts at `returnable`: the units
 *    sold before the replay that may still come back): in the data a return follows a sale that
 *    happened, and a sale the replay lost cannot come back (a cancelled wholesale order would
 *    otherwise put thousands of units on the shelf that never left it);
 * 5. from `measureFrom` on, the day is counted: demand, served, lost, end-of-day stock (holding),
 *    lost units (shortage). Days before are the warm-up.
 *
 * A cycle is the R days from the arrival of one review's order (day t + L) to the day before the
 * next arrival; it is counted when it lies wholly in the counted days, and is "without stockout"
 * when no demand was lost on any of its days. Units of large orders (`largeOrders`) are served
 * from outside stock and only counted.
 * @module
 */

import { type OrderConstraint, roundOrder, WHOLE_UNITS } from "../policies/constraints.ts";

/** What to replay and how. */
export interface ReplayInput {
  /** Units demanded from this stock per day (index = day). */
  demand: ArrayLike<number>;
  /** Units returned per day. */
  returns: ArrayLike<number>;
  /** Units of large orders per day served from outside stock (counted apart). */
  largeOrders?: ArrayLike<number>;
  /** Index of the first review day (the warm-up starts here). */
  firstReview: number;
  /** Index of the first counted day. */
  measureFrom: number;
  /**
   * The order-up-to level at a review on day `day` (from data before that day only), given the
   * stock position then (on the shelf after the day's arrivals, and on order); no position on the
   * first review, where the level is the initial stock.
   */
  orderUpTo: (day: number, position?: StockPosition) => number;
  /** L: days from order to arrival (≥ 0). */
  leadTime: number;
  /** R: days between reviews (≥ 1). */
  reviewPeriod: number;
  /** ρ: share of returned units that can be sold again. */
  restockRate: number;
  /** Cost per unit on the shelf per day (end-of-day stock). */
  holdingCost: number;
  /** Cost per unit of demand lost. */
  shortageCost: number;
  /** Case pack and minimum order. */
  constraint?: OrderConstraint;
  /** Units sold before `firstReview` that may still be returned; absent: returns uncapped. */
  returnable?: number;
  /** Keep every order placed in the tally (`orders`). @default false */
  recordOrders?: boolean;
}

/** Units on the shelf and on order at a review. */
export interface StockPosition {
  onHand: number;
  onOrder: number;
}

/** What happened over the counted days. */
export interface ReplayTally {
  /** Units demanded from the stock. */
  demand: number;
  /** Units served from the stock. */
  served: number;
  /** Days with demand lost. */
  stockoutDays: number;
  /** Σ end-of-day units on the shelf. */
  onHandDays: number;
  /** Days counted. */
  days: number;
  holdingCost: number;
  shortageCost: number;
  /** Cycles counted. */
  cycles: number;
  /** Cycles without any demand lost. */
  cyclesWithoutStockout: number;
  /** Units of large orders served from outside stock. */
  largeUnits: number;
  /** Orders placed (warm-up included). */
  orderCount: number;
  /** Every order placed (warm-up included), with `recordOrders`: day index and units. */
  orders: { day: number; quantity: number }[];
}

/** An empty tally. */
export function emptyReplayTally(): ReplayTally {
  return {
    demand: 0,
    served: 0,
    stockoutDays: 0,
    onHandDays: 0,
    days: 0,
    holdingCost: 0,
    shortageCost: 0,
    cycles: 0,
    cyclesWithoutStockout: 0,
    largeUnits: 0,
    orderCount: 0,
    orders: [],
  };
}

/**
 * Replays from `firstReview` to the last day of `demand`.
 *
 * @example
 * ```ts
 * import { replayProduct } from "./replay.ts";
 * const tally = replayProduct({
 *   demand: [5, 5, 5, 5, 5, 5], returns: [0, 0, 0, 0, 0, 0], firstReview: 0, measureFrom: 0,
 *   orderUpTo: () => 15, leadTime: 1, reviewPeriod: 2, restockRate: 0.8,
 *   holdingCost: 0, shortageCost: 1,
 * });
 * tally.served; // 30: stocked 15 (L + R = 3 days of 5), then 10 ordered every 2 days
 * ```
 */
export function replayProduct(input: ReplayInput): ReplayTally {
  const steps = replaySteps(input);
  let step = steps.next();
  while (!step.done) step = steps.next(input.orderUpTo(step.value.day, step.value.position));
  return step.value;
}

/** A review the replay waits at: the day (index) and the stock position (none on the first). */
export interface ReviewRequest {
  day: number;
  position?: StockPosition;
}

/**
 * The replay as a generator: it yields at every review day and resumes with the order-up-to
 * level it is given (`next(level)`), so several products can be replayed side by side and a
 * policy can be asked at each review in step with other products (`simulate.ts`). Returns the
 * tally.
 */
export function* replaySteps(
  input: Omit<ReplayInput, "orderUpTo">,
): Generator<ReviewRequest, ReplayTally, number> {
  const days = input.demand.length;
  const { leadTime, reviewPeriod } = input;
  if (!(Number.isInteger(leadTime) && leadTime >= 0)) {
    throw new RangeError(`Cannot replay: lead time must be a whole number ≥ 0, got ${leadTime}`);
  }
  if (!(Number.isInteger(reviewPeriod) && reviewPeriod >= 1)) {
    throw new RangeError(
      `Cannot replay: review period must be a whole number ≥ 1, got ${reviewPeriod}`,
    );
  }
  const constraint = input.constraint ?? WHOLE_UNITS;
  const arrivals = new Float64Array(days + leadTime + 1);
  const lostOn = new Uint8Array(days);
  const tally = emptyReplayTally();
  let onHand = 0;
  let onOrder = 0;
  let returnable = input.returnable ?? Infinity;
  for (let d = input.firstReview; d < days; d++) {
    onHand += arrivals[d];
    onOrder -= arrivals[d];
    if ((d - input.firstReview) % reviewPeriod === 0) {
      const first = d === input.firstReview;
      const asked: number = yield first ? { day: d } : { day: d, position: { onHand, onOrder } };
      const level = Math.max(0, asked);
      if (!Number.isFinite(level)) {
        throw new RangeError(`Cannot replay: the order-up-to level on day ${d} is ${asked}`);
      }
      if (first) onHand = level;
      else {
        const quantity = roundOrder(level - onHand - onOrder, constraint);
        if (quantity > 0) {
          tally.orderCount++;
          if (input.recordOrders) tally.orders.push({ day: d, quantity });
          if (leadTime === 0) onHand += quantity;
          else {
            arrivals[d + leadTime] += quantity;
            onOrder += quantity;
          }
        }
      }
    }
    const demand = input.demand[d];
    const served = Math.min(onHand, demand);
    onHand -= served;
    const lost = demand - served;
    if (lost > 1e-9) lostOn[d] = 1;
    returnable += served;
    const returned = Math.min(input.returns[d], returnable);
    returnable -= returned;
    onHand += input.restockRate * returned;
    if (d >= input.measureFrom) {
      tally.demand += demand;
      tally.served += served;
      if (lostOn[d]) tally.stockoutDays++;
      tally.onHandDays += onHand;
      tally.days++;
      tally.holdingCost += input.holdingCost * onHand;
      tally.shortageCost += input.shortageCost * lost;
      tally.largeUnits += input.largeOrders?.[d] ?? 0;
    }
  }
  for (let t = input.firstReview; t < days; t += reviewPeriod) {
    const from = t + leadTime;
    const to = from + reviewPeriod; // exclusive
    if (from < input.measureFrom || to > days) continue;
    tally.cycles++;
    let clean = 1;
    for (let d = from; d < to; d++) if (lostOn[d]) clean = 0;
    tally.cyclesWithoutStockout += clean;
  }
  return tally;
}

/** Adds tally `b` into `a` (orders are concatenated). */
export function addReplayTally(a: ReplayTally, b: ReplayTally): ReplayTally {
  for (const key of Object.keys(a) as (keyof ReplayTally)[]) {
    if (key === "orders") a.orders.push(...b.orders);
    else a[key] += b[key];
  }
  return a;
}
