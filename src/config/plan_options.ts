/**
 * The planning options of `plan` and `report` — the policy and its settings, the costs, stock on
 * hand, the alert thresholds — with their defaults, and their normalisation into the settings the
 * inventory code reads. The defaults below are the only ones: `POLICY_DEFAULTS`, `COST_DEFAULTS`
 * and `ALERT_DEFAULTS` are read from the options.
 * @module
 */

import { InputError } from "../io/errors.ts";
import type { Costs, PolicySettings } from "../inventory/policies/types.ts";
import { DEFAULT_POLICY, POLICIES, type PolicyName } from "../inventory/policies/registry.ts";
import { criticalRatio } from "../inventory/policies/stock.ts";
import type { AlertThresholds } from "../inventory/alerts/types.ts";
import {
  decimal,
  integer,
  keyword,
  type Option,
  orList,
  parseDecimal,
  path,
  type Resolved,
} from "./option.ts";

/** The service level that follows from the costs (the critical ratio p / (p + h)). */
export const CRITICAL_RATIO = "critical-ratio";

/** The range of a service target. */
export const SERVICE_RANGE = { min: 0.5, max: 0.999 } as const;

/** The planning options, in `--help` order. */
export const PLAN_OPTIONS = {
  policy: keyword("policy", () => POLICIES.map((p) => p.id), {
    value: "NAME",
    default: DEFAULT_POLICY.id,
    help: orList(POLICIES.map((p) => `${p.id} (${p.summary})`)),
  }),
  serviceLevel: {
    flag: "service-level",
    value: "P",
    default: 0.95,
    help: `target chance of no stockout per cycle, ${SERVICE_RANGE.min}–${SERVICE_RANGE.max}, ` +
      `or ${CRITICAL_RATIO} (from the costs)`,
    parse: (text: string) =>
      text === CRITICAL_RATIO ? CRITICAL_RATIO : parseDecimal("service-level", text, SERVICE_RANGE),
  } as Option<number | typeof CRITICAL_RATIO> & { default: number },
  leadTime: integer("lead-time", {
    value: "DAYS",
    default: 7,
    min: 0,
    max: 365,
    help: "days from order to arrival",
  }),
  reviewPeriod: integer("review-period", {
    value: "DAYS",
    default: 7,
    min: 1,
    max: 365,
    help: "days between orders",
  }),
  restockRate: decimal("restock-rate", {
    value: "R",
    default: 0.8,
    min: 0,
    max: 1,
    help: "share of returns that can be sold again, 0–1",
  }),
  safetyFactor: decimal("safety-factor", {
    value: "F",
    default: 1.2,
    min: 1,
    max: 2,
    help: "multiplier policy: factor on forecast net demand, 1.0–2.0",
  }),
  holdingCost: decimal("holding-cost", {
    value: "C",
    default: 0.05,
    min: 0,
    max: 1e9,
    help: "cost per unit on hand per day",
  }),
  shortageCost: decimal("shortage-cost", {
    value: "C",
    default: 1,
    min: 0,
    max: 1e9,
    help: "cost per unit of lost sales",
  }),
  onHand: path("on-hand", {
    value: "FILE",
    help: "product_id,on_hand[,on_order]: compute orders now",
  }),
  maxReturnRate: decimal("max-return-rate", {
    value: "R",
    default: 0.15,
    min: 0,
    max: 10,
    help: "alert above this return rate",
  }),
  maxSalesVariation: decimal("max-sales-variation", {
    value: "R",
    default: 0.5,
    min: 0,
    max: 100,
    help: "alert when sales sd exceeds this share of the mean",
  }),
  maxInventoryPeak: decimal("max-inventory-peak", {
    value: "R",
    default: 1.5,
    min: 1,
    max: 100,
    help: "alert when recommended inventory peaks above this × its mean",
  }),
};

/** Thresholds without a flag: intermittent demand from half the days without sales; a rising
 * return rate from z = 3. */
const FIXED_THRESHOLDS = { zeroShare: 0.5, risingZ: 3 };

/** The policies' settings by default. */
export const POLICY_DEFAULTS: PolicySettings = {
  leadTime: PLAN_OPTIONS.leadTime.default,
  reviewPeriod: PLAN_OPTIONS.reviewPeriod.default,
  restockRate: PLAN_OPTIONS.restockRate.default,
  serviceLevel: PLAN_OPTIONS.serviceLevel.default,
  safetyFactor: PLAN_OPTIONS.safetyFactor.default,
};

/** Costs by default: a unit short costs 20 days of holding it (critical ratio ≈ 0.95). */
export const COST_DEFAULTS: Costs = {
  holding: PLAN_OPTIONS.holdingCost.default,
  shortage: PLAN_OPTIONS.shortageCost.default,
};

/** Alert thresholds by default. */
export const ALERT_DEFAULTS: AlertThresholds = {
  returnRate: PLAN_OPTIONS.maxReturnRate.default,
  salesVariation: PLAN_OPTIONS.maxSalesVariation.default,
  inventoryPeak: PLAN_OPTIONS.maxInventoryPeak.default,
  ...FIXED_THRESHOLDS,
};

/** The planning settings the inventory code reads. */
export interface PlanSettings {
  /** The stocking policy. */
  policy: PolicyName;
  /** The policies' settings. */
  settings: PolicySettings;
  /** Holding and shortage costs. */
  costs: Costs;
  /** The alert thresholds. */
  thresholds: AlertThresholds;
  /** The stock position file, when given. */
  onHand?: string;
}

/** The planning settings from resolved options (the critical ratio from the costs). */
export function planSettings(values: Resolved<typeof PLAN_OPTIONS>): PlanSettings {
  const costs = { holding: values.holdingCost, shortage: values.shortageCost };
  let serviceLevel: number;
  if (values.serviceLevel === CRITICAL_RATIO) {
    if (costs.holding + costs.shortage <= 0) {
      throw new InputError(
        `--service-level ${CRITICAL_RATIO} needs a positive --holding-cost or --shortage-cost`,
      );
    }
    serviceLevel = Math.min(
      SERVICE_RANGE.max,
      Math.max(SERVICE_RANGE.min, criticalRatio(costs.shortage, costs.holding)),
    );
  } else serviceLevel = values.serviceLevel;
  return {
    policy: values.policy,
    settings: {
      leadTime: values.leadTime,
      reviewPeriod: values.reviewPeriod,
      restockRate: values.restockRate,
      serviceLevel,
      safetyFactor: values.safetyFactor,
    },
    costs,
    thresholds: {
      returnRate: values.maxReturnRate,
      salesVariation: values.maxSalesVariation,
      inventoryPeak: values.maxInventoryPeak,
      ...FIXED_THRESHOLDS,
    },
    ...(values.onHand ? { onHand: values.onHand } : {}),
  };
}
