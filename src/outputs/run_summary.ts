/**
 * A run's `summary.json` (plan, report, merge): the run configuration, the data it read, the
 * backtest plan, versions, headline totals, pooled backtest metrics, the model chosen per product
 * and target with the reason, the simulated policy figures and the alert count. The same module
 * writes it and reads it back into a {@link RunConfig} (`merge`, `report --from`).
 * @module
 */

import { formatIsoDay } from "../data/dates.ts";
import type { Target } from "../forecast/types.ts";
import { backtestSeries } from "../forecast/dataset/results.ts";
import type { RunConfig } from "../config/run_config.ts";
import type { RunFacts, RunInput } from "./run_input.ts";
import { InputError } from "../io/errors.ts";
import { POLICY_DEFAULTS } from "../config/plan_options.ts";
import type { PolicySettings } from "../inventory/policies/types.ts";
import { pooledBacktestMetrics } from "./backtest_summary.ts";

/** What summary.json says about the run, as far as reading it back needs. */
export interface RunSummary {
  /** The run configuration. */
  parameters: {
    title: string;
    run_date: string;
    horizon: number;
    policy: string;
    /** Every policy setting, under its name in snake case (`lead_time`, `service_level`, …). */
    [setting: string]: unknown;
    holding_cost: number;
    shortage_cost: number;
    models: string[];
    seed: number;
    detail: number;
    thresholds: RunConfig["thresholds"];
  };
  /** The data file's name and fingerprint. */
  data: { source: string; sha256: string };
  /** The backtest plan behind auto (null without one). */
  backtest: {
    horizon: number;
    refit_every: number;
    network_refit_every?: number;
    intervals?: "calibrate" | "past-windows";
    cutoffs: string[];
  } | null;
  /** Why the run has no simulation, when it asked for one. */
  no_simulation?: string;
  /** The model of each product and target, and why. */
  choices: { product_id: string; target: Target; model: string; reason: string }[];
}

/** A setting's name in summary.json: `leadTime` → `lead_time`. */
function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The settings of a configuration, costs aside (they have their own keys). */
function policySettings(settings: PolicySettings): [string, unknown][] {
  return Object.entries(settings).filter(([key]) => key !== "costs");
}

/** The parameters block of a configuration. */
function parametersOf(config: RunConfig): RunSummary["parameters"] {
  return {
    title: config.title,
    run_date: config.runDate,
    horizon: config.horizon,
    policy: config.policy,
    ...Object.fromEntries(policySettings(config.settings).map(([key, v]) => [snakeCase(key), v])),
    holding_cost: config.settings.costs.holding,
    shortage_cost: config.settings.costs.shortage,
    large_order_units: config.largeOrderUnits ?? null,
    constrained_products: config.constrainedProducts ?? 0,
    models: [...config.candidates],
    seed: config.seed,
    detail: config.detailLimit,
    thresholds: config.thresholds,
  };
}

/** The run configuration a summary records (the inverse of the parameters block). */
export function configOf(summary: RunSummary): RunConfig {
  const p = summary.parameters;
  return {
    title: p.title,
    runDate: p.run_date,
    dataLabel: summary.data.source,
    horizon: p.horizon,
    policy: p.policy,
    settings: {
      ...Object.fromEntries(
        policySettings(POLICY_DEFAULTS).map(([key]) => [key, p[snakeCase(key)]]),
      ),
      costs: { holding: p.holding_cost, shortage: p.shortage_cost },
    } as unknown as PolicySettings,
    ...(typeof p.large_order_units === "number" ? { largeOrderUnits: p.large_order_units } : {}),
    ...(typeof p.constrained_products === "number" && p.constrained_products > 0
      ? { constrainedProducts: p.constrained_products }
      : {}),
    thresholds: p.thresholds,
    candidates: p.models,
    seed: p.seed,
    detailLimit: p.detail,
  };
}

/** summary.json of a run. */
export function formatRunSummary(input: RunInput, facts: RunFacts): string {
  const { planning, options } = input;
  const backtest = planning.forecast.backtest;
  const summary = facts.summary;
  const results = [...planning.forecast.results.values()];
  return JSON.stringify(
    {
      parameters: parametersOf(options),
      data: {
        source: options.dataLabel,
        sha256: input.dataFingerprint,
        products: summary.products.length,
        first: formatIsoDay(summary.first),
        last: formatIsoDay(summary.last),
        filled_days: summary.filledDays,
      },
      backtest: backtest
        ? {
          horizon: backtest.plan.horizon,
          refit_every: backtest.plan.refitEvery,
          ...(backtest.plan.networkRefitEvery !== undefined
            ? { network_refit_every: backtest.plan.networkRefitEvery }
            : {}),
          ...(backtest.plan.intervals ? { intervals: backtest.plan.intervals } : {}),
          cutoffs: backtest.plan.cutoffs.map(formatIsoDay),
        }
        : null,
      versions: facts.versions,
      totals: facts.figures.total,
      metrics: backtest ? pooledBacktestMetrics(backtestSeries(planning.forecast)) : [],
      choices: results.map((r) => ({
        product_id: r.productId,
        target: r.target,
        model: r.model,
        reason: r.reason,
      })),
      simulation: planning.simulation?.policies ?? {},
      ...(planning.noSimulation ? { no_simulation: planning.noSimulation } : {}),
      alerts: planning.alerts.length,
    },
    null,
    2,
  ) + "\n";
}

/** summary.json read back; an InputError naming the file when it is missing or unreadable. */
export async function readRunSummary(path: string): Promise<RunSummary> {
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch {
    throw new InputError(
      "missing or unreadable summary.json; is this the --out directory of plan or report?",
      { file: path },
    );
  }
}
