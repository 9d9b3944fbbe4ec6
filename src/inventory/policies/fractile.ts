/**
 * The textbook cost-optimal service level of a periodic-review order-up-to policy, for
 * comparison with the cost policy's exact condition (`cost.ts`).
 *
 * Raise the order-up-to level S by one unit: if the demand of the protection period stays at or
 * below S, the unit is still on the shelf when the next order arrives — held one more review
 * period (h·R) and carried into the next cycle; if demand exceeds S, it is sold instead of a sale
 * being lost (saves p). The expected change of cost per cycle, h·R·P(D ≤ S) − p·P(D > S), is zero
 * at P(D ≤ S) = p / (p + h·R): the newsvendor critical fractile with overage cost h·R. With the
 * defaults h = 0.05, p = 1 and R = 7 it is 1 / 1.35 = 0.741, while the one-day ratio p / (p + h)
 * = 0.952 holds almost five times as much holding per unit short it saves. It still overstates:
 * a unit sold on the day stock runs out was held until then too, which the exact condition of
 * `cost.ts` counts. Pure and browser-safe.
 * @module
 */

import type { Costs } from "./types.ts";

/**
 * p / (p + h·R).
 *
 * @example
 * ```ts
 * import { criticalFractile } from "./fractile.ts";
 * criticalFractile({ holding: 0.05, shortage: 1 }, 7); // 1 / 1.35 ≈ 0.7407
 * ```
 */
export function criticalFractile(costs: Costs, reviewPeriod: number): number {
  if (!(costs.holding >= 0) || !(costs.shortage >= 0) || costs.holding + costs.shortage <= 0) {
    throw new RangeError(
      `Cannot compute the critical fractile: costs must be ≥ 0 and not both 0, got holding ${costs.holding}, shortage ${costs.shortage}`,
    );
  }
  if (!(reviewPeriod > 0)) {
    throw new RangeError(
      `Cannot compute the critical fractile: review period must be positive, got ${reviewPeriod}`,
    );
  }
  return costs.shortage / (costs.shortage + costs.holding * reviewPeriod);
}
