/**
 * `auto`: per product and target, the model with the lowest backtest RMSSE, with the reason
 * recorded. Ties go to the model listed first (the simpler one).
 * @module
 */

import type { Target } from "./types.ts";
import { type Metrics, metricsOf } from "./metrics.ts";
import type { SeriesBacktest } from "./backtest/series.ts";
import { resultKey } from "./keys.ts";

/** The model chosen for one product and target, and why. */
export interface ModelChoice {
  /** Product id. */
  productId: string;
  /** Sales or returns. */
  target: Target;
  /** The chosen model. */
  model: string;
  /** Backtest metrics of every candidate, best first. */
  ranking: { model: string; metrics: Metrics }[];
  /** One sentence: why this model. */
  reason: string;
}

/** Chooses per product and target among the backtested models. */
export function chooseModels(series: readonly SeriesBacktest[]): ModelChoice[] {
  const groups = new Map<string, SeriesBacktest[]>();
  for (const entry of series) {
    if (entry.windows.length === 0) continue;
    const key = resultKey(entry.productId, entry.target);
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  const choices: ModelChoice[] = [];
  for (const group of groups.values()) {
    const ranking = group
      .map((entry, order) => ({ model: entry.model, metrics: metricsOf(entry.windows), order }))
      .sort((a, b) => a.metrics.rmsse - b.metrics.rmsse || a.order - b.order)
      .map(({ model, metrics }) => ({ model, metrics }));
    const best = ranking[0];
    const runnerUp = ranking[1];
    const reason = runnerUp
      ? `lowest backtest RMSSE ${best.metrics.rmsse.toFixed(3)} of ${ranking.length} models ` +
        `(next: ${runnerUp.model} ${runnerUp.metrics.rmsse.toFixed(3)})`
      : `only model backtested (RMSSE ${best.metrics.rmsse.toFixed(3)})`;
    choices.push({
      productId: group[0].productId,
      target: group[0].target,
      model: best.model,
      ranking,
      reason,
    });
  }
  return choices.sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : a.target < b.target ? 1 : -1
  );
}
