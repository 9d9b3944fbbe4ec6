/**
 * The explorer's policy adapter: everything in the explorer that depends on what the stocking
 * policies are and what they read. The rest of the explorer (record, payload, view, page) is
 * policy-agnostic; when the policies change, this file and the part of the payload it owns
 * ({@link PolicyRun} per run, {@link PolicyInputs} per product) change, nothing else.
 *
 * - which controls each policy of the registry reads ({@link policyControls}) and what its
 *   service target is called ({@link targetLabel});
 * - control values ↔ the policies' settings ({@link settingsOf}, {@link controlValues});
 * - the per-run and per-product inputs the policies need besides the forecast means and the
 *   history, taken from the run on the server ({@link policyRunOf}, {@link policyInputsOf}) and
 *   their bytes ({@link writePolicyInputs}, {@link readPolicyInputs});
 * - the levels, through the registry's own policy functions — the code `deno task plan` runs —
 *   called exactly as `inventory/plan.ts` calls them ({@link explorerLevels}).
 *
 * Today's policies read σ from the chosen models' backtest errors over L and L + R days
 * (`inventory/sigma.ts`), so a product's inputs are those errors, window by window.
 * @module
 */

import type { DatasetForecast } from "../../forecast/dataset/results.ts";
import type { BacktestWindow } from "../../forecast/backtest/series.ts";
import { productNetWindows } from "../../inventory/plan.ts";
import { findPolicy, POLICIES } from "../../inventory/policies/registry.ts";
import { netDemand } from "../../inventory/policies/stock.ts";
import type { Costs, Policy, PolicySettings, StockLevels } from "../../inventory/policies/types.ts";
import { netSigmas, type NetWindow } from "../../inventory/sigma.ts";
import { DIGITS, roundTo } from "../../util/round.ts";
import type { ByteReader, ByteWriter } from "./bytes.ts";

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

/** The controls each policy of the registry reads; the others are disabled while it is chosen. */
const USES: Record<string, readonly PolicyControl[]> = {
  "service-level": ["target", "lead-time", "review-period", "restock-rate"],
  "multiplier": ["safety-factor", "lead-time", "review-period"],
};

/** The service target's label per policy that has one. */
const TARGETS: Record<string, string> = {
  "service-level": "Cycle service level α (no stockout)",
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

/** The settings and costs of control values. */
export function settingsOf(values: ControlValues): { settings: PolicySettings; costs: Costs } {
  return {
    settings: {
      leadTime: values["lead-time"],
      reviewPeriod: values["review-period"],
      restockRate: values["restock-rate"],
      serviceLevel: values.target,
      safetyFactor: values["safety-factor"],
    },
    costs: { holding: values["holding-cost"], shortage: values["shortage-cost"] },
  };
}

/** The control values of settings and costs (the run's: the controls' defaults). */
export function controlValues(settings: PolicySettings, costs: Costs): ControlValues {
  return {
    "target": settings.serviceLevel,
    "safety-factor": settings.safetyFactor,
    "lead-time": settings.leadTime,
    "review-period": settings.reviewPeriod,
    "restock-rate": settings.restockRate,
    "holding-cost": costs.holding,
    "shortage-cost": costs.shortage,
  };
}

/** What the policies read from the whole run: the length of its backtest windows. */
export interface PolicyRun {
  /** Days per backtest window: σ over L + R days needs L + R ≤ this. */
  windowDays: number;
}

/** One product's policy inputs: its chosen models' backtest errors, paired by cutoff. */
export interface PolicyInputs {
  /** Per window: forecast − actual per day, for sales and for returns (3 decimals). */
  windows: { sales: number[]; returns: number[] }[];
}

/** The run's part of the page data. */
export function policyRunOf(forecast: DatasetForecast): PolicyRun {
  return { windowDays: forecast.backtest?.plan.horizon ?? 0 };
}

const errors = (window: BacktestWindow, days: number) =>
  Array.from({ length: days }, (_, h) => roundTo(window.forecast.mean[h] - window.actual[h], 3));

/** A product's inputs, from the windows `plan` reads (`productNetWindows`). */
export function policyInputsOf(forecast: DatasetForecast, productId: string): PolicyInputs {
  return {
    windows: productNetWindows(forecast, productId).map((w) => {
      const days = Math.min(w.sales.actual.length, w.returns.actual.length);
      return { sales: errors(w.sales, days), returns: errors(w.returns, days) };
    }),
  };
}

/** Writes a product's inputs into its record. */
export function writePolicyInputs(w: ByteWriter, inputs: PolicyInputs): void {
  w.varint(inputs.windows.length);
  for (const window of inputs.windows) {
    w.numbers(window.sales, DIGITS.units);
    w.numbers(window.returns, DIGITS.units);
  }
}

/** Reads what {@link writePolicyInputs} wrote. */
export function readPolicyInputs(r: ByteReader): PolicyInputs {
  return {
    windows: Array.from(
      { length: r.varint() },
      () => ({ sales: r.numbers(), returns: r.numbers() }),
    ),
  };
}

/**
 * Backtest windows rebuilt from errors: `sigma.ts` reads only forecast mean − actual, so a
 * window whose forecast is the error and whose actual is 0 gives the same net errors.
 */
function netWindows(inputs: PolicyInputs): NetWindow[] {
  const window = (values: number[]): BacktestWindow => ({
    cutoff: 0,
    forecast: {
      mean: Float64Array.from(values),
      lo80: new Float64Array(0),
      hi80: new Float64Array(0),
      lo95: new Float64Array(0),
      hi95: new Float64Array(0),
    },
    actual: new Float64Array(values.length),
    scales: { mae: NaN, mse: NaN }, // not read by sigma.ts
  });
  return inputs.windows.map((w, k) => ({
    cutoff: k,
    sales: window(w.sales),
    returns: window(w.returns),
  }));
}

const windowCache = new WeakMap<PolicyInputs, NetWindow[]>();

/** A product's forecast means and history, as the levels read them. */
export interface LevelsForecast {
  /** Forecast sales and returns per day from the first forecast day. */
  sales: ArrayLike<number>;
  returns: ArrayLike<number>;
  /** The last days of history (σ's fallback without backtest windows). */
  history: { sales: ArrayLike<number>; returns: ArrayLike<number> };
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
  const { settings } = settingsOf(values);
  const cycle = settings.leadTime + settings.reviewPeriod;
  let windows = windowCache.get(inputs);
  if (!windows) windowCache.set(inputs, windows = netWindows(inputs));
  const scale = netSigmas(
    windows,
    settings.restockRate,
    settings.leadTime,
    cycle,
    forecast.history,
  );
  const input = { sales: forecast.sales, returns: forecast.returns, scale };
  const levels = policy.levels(input, settings);
  const daily = policy.daily(input, settings, Math.min(days, forecast.sales.length));
  const stock = (value: number) => roundTo(value, DIGITS.stock);
  const usesSigma = policy.hasServiceTarget;
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
    caveat: !usesSigma || scale.fromBacktest
      ? undefined
      : cycle > run.windowDays && inputs.windows.length > 0
      ? `Lead time + review period (${cycle} days) is longer than this run's backtest windows ` +
        `(${run.windowDays} days), so σ falls back to the spread of recent demand; ` +
        `deno task plan with these settings backtests longer windows and may give other levels.`
      : "No backtest for this product (its history is short): σ comes from the spread of " +
        "recent demand, as in plan.csv.",
  };
}
