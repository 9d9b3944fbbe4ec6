/**
 * What the order-up-to policies share: the levels of a safety stock, the per-sample needs of an
 * order when the stock position is known (lost sales), and weighted quantiles. Pure and
 * browser-safe.
 *
 * Each sample i of the error distribution is a possible future: lead-time demand
 * D_L = F_L + lᵢ and the demand of the cycle the order serves D_R = (F − F_L) + (cᵢ − lᵢ), with F
 * the forecast net demand over L + R days, F_L over L, cᵢ and lᵢ the sample's errors. With the
 * stock position I known, a sale lost before the order arrives uses no stock (lost sales), so the
 * order must cover needᵢ = D_R − (I − D_L)⁺: the cycle's demand beyond what is left on the shelf
 * when the order arrives.
 * @module
 */

import { cdf, type ErrorDistribution } from "../errors/empirical.ts";
import type { ProtectionForecast, StockLevels } from "./types.ts";
import { sortedIndices } from "../../util/order.ts";

/** The levels of a safety stock q (S = F + q, never below 0). */
export function levelsOf(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  q: number,
): StockLevels {
  const orderUpTo = orderUpToOf(forecast, q);
  // The chance the level covers the cycle; a tolerance keeps an error the level sits on inside
  // (S − F can come out a hair below q in floating point).
  const tolerance = 1e-9 * Math.max(1, Math.abs(forecast.cycleNet));
  const probability = cdf(errors, orderUpTo - forecast.cycleNet + tolerance);
  return {
    expectedNetDemand: forecast.cycleNet,
    safetyStock: orderUpTo - forecast.cycleNet,
    reorderPoint: Math.max(0, forecast.leadNet + leadQuantile(errors, probability)),
    orderUpTo,
  };
}

/** The levels of an order of Q units at a known position (S = position + Q). */
export function orderLevels(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  position: number,
  quantity: number,
): StockLevels {
  return levelsOf(forecast, errors, orderSafety(forecast, position, quantity));
}

/** The level S = F + q of a safety stock q, never below 0. */
export function orderUpToOf(forecast: ProtectionForecast, q: number): number {
  return Math.max(0, forecast.cycleNet + q);
}

/** The safety stock q (S = F + q) of an order of Q units at a known position. */
export function orderSafety(
  forecast: ProtectionForecast,
  position: number,
  quantity: number,
): number {
  return position + Math.max(0, quantity) - forecast.cycleNet;
}

/** The p-quantile of the lead-time errors (weighted, type 1). */
export function leadQuantile(errors: ErrorDistribution, p: number): number {
  let order = leadOrder.get(errors);
  if (!order) {
    order = sortedIndices(errors.lead);
    leadOrder.set(errors, order);
  }
  return quantileInOrder(errors.lead, errors.weight, order, p);
}

/** The lead errors' sort order per distribution: every level of a decision reads it again. */
const leadOrder = new WeakMap<ErrorDistribution, Int32Array>();

/**
 * Per error sample, what an order placed at stock position `position` must cover:
 * needᵢ = D_R,ᵢ − (position − D_L,ᵢ)⁺.
 *
 * @example
 * ```ts
 * import { cycleNeeds } from "./levels.ts";
 * import { errorDistribution } from "../errors/empirical.ts";
 * const errors = errorDistribution([{ cycle: 20, lead: 10 }, { cycle: 0, lead: 0 }]);
 * const f = { cycleNet: 100, leadNet: 50, cycleSales: 50, original: 100, originalLead: 50 };
 * // Sorted by cycle error: (0, 0) then (20, 10). D_L 50 or 60, D_R 50 or 60, position 55.
 * Array.from(cycleNeeds(f, errors, 55)); // [45, 60]
 * ```
 */
export function cycleNeeds(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
  position: number,
): Float64Array {
  const review = forecast.cycleNet - forecast.leadNet;
  const n = errors.cycle.length;
  const need = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lead = forecast.leadNet + errors.lead[i];
    const cycle = review + errors.cycle[i] - errors.lead[i];
    need[i] = cycle - Math.max(0, position - lead);
  }
  return need;
}

/** Weighted type-1 quantile of arbitrary values (the smallest value whose weight reaches p). */
export function weightedQuantile(
  values: ArrayLike<number>,
  weight: ArrayLike<number>,
  p: number,
): number {
  return quantileInOrder(values, weight, sortedIndices(values), p);
}

function quantileInOrder(
  values: ArrayLike<number>,
  weight: ArrayLike<number>,
  order: Int32Array,
  p: number,
): number {
  let cumulative = 0;
  for (const i of order) {
    cumulative += weight[i];
    if (cumulative >= p - 1e-9) return values[i];
  }
  return values[order[order.length - 1]];
}

/**
 * Expected demand (units, gross) of the cycle the order serves: the forecast of its R days plus
 * the mean error of those days under the distribution (a forecast that runs low — e.g. one that
 * leaves out wholesale orders — does not shrink the shortage a fill-rate target allows).
 */
export function expectedCycleDemand(
  forecast: ProtectionForecast,
  errors: ErrorDistribution,
): number {
  let bias = 0;
  for (let i = 0; i < errors.cycle.length; i++) {
    bias += errors.weight[i] * (errors.cycle[i] - errors.lead[i]);
  }
  return Math.max(0, forecast.cycleSales + bias);
}

/**
 * The smallest Q ≥ 0 with Σ wᵢ (vᵢ − Q)⁺ ≤ `allowed` (the loss function of weighted values,
 * piecewise linear and non-increasing in Q), solved exactly by walking the values from the
 * largest down (ties in index order) until Q falls at or above the next one. The walk stops
 * before the end, often well before, so the values come off a max-heap of the positive ones
 * instead of a full sort (the same values in the same order: the same sums, to the bit).
 *
 * @example
 * ```ts
 * import { solveLoss } from "./levels.ts";
 * // Values 10 and 30 (½ each): loss at Q is ½(10 − Q)⁺ + ½(30 − Q)⁺; = 4 at Q = 22.
 * solveLoss([10, 30], [0.5, 0.5], 4); // 22
 * ```
 */
export function solveLoss(
  values: ArrayLike<number>,
  weight: ArrayLike<number>,
  allowed: number,
): number {
  const heap = new Int32Array(values.length);
  let size = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) heap[size++] = i;
  for (let at = (size >> 1) - 1; at >= 0; at--) siftDown(heap, size, at, values);
  let mass = 0; // Σ w over the values above Q
  let total = 0; // Σ w·v over them
  while (size > 0) {
    const i = heap[0];
    heap[0] = heap[--size];
    if (size > 0) siftDown(heap, size, 0, values);
    mass += weight[i];
    total += weight[i] * values[i];
    const q = (total - allowed) / mass;
    const next = size > 0 ? values[heap[0]] : 0;
    if (q >= next) return Math.max(0, q);
  }
  return 0;
}

/** Moves `heap[at]` down a max-heap of indices (larger value first, ties: smaller index). */
function siftDown(heap: Int32Array, size: number, at: number, values: ArrayLike<number>): void {
  const item = heap[at];
  const value = values[item];
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    let top = heap[child];
    if (child + 1 < size) {
      const right = heap[child + 1];
      if (values[right] > values[top] || (values[right] === values[top] && right < top)) {
        child++;
        top = right;
      }
    }
    if (!(values[top] > value || (values[top] === value && top < item))) break;
    heap[at] = top;
    at = child;
  }
  heap[at] = item;
}
