/**
 * The one interface every stocking policy implements, and the inputs and levels they share. A
 * policy is pure and browser-safe (no Deno API, no `node:` import — the report's explorer runs
 * these functions in the page): at one review it gets what the forecast says about the coming
 * L + R days, the empirical distribution of the forecast's own errors of such totals, and — when
 * known — the stock position and the ordering rules; it returns stock levels. Plans, the
 * simulation, plan.csv and the report all go through this interface, so adding a policy is its
 * file plus a line in `registry.ts`.
 * @module
 */

import type { ErrorDistribution } from "../errors/empirical.ts";
import type { OrderConstraint } from "./constraints.ts";

/** Holding and shortage costs. */
export interface Costs {
  /** Cost of one unit on the shelf for one day (h ≥ 0). */
  holding: number;
  /** Cost of one unit of demand lost (p ≥ 0). */
  shortage: number;
}

/** Settings the policies read, normalised (see `config/plan_options.ts` for flags and defaults). */
export interface PolicySettings {
  /** Days from order to arrival (L). */
  leadTime: number;
  /** Days between orders (R). */
  reviewPeriod: number;
  /** Share of returned units that can be sold again (ρ). */
  restockRate: number;
  /** Target share of demand served from stock (β), for the fill-rate policy. */
  fillRate: number;
  /** Target chance of no stockout in a cycle (α), for the cycle-service policy. */
  cycleService: number;
  /** Multiplier of the original design, 1.0–2.0. */
  safetyFactor: number;
  /** Holding and shortage costs, for the cost policy (and to judge every policy). */
  costs: Costs;
}

/** What the forecast says about the protection period that starts at a review. */
export interface ProtectionForecast {
  /** Expected net demand (sales − ρ·returns) over the L + R days from the review. */
  cycleNet: number;
  /** Expected net demand over the first L days. */
  leadNet: number;
  /** Expected gross sales over the last R days (the cycle the order serves): fill rate's base. */
  cycleSales: number;
  /** The original rule's base: Σ max(0, sales − returns) over the L + R days. */
  original: number;
  /** The same over the first L days. */
  originalLead: number;
}

/** One product's stocking parameters at a review. */
export interface StockLevels {
  /** Expected net demand over L + R days. */
  expectedNetDemand: number;
  /** Safety stock: orderUpTo − expectedNetDemand (negative when the forecast runs high). */
  safetyStock: number;
  /**
   * Lead-time protection: expected net demand over L plus the lead errors' quantile at the same
   * chance of no stockout; a stock position below it between reviews is at risk.
   */
  reorderPoint: number;
  /** Level to order up to at the review (≥ 0). */
  orderUpTo: number;
}

/** One product's inputs at a review. */
export interface ReviewInputs {
  /** The forecast of the protection period. */
  forecast: ProtectionForecast;
  /** The forecast's own errors of (L + R)-day and L-day net-demand totals (pooled). */
  errors: ErrorDistribution;
  /** Stock on the shelf + on order before ordering; absent at a first stocking or in a plan without stock data. */
  position?: number;
  /** Case pack and minimum order, when the product has them. */
  constraint?: OrderConstraint;
}

/** A parameter the simulation may sweep or match (the multiplier's factor). */
export interface PolicyTuning {
  /** Its value under the run's settings. */
  value(settings: PolicySettings): number;
  /** The smallest value matching searches (a bisection on the logarithm). */
  min: number;
  /** The largest value searched. */
  max: number;
}

/** A stocking policy. */
export interface Policy {
  /** Its name: `--policy`, plan.csv, simulation.json. */
  readonly id: string;
  /** What it does, in a few words, for `--help`. */
  readonly summary: string;
  /** Its row in the report's comparison table. */
  readonly label: string;
  /** The service target it reads from the settings, if any (plan.csv's `target`). */
  readonly target?: "fillRate" | "cycleService";
  /**
   * How the inventory chart draws it: `per-day` levels beside the daily forecast, or `cycle`
   * order-up-to levels beside the forecast totals of the next L + R days.
   */
  readonly chart: "per-day" | "cycle";
  /** The levels at a review; `tuned` overrides its parameter (target or factor). */
  levels(inputs: ReviewInputs, settings: PolicySettings, tuned?: number): StockLevels;
  /**
   * `levels(…).orderUpTo` alone, where a policy can give it for less work (the replay reads
   * nothing else, at every review of every product and run).
   */
  orderUpTo?(inputs: ReviewInputs, settings: PolicySettings, tuned?: number): number;
  /** The report's one-line statement of its settings. */
  describe(settings: PolicySettings): string;
  /** The caption of its inventory chart (`cycle` = L + R days). */
  caption(settings: PolicySettings, cycle: number): string;
  /** A parameter the simulation may sweep (the multiplier's factor). */
  readonly tuning?: PolicyTuning;
}
