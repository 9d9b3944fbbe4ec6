/**
 * The explorer's policy adapter: everything in the explorer that depends on what the stocking
 * policies are and what they read. The rest of the explorer (record, payload, view, page) is
 * policy-agnostic; when the policies change, this file and the part of the payload it owns
 * ({@link PolicyRun} per run, {@link PolicyInputs} per product) change, nothing else.
 *
 * - which controls each policy of the registry reads ({@link policyControls}) and what its
 *   service target is called ({@link targetLabel});
 * - control values ↔ the policies' settings ({@link settingsOf}, {@link controlValues});
 * - the inputs the policies need besides the forecast means, per run and per product, and their
 *   bytes, are `policy_inputs.ts`;
 * - the levels, through the registry's own policy functions — the code `deno task plan` runs —
 *   called exactly as `inventory/plan.ts` calls them ({@link explorerLevels}).
 *
 * The policies read a product's error distribution (`inventory/planning/decisions.ts`), which
 * depends on the whole run and on L, R and ρ: a product's inputs are its distribution as the run
 * computed it, its lead time, case pack and stock position. Targets, costs, the factor and the
 * policy move exactly as `plan`; another L, R or ρ keeps the run's distribution and says so.
 * @module
 */

import type { ErrorDistribution } from "../../inventory/errors/empirical.ts";
import { findPolicy, POLICIES } from "../../inventory/policies/registry.ts";
import {
  netDemand,
  protectionForecast,
  recommendedPerDay,
} from "../../inventory/policies/stock.ts";
import type { Costs, Policy, PolicySettings, StockLevels } from "../../inventory/policies/types.ts";
import { DIGITS, roundTo } from "../../util/round.ts";
import type { PolicyInputs, PolicyRun } from "./policy_inputs.ts";

/** The stable names of the policy controls, in page order. */
export const POLICY_CONTROLS = [
  "target",
  "safety-factor",
  "lead-time",
  "review-period",
  "restock-rate",
  "holding-cost",
  "shortage-cost",
] as const;

/** A policy control's name. */
export type PolicyControl = (typeof POLICY_CONTROLS)[number];

/** A value per policy control. */
export type ControlValues = Record<PolicyControl, number>;

const SERVICE: readonly PolicyControl[] = ["target", "lead-time", "review-period", "restock-rate"];

/** The controls each policy of the registry reads; the others are disabled while it is chosen. */
const USES: Record<string, readonly PolicyControl[]> = {
  "fill-rate": SERVICE,
  "cycle-service": SERVICE,
  "cost": ["lead-time", "review-period", "restock-rate", "holding-cost", "shortage-cost"],
  "multiplier": ["safety-factor", "lead-time", "review-period"],
};

/** The service target's label per policy that has one. */
const TARGETS: Record<string, string> = {
  "fill-rate": "Fill rate β (share of demand served)",
  "cycle-service": "Cycle service α (no stockout)",
};

/** Policies of the registry the adapter knows (a test checks that this is all of them). */
export const ADAPTED_POLICIES: readonly string[] = Object.keys(USES);

/** The controls a policy reads (every control for a policy this adapter does not know). */
export function policyControls(policyId: string): readonly PolicyControl[] {
  return USES[policyId] ?? POLICY_CONTROLS;
}

/** What the target control is called under a policy (a generic label when it has none). */
export function targetLabel(policyId: string): string {
  return TARGETS[policyId] ?? "Service target";
}

/** The policies offered, in the registry's order (the default first). */
export function policyChoices(): { id: string; label: string }[] {
  return POLICIES.map((policy) => ({ id: policy.id, label: policy.label }));
}

/** The settings and costs of control values (the target is the chosen policy's, either one). */
export function settingsOf(values: ControlValues): { settings: PolicySettings; costs: Costs } {
  const costs = { holding: values["holding-cost"], shortage: values["shortage-cost"] };
  return {
    settings: {
      leadTime: values["lead-time"],
      reviewPeriod: values["review-period"],
      restockRate: values["restock-rate"],
      fillRate: values.target,
      cycleService: values.target,
      safetyFactor: values["safety-factor"],
      costs,
    },
    costs,
  };
}

/** The control values of settings and costs; the target is that of `policyId` (fill rate's by default). */
export function controlValues(
  settings: PolicySettings,
  costs: Costs,
  policyId?: string,
): ControlValues {
  const target = (policyId && findPolicy(policyId)?.target) || "fillRate";
  return {
    "target": settings[target],
    "safety-factor": settings.safetyFactor,
    "lead-time": settings.leadTime,
    "review-period": settings.reviewPeriod,
    "restock-rate": settings.restockRate,
    "holding-cost": costs.holding,
    "shortage-cost": costs.shortage,
  };
}

/** A product's forecast means, as the levels read them. */
export interface LevelsForecast {
  /** Forecast sales and returns per day from the first forecast day. */
  sales: ArrayLike<number>;
  returns: ArrayLike<number>;
}

/** What the explorer shows of a policy for one product and one set of controls. */
export interface ExplorerLevels {
  /** The levels, rounded as plan.csv publishes them. */
  levels: StockLevels;
  /** Recommended inventory per day over the horizon, rounded as plan_daily.csv. */
  daily: number[];
  /** How the inventory chart draws the policy. */
  chart: Policy["chart"];
  /** Net demand per day over the horizon: sales − ρ · returns (ρ = 1 without a restock rate). */
  netDemand: Float64Array;
  /** Why these levels may differ from `plan` with the same settings, if they may. */
  caveat?: string;
}

const NO_ERRORS: ErrorDistribution = {
  cycle: Float64Array.of(0),
  lead: Float64Array.of(0),
  weight: Float64Array.of(1),
};

/** The levels `planInventory` gives a product under `policyId`, settings and costs. */
export function explorerLevels(
  forecast: LevelsForecast,
  inputs: PolicyInputs,
  run: PolicyRun,
  policyId: string,
  values: ControlValues,
  days: number,
): ExplorerLevels {
  const policy = findPolicy(policyId);
  if (!policy) throw new RangeError(`Cannot compute levels: unknown policy ${policyId}`);
  const base = settingsOf(values).settings;
  // A product's own lead time (order constraints) overrides --lead-time, as in plan.
  const settings = { ...base, leadTime: inputs.leadTime ?? base.leadTime };
  const errors = inputs.errors ?? NO_ERRORS;
  const review = {
    forecast: protectionForecast(forecast.sales, forecast.returns, settings, 0),
    errors,
    ...(inputs.position !== undefined ? { position: inputs.position } : {}),
    ...(inputs.constraint ? { constraint: inputs.constraint } : {}),
  };
  const levels = policy.levels(review, settings);
  const daily = recommendedPerDay(policy, forecast.sales, forecast.returns, settings, errors, days);
  const stock = (value: number) => roundTo(value, DIGITS.stock);
  const reads = policy.chart !== "per-day";
  const moved = base.leadTime !== run.leadTime || base.reviewPeriod !== run.reviewPeriod ||
    base.restockRate !== run.restockRate;
  return {
    levels: {
      expectedNetDemand: stock(levels.expectedNetDemand),
      safetyStock: stock(levels.safetyStock),
      reorderPoint: stock(levels.reorderPoint),
      orderUpTo: stock(levels.orderUpTo),
    },
    daily: Array.from(daily, stock),
    chart: policy.chart,
    // As the policy counts it: a policy without a restock rate nets out every return.
    netDemand: netDemand(
      forecast.sales,
      forecast.returns,
      policyControls(policyId).includes("restock-rate") ? settings.restockRate : 1,
    ).subarray(0, days),
    caveat: !reads
      ? undefined
      : !inputs.errors
      ? "This report was built from published plans, which do not carry the error distribution: " +
        "the safety stock here is 0; plan.csv has the run's levels."
      : moved
      ? `The safety stock still comes from the run's error distribution of ${
        run.leadTime + run.reviewPeriod
      }-day totals (lead time ${run.leadTime}, review period ${run.reviewPeriod}, restock rate ${run.restockRate}); ` +
        "deno task plan with these settings recomputes it from its own backtest and may give other levels."
      : undefined,
  };
}
