/**
 * Alerts and the unit they come from: an {@link AlertRule} — an id, a severity, an `evaluate`
 * that looks at one product's facts, and a `describe` that states its threshold for the report.
 * One rule per file under `rules/`, listed in `registry.ts`.
 * @module
 */

import type { ProductSeries } from "../../data/series.ts";
import type { Target } from "../../forecast/types.ts";
import type { TargetResult } from "../../forecast/dataset/results.ts";
import type { ProductPlan } from "../plan.ts";

/** How urgent an alert is. */
export type Severity = "high" | "medium" | "low";

/** One alert. */
export interface Alert {
  /** The product. */
  productId: string;
  /** How urgent. */
  severity: Severity;
  /** Short rule name, e.g. `high-return-rate`. */
  rule: string;
  /** The measured value. */
  value: number;
  /** The threshold it crossed. */
  threshold: number;
  /** What was found, with the numbers. */
  message: string;
  /** What to do. */
  action: string;
}

/** What a rule found: an alert without the product, severity and rule it comes with. */
export type Finding = Omit<Alert, "productId" | "severity" | "rule">;

/** Alert thresholds (configurable from the CLI; defaults in `config/`). */
export interface AlertThresholds {
  /** Return rate from which returns are high. */
  returnRate: number;
  /** Sales standard deviation ÷ mean from which sales are volatile. */
  salesVariation: number;
  /** Recommended inventory max ÷ mean from which stock needs peak. */
  inventoryPeak: number;
  /** Share of zero-sales days from which demand is intermittent. */
  zeroShare: number;
  /**
   * z of the rise of the return rate (last 28 days vs the 90 before) that is beyond noise; the
   * rise must also be at least 2 points and half the earlier rate.
   */
  risingZ: number;
}

/** What the rules look at for one product. */
export interface ProductFacts {
  /** The product's history. */
  product: ProductSeries;
  /** Its plan (absent when it was not planned). */
  plan?: ProductPlan;
  /** Sales and returns of the open days among the last {@link RECENT_DAYS} days. */
  recent: { sales: Float64Array; returns: Float64Array };
  /** Its forecasts by target, with their backtests (absent without a forecast). */
  results: Partial<Record<Target, TargetResult>>;
  /** Whether the forecasts were backtested (`auto`). */
  backtested: boolean;
  /** Mistaken mega-orders the import dropped for it. */
  megaOrders: number;
  /** The thresholds of the run. */
  thresholds: AlertThresholds;
}

/** A rule's threshold as the report states it: a phrase, and the days it looks at. */
export interface RuleDescription {
  /** E.g. `return rate ≥ 15 %`. */
  text: string;
  /** E.g. `last 90 open days`; phrases with the same span are joined ("a and b (span)"). */
  over?: string;
}

/** One alert rule. */
export interface AlertRule {
  /** The rule's name in alerts.csv. */
  readonly id: string;
  /** The severity of its alerts. */
  readonly severity: Severity;
  /** What it finds for one product (usually nothing or one finding). */
  evaluate(facts: ProductFacts): Finding[];
  /** Its threshold for the report's note on the rules (none for rules without one). */
  describe?(thresholds: AlertThresholds, horizon: number): RuleDescription;
}

/** Days of recent history the rules look at. */
export const RECENT_DAYS = 90;

/** A share as a percentage with `digits` decimals: 0.123 → "12.3 %". */
export function pct(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)} %`;
}
