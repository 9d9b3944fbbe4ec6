/**
 * The one interface every stocking policy implements, and the settings and levels they share.
 * A policy is pure: forecast and settings in, stock levels out. Plans, the simulation, plan.csv,
 * the report's tables and charts all go through this interface, so adding a policy is its file
 * plus a line in `registry.ts`.
 * @module
 */

import type { ErrorScale } from "../sigma.ts";

/** Settings the policies read, normalised (see `config/` for the flags and defaults). */
export interface PolicySettings {
  /** Days from order to arrival (L). */
  leadTime: number;
  /** Days between orders (R). */
  reviewPeriod: number;
  /** Share of returned units that can be sold again (ρ). */
  restockRate: number;
  /** Target probability of no stockout per cycle (service-level policy). */
  serviceLevel: number;
  /** Multiplier of the original design, 1.0–2.0. */
  safetyFactor: number;
}

/** Costs used to judge the policies. */
export interface Costs {
  /** Per unit on hand per day. */
  holding: number;
  /** Per unit of unmet demand. */
  shortage: number;
}

/** One product's stocking parameters under a policy. */
export interface StockLevels {
  /** Expected net demand over L + R days. */
  expectedNetDemand: number;
  /** Safety stock. */
  safetyStock: number;
  /** Level at which to order: expected net demand over L + its safety stock. */
  reorderPoint: number;
  /** Level to order up to at each review. */
  orderUpTo: number;
}

/** What a policy sets stock from: the forecast per day from its first day, and its error scale. */
export interface PolicyForecast {
  /** Forecast sales per day. */
  sales: ArrayLike<number>;
  /** Forecast returns per day. */
  returns: ArrayLike<number>;
  /** σ of the forecast's own errors of lead-time and cycle net-demand totals. */
  scale: ErrorScale;
}

/** A parameter the simulation tunes so that the policy reaches the default policy's fill rate. */
export interface PolicyTuning {
  /** Its value under the run's settings. */
  value(settings: PolicySettings): number;
  /** The smallest value searched (a bisection on the logarithm). */
  min: number;
  /** The largest value searched. */
  max: number;
  /** The report's label of the tuned variant (named `<id>-matched` in simulation.json). */
  label: string;
}

/** A stocking policy. */
export interface Policy {
  /** Its name: `--policy`, plan.csv, simulation.json. */
  readonly id: string;
  /** What it does, in a few words, for `--help`. */
  readonly summary: string;
  /** Its row in the report's comparison table. */
  readonly label: string;
  /** Whether it targets a service level (plan.csv's `service_level` and `z` apply). */
  readonly hasServiceTarget: boolean;
  /**
   * How the inventory chart draws it: `per-day` levels beside the daily forecast, or `cycle`
   * order-up-to levels beside the forecast totals of the next L + R days.
   */
  readonly chart: "per-day" | "cycle";
  /** The levels if reviewing on day `from` of the forecast; `tuned` overrides its parameter. */
  levels(
    forecast: PolicyForecast,
    settings: PolicySettings,
    from?: number,
    tuned?: number,
  ): StockLevels;
  /** The recommended inventory per day over the first `days` days of the forecast. */
  daily(forecast: PolicyForecast, settings: PolicySettings, days: number): Float64Array;
  /** The report's one-line statement of its settings (`z` of the run's service level). */
  describe(settings: PolicySettings, z: number | undefined): string;
  /** The caption of its inventory chart (`cycle` = L + R days). */
  caption(settings: PolicySettings, cycle: number): string;
  /** A parameter the simulation may tune to match the default policy's fill rate. */
  readonly tuning?: PolicyTuning;
}
