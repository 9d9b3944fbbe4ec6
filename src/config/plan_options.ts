/**
 * The planning options of `plan` and `report` — the policy and its settings, the costs, stock on
 * hand, the alert thresholds — with their defaults, and their normalisation into the settings the
 * inventory code reads. The defaults below are the only ones: `POLICY_DEFAULTS`, `COST_DEFAULTS`
 * and `ALERT_DEFAULTS` are read from the options.
 * @module
 */

import { InputError } from "../io/errors.ts";
import type { Costs, PolicySettings } from "../inventory/policies/types.ts";
import {
  DEFAULT_POLICY,
  POLICIES,
  POLICY_ALIASES,
  type PolicyName,
  policyNamed,
} from "../inventory/policies/registry.ts";
import type { AlertThresholds } from "../inventory/alerts/types.ts";
import { ORDER_LINE_FLOOR } from "../inventory/large_orders/order_lines_file.ts";
import { CONSTRAINTS_LAYOUT } from "../inventory/order_constraints.ts";
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

/** The range of a service target (fill rate or cycle service). */
export const TARGET_RANGE = { min: 0.5, max: 0.999 };

/** `--fill-rate` by default (absent, a cycle-service target alone chooses that policy). */
const FILL_RATE_DEFAULT = 0.95;

/** `--cycle-service` by default (applied after its alias `--service-level` is read). */
const CYCLE_SERVICE_DEFAULT = 0.95;

/** What `--service-level critical-ratio` (an older setting) became. */
const CRITICAL_RATIO = "critical-ratio";

/** The planning options, in `--help` order. */
export const PLAN_OPTIONS = {
  policy: keyword("policy", () => [...POLICIES.map((p) => p.id), ...Object.keys(POLICY_ALIASES)], {
    value: "NAME",
    shownDefault: DEFAULT_POLICY.id,
    help: orList(POLICIES.map((p) => `${p.id} (${p.summary})`)) +
      "; service-level is cycle-service; without it, --cycle-service (or --service-level) " +
      "alone chooses cycle-service",
  }),
  fillRate: decimal("fill-rate", {
    value: "P",
    shownDefault: String(FILL_RATE_DEFAULT),
    ...TARGET_RANGE,
    help:
      `fill-rate policy: share of demand served from stock, ${TARGET_RANGE.min}–${TARGET_RANGE.max}`,
  }),
  cycleService: decimal("cycle-service", {
    value: "P",
    shownDefault: String(CYCLE_SERVICE_DEFAULT),
    ...TARGET_RANGE,
    help:
      `cycle-service policy: chance of no stockout in a cycle, ${TARGET_RANGE.min}–${TARGET_RANGE.max}`,
  }),
  serviceLevel: {
    flag: "service-level",
    value: "P",
    help: "alias of --cycle-service (the chance of no stockout per cycle); for the share of " +
      "demand served from stock use --fill-rate",
    blankIsAbsent: true,
    parse: (text: string) => {
      if (text === CRITICAL_RATIO) {
        throw new InputError(
          `--service-level ${CRITICAL_RATIO} is now --policy cost (the stock of least expected ` +
            "holding + lost-sales cost, from --holding-cost and --shortage-cost)",
        );
      }
      return parseDecimal("service-level", text, TARGET_RANGE);
    },
  } as Option<number>,
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
  orderConstraints: path("order-constraints", {
    value: "FILE",
    help: `${CONSTRAINTS_LAYOUT}: orders in whole case packs, at least the minimum`,
  }),
  largeOrderUnits: integer("large-order-units", {
    value: "N",
    min: ORDER_LINE_FLOOR,
    max: 1_000_000_000,
    help: "serve order lines above N units from outside stock (needs FILE.orders.csv from import)",
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

/** Costs by default: a unit lost costs 20 days of holding it. */
export const COST_DEFAULTS: Costs = {
  holding: PLAN_OPTIONS.holdingCost.default,
  shortage: PLAN_OPTIONS.shortageCost.default,
};

/** The policies' settings by default. */
export const POLICY_DEFAULTS: PolicySettings = {
  leadTime: PLAN_OPTIONS.leadTime.default,
  reviewPeriod: PLAN_OPTIONS.reviewPeriod.default,
  restockRate: PLAN_OPTIONS.restockRate.default,
  fillRate: FILL_RATE_DEFAULT,
  cycleService: CYCLE_SERVICE_DEFAULT,
  safetyFactor: PLAN_OPTIONS.safetyFactor.default,
  costs: COST_DEFAULTS,
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
  /** The stocking policy (an old name resolved). */
  policy: PolicyName;
  /** The policies' settings, costs included. */
  settings: PolicySettings;
  /** The alert thresholds. */
  thresholds: AlertThresholds;
  /** The stock position file, when given. */
  onHand?: string;
  /** The order-constraints file, when given. */
  orderConstraints?: string;
  /** Order lines above this many units are served from outside stock. */
  largeOrderUnits?: number;
}

/**
 * The planning settings from resolved options (`--service-level` is `--cycle-service`). Without
 * `--policy`, a cycle-service target alone (as `--service-level P` always meant) chooses the
 * cycle-service policy; otherwise the default.
 */
export function planSettings(values: Resolved<typeof PLAN_OPTIONS>): PlanSettings {
  if (values.serviceLevel !== undefined && values.cycleService !== undefined) {
    throw new InputError(
      "--service-level is an alias of --cycle-service: give one of them, not both",
    );
  }
  return {
    policy: values.policy !== undefined
      ? policyNamed(values.policy).id
      : (values.serviceLevel ?? values.cycleService) !== undefined && values.fillRate === undefined
      ? "cycle-service"
      : DEFAULT_POLICY.id,
    settings: {
      leadTime: values.leadTime,
      reviewPeriod: values.reviewPeriod,
      restockRate: values.restockRate,
      fillRate: values.fillRate ?? FILL_RATE_DEFAULT,
      cycleService: values.serviceLevel ?? values.cycleService ?? CYCLE_SERVICE_DEFAULT,
      safetyFactor: values.safetyFactor,
      costs: { holding: values.holdingCost, shortage: values.shortageCost },
    },
    thresholds: {
      returnRate: values.maxReturnRate,
      salesVariation: values.maxSalesVariation,
      inventoryPeak: values.maxInventoryPeak,
      ...FIXED_THRESHOLDS,
    },
    ...(values.onHand ? { onHand: values.onHand } : {}),
    ...(values.orderConstraints ? { orderConstraints: values.orderConstraints } : {}),
    ...(values.largeOrderUnits !== undefined ? { largeOrderUnits: values.largeOrderUnits } : {}),
  };
}
