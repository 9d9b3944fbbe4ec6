/**
 * Every stocking policy, in the order tables and `simulation.json` list them; the first is the
 * default (`--policy`) and the one tuned policies are matched to in the simulation. Adding a
 * policy: its file implementing `Policy`, and a line here.
 * @module
 */

import type { Policy, PolicyForecast, PolicySettings } from "./types.ts";
import { serviceLevelPolicy } from "./service_level.ts";
import { multiplierPolicy } from "./multiplier.ts";

/** The policies, the default first. */
export const POLICIES: readonly Policy[] = [
  serviceLevelPolicy,
  multiplierPolicy,
];

/** The default policy, and the reference the simulation matches tuned policies to. */
export const DEFAULT_POLICY: Policy = POLICIES[0];

/** A policy's name (one of {@link POLICIES}). */
export type PolicyName = string;

const byId = new Map(POLICIES.map((policy) => [policy.id, policy]));

/** The policy of a name, or `undefined`. */
export function findPolicy(id: string): Policy | undefined {
  return byId.get(id);
}

/** The policy of a name; a RangeError for an unknown one. */
export function policyNamed(id: string): Policy {
  const policy = byId.get(id);
  if (!policy) throw new RangeError(`Unknown policy ${JSON.stringify(id)}`);
  return policy;
}

/**
 * The recommended inventory level per day over the forecast under a policy (non-negative): for
 * an order-up-to policy the level it would set if it reviewed that day.
 */
export function dailyRecommendation(
  policy: PolicyName,
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  scale: PolicyForecast["scale"],
  settings: PolicySettings,
  days = sales.length,
): Float64Array {
  return policyNamed(policy).daily({ sales, returns, scale }, settings, days);
}
