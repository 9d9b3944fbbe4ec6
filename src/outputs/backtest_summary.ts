/**
 * The backtest metrics as written to JSON: pooled per target and model (`auto` included, scored
 * on windows its choice did not see), per product, and `auto`'s choices. `backtest` writes them
 * as its `summary.json`; a run's `summary.json` carries the pooled `metrics` list.
 * @module
 */

import type { Target } from "../forecast/types.ts";
import type { SeriesBacktest } from "../forecast/backtest/series.ts";
import { type Metrics, metricsOf, pooledMetrics } from "../forecast/metrics.ts";
import type { ModelChoice } from "../forecast/select.ts";
import { autoBacktest } from "../forecast/auto_score.ts";
import { comparableSeries } from "../forecast/backtest/align.ts";
import { TARGETS } from "../forecast/dataset/results.ts";
import { DIGITS, roundTo } from "../util/round.ts";

/** Metrics with numbers rounded for JSON. */
function rounded(metrics: Metrics): Metrics {
  return Object.fromEntries(
    Object.entries(metrics).map(([key, value]) => [key, roundTo(value, DIGITS.metric)]),
  ) as unknown as Metrics;
}

/** The backtests with `auto`'s own (leave-one-window-out) backtest appended. */
function withAuto(series: readonly SeriesBacktest[]): SeriesBacktest[] {
  return [...series, ...autoBacktest(series)];
}

/** The (target, model) pairs of backtests, in first-seen order. */
function pairsOf(series: readonly SeriesBacktest[]): { target: Target; model: string }[] {
  const seen = new Map<Target, Set<string>>(TARGETS.map((target) => [target, new Set()]));
  const pairs: { target: Target; model: string }[] = [];
  for (const { target, model } of series) {
    if (seen.get(target)!.has(model)) continue;
    seen.get(target)!.add(model);
    pairs.push({ target, model });
  }
  return pairs;
}

/** Pooled metrics per target and model (auto included) over the comparable products. */
function pooled(all: readonly SeriesBacktest[]) {
  const comparable = new Map(TARGETS.map((target) => [target, comparableSeries(all, target)]));
  const metrics = pairsOf(all).map(({ target, model }) => {
    const group = comparable.get(target)!.series.filter((s) => s.model === model);
    return { target, model, ...rounded(pooledMetrics(group.map((s) => s.windows))) };
  });
  return { comparable, metrics };
}

/** The pooled metrics per target and model, `auto` included (a run's summary.json). */
export function pooledBacktestMetrics(series: readonly SeriesBacktest[]) {
  return pooled(withAuto(series)).metrics;
}

/** The backtest summary: pooled metrics per target and model (auto included), per product, choices. */
export function backtestSummary(
  series: readonly SeriesBacktest[],
  choices: readonly ModelChoice[],
  parameters: Record<string, unknown>,
) {
  const all = withAuto(series);
  const { comparable, metrics } = pooled(all);
  const leftOut = Object.fromEntries([...comparable].map(([target, c]) => [target, c.leftOut]));
  return {
    parameters,
    metrics,
    /** Per target: products left out of the pooled metrics (not every model could be scored). */
    products_left_out: leftOut,
    products: all.map((s) => ({
      product_id: s.productId,
      target: s.target,
      model: s.model,
      ...rounded(metricsOf(s.windows)),
    })),
    choices: choices.map((c) => ({
      product_id: c.productId,
      target: c.target,
      model: c.model,
      reason: c.reason,
    })),
  };
}

/** The backtest summary's shape. */
export type BacktestSummary = ReturnType<typeof backtestSummary>;
