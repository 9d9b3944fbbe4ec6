/**
 * Raises the alerts of a planning run: every rule of the registry over every product, most
 * severe first. The original design's three rules (high return rate, volatile sales, a
 * recommended inventory that peaks) and more — a rising return rate, a forecast no better than
 * last week, intermittent demand, data quality, stockout risk. Each alert names the product, a
 * severity, the rule, the numbers behind it and a suggested action.
 * @module
 */

import type { ProductSeries, SeriesSet } from "../../data/series.ts";
import { type Calendar, isOpen } from "../../data/calendar.ts";
import { type DatasetForecast, resultKey, TARGETS } from "../../forecast/dataset/results.ts";
import type { ProductPlan } from "../plan.ts";
import { ALERT_RULES } from "./registry.ts";
import {
  type Alert,
  type AlertThresholds,
  type ProductFacts,
  RECENT_DAYS,
  type RuleDescription,
  type Severity,
} from "./types.ts";

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** Everything the rules look at. */
export interface AlertInput {
  /** The products. */
  set: SeriesSet;
  /** Their forecasts and backtests. */
  forecast: DatasetForecast;
  /** Their plans. */
  plans: Iterable<ProductPlan>;
  /** The thresholds of the run. */
  thresholds: AlertThresholds;
  /** Mega-orders the import dropped, by product. */
  droppedMegaOrders?: Map<string, number>;
  /** Open and closed days: closed days do not count as days without sales. */
  calendar?: Calendar;
}

/** The open days among the last `days` of a product's history. */
function recentOpen(
  product: ProductSeries,
  values: Float64Array,
  calendar: Calendar | undefined,
  days = RECENT_DAYS,
): Float64Array {
  const from = Math.max(0, values.length - days);
  const kept: number[] = [];
  for (let i = from; i < values.length; i++) {
    if (!calendar || isOpen(calendar, product.start + i)) kept.push(values[i]);
  }
  return Float64Array.from(kept);
}

/** Raises the alerts of every product, most severe first (then by product and rule). */
export function raiseAlerts(input: AlertInput): Alert[] {
  const plans = new Map([...input.plans].map((p) => [p.productId, p]));
  const alerts: Alert[] = [];
  for (const product of input.set.products) {
    const facts: ProductFacts = {
      product,
      plan: plans.get(product.id),
      recent: {
        sales: recentOpen(product, product.sales, input.calendar),
        returns: recentOpen(product, product.returns, input.calendar),
      },
      results: Object.fromEntries(TARGETS.flatMap((target) => {
        const result = input.forecast.results.get(resultKey(product.id, target));
        return result ? [[target, result]] : [];
      })),
      backtested: input.forecast.backtest !== undefined,
      megaOrders: input.droppedMegaOrders?.get(product.id) ?? 0,
      thresholds: input.thresholds,
    };
    for (const rule of ALERT_RULES) {
      for (const finding of rule.evaluate(facts)) {
        alerts.push({ productId: product.id, severity: rule.severity, rule: rule.id, ...finding });
      }
    }
  }
  return sortAlerts(alerts);
}

/** Most severe first, then by product and rule (a stable sort: ties keep their order). */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return alerts.sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/**
 * The rules' thresholds in one sentence, from each rule's own description: phrases over the same
 * span of days are joined ("return rate ≥ 15 % and sales standard deviation ≥ 50 % of the mean
 * (last 90 open days)"), the groups separated by semicolons.
 */
export function describeRules(thresholds: AlertThresholds, horizon: number): string {
  const phrases: RuleDescription[] = ALERT_RULES.flatMap((rule) =>
    rule.describe ? [rule.describe(thresholds, horizon)] : []
  );
  const groups: { texts: string[]; over?: string }[] = [];
  for (const phrase of phrases) {
    const last = groups.at(-1);
    if (last && phrase.over !== undefined && last.over === phrase.over) {
      last.texts.push(phrase.text);
    } else groups.push({ texts: [phrase.text], ...(phrase.over ? { over: phrase.over } : {}) });
  }
  return groups.map((g) => g.texts.join(" and ") + (g.over ? ` (${g.over})` : "")).join("; ");
}
