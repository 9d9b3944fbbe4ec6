/**
 * Every stocking policy, in the order tables and `simulation.json` list them; the first is the
 * default (`--policy`). `service-level` is the old name of `cycle-service` and still accepted.
 * Adding a policy: its file implementing `Policy`, and a line here. Browser-safe.
 * @module
 */

import type { Policy } from "./types.ts";
import { fillRatePolicy } from "./fill_rate.ts";
import { cycleServicePolicy } from "./cycle_service.ts";
import { costPolicy } from "./cost.ts";
import { multiplierPolicy } from "./multiplier.ts";

/** The policies, the default first. */
export const POLICIES: readonly Policy[] = [
  fillRatePolicy,
  cycleServicePolicy,
  costPolicy,
  multiplierPolicy,
];

/** The default policy. */
export const DEFAULT_POLICY: Policy = POLICIES[0];

/** Old policy names still accepted, and the policy each means. */
export const POLICY_ALIASES: Readonly<Record<string, string>> = {
  "service-level": cycleServicePolicy.id,
};

/** A policy's name (one of {@link POLICIES}). */
export type PolicyName = string;

const byId = new Map(POLICIES.map((policy) => [policy.id, policy]));

/** The policy of a name (or an alias), or `undefined`. */
export function findPolicy(id: string): Policy | undefined {
  return byId.get(Object.hasOwn(POLICY_ALIASES, id) ? POLICY_ALIASES[id] : id);
}

/** The policy of a name (or an alias); a RangeError for an unknown one. */
export function policyNamed(id: string): Policy {
  const policy = findPolicy(id);
  if (!policy) throw new RangeError(`Unknown policy ${JSON.stringify(id)}`);
  return policy;
}
