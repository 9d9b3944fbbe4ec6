/**
 * The planning flags shared by `plan` and `report`, and their normalisation into settings.
 * @module
 */

import type { FlagSpecs, FlagValues } from "./args.ts";
import { integerFlag, numberFlag, optionalString } from "./args.ts";
import { InputError } from "../io/errors.ts";
import {
  criticalRatio,
  POLICY_DEFAULTS,
  type PolicyName,
  type PolicySettings,
} from "../inventory/policy.ts";
import { ALERT_DEFAULTS, type AlertThresholds } from "../inventory/alerts.ts";
import { COST_DEFAULTS, type Costs } from "../inventory/compare.ts";

/** `--policy`, `--service-level`, `--lead-time`, … */
export const PLAN_FLAGS: FlagSpecs = {
  policy: {
    type: "string",
    value: "NAME",
    default: "service-level",
    help: "service-level (order-up-to from forecast errors) or multiplier (the original rule)",
  },
  "service-level": {
    type: "string",
    value: "P",
    default: String(POLICY_DEFAULTS.serviceLevel),
    help: "target chance of no stockout per cycle, 0.5–0.999, or critical-ratio (from the costs)",
  },
  "lead-time": { type: "string", value: "DAYS", default: "7", help: "days from order to arrival" },
  "review-period": { type: "string", value: "DAYS", default: "7", help: "days between orders" },
  "restock-rate": {
    type: "string",
    value: "R",
    default: String(POLICY_DEFAULTS.restockRate),
    help: "share of returns that can be sold again, 0–1",
  },
  "safety-factor": {
    type: "string",
    value: "F",
    default: String(POLICY_DEFAULTS.safetyFactor),
    help: "multiplier policy: factor on forecast net demand, 1.0–2.0",
  },
  "holding-cost": {
    type: "string",
    value: "C",
    default: String(COST_DEFAULTS.holding),
    help: "cost per unit on hand per day",
  },
  "shortage-cost": {
    type: "string",
    value: "C",
    default: String(COST_DEFAULTS.shortage),
    help: "cost per unit of lost sales",
  },
  "on-hand": {
    type: "string",
    value: "FILE",
    help: "product_id,on_hand[,on_order]: compute orders now",
  },
  "max-return-rate": {
    type: "string",
    value: "R",
    default: "0.15",
    help: "alert above this return rate",
  },
  "max-sales-variation": {
    type: "string",
    value: "R",
    default: "0.5",
    help: "alert when sales sd exceeds this share of the mean",
  },
  "max-inventory-peak": {
    type: "string",
    value: "R",
    default: "1.5",
    help: "alert when recommended inventory peaks above this × its mean",
  },
};

/** The policy, its settings, the costs and the alert thresholds from the flags. */
export function planSettings(values: FlagValues): {
  policy: PolicyName;
  settings: PolicySettings;
  costs: Costs;
  thresholds: AlertThresholds;
  onHand?: string;
} {
  const policy = optionalString(values, "policy") ?? "service-level";
  if (policy !== "service-level" && policy !== "multiplier") {
    throw new InputError(
      `--policy must be service-level or multiplier, got ${JSON.stringify(policy)}`,
    );
  }
  const costs = {
    holding: numberFlag(values, "holding-cost", { min: 0, max: 1e9 }),
    shortage: numberFlag(values, "shortage-cost", { min: 0, max: 1e9 }),
  };
  const level = optionalString(values, "service-level");
  let serviceLevel: number;
  if (level === "critical-ratio") {
    if (costs.holding + costs.shortage <= 0) {
      throw new InputError(
        "--service-level critical-ratio needs a positive --holding-cost or --shortage-cost",
      );
    }
    serviceLevel = Math.min(0.999, Math.max(0.5, criticalRatio(costs.shortage, costs.holding)));
  } else {
    serviceLevel = numberFlag(values, "service-level", { min: 0.5, max: 0.999 });
  }
  const safetyFactor = numberFlag(values, "safety-factor", { min: 1, max: 2 });
  return {
    policy,
    settings: {
      leadTime: integerFlag(values, "lead-time", { min: 0, max: 365 }),
      reviewPeriod: integerFlag(values, "review-period", { min: 1, max: 365 }),
      restockRate: numberFlag(values, "restock-rate", { min: 0, max: 1 }),
      serviceLevel,
      safetyFactor,
    },
    costs,
    thresholds: {
      ...ALERT_DEFAULTS,
      returnRate: numberFlag(values, "max-return-rate", { min: 0, max: 10 }),
      salesVariation: numberFlag(values, "max-sales-variation", { min: 0, max: 100 }),
      inventoryPeak: numberFlag(values, "max-inventory-peak", { min: 1, max: 100 }),
    },
    onHand: optionalString(values, "on-hand"),
  };
}
