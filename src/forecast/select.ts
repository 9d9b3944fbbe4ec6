/**
 * `auto`: per product and target, the model to forecast with, with the reason recorded.
 *
 * Five backtest windows are too few to pick the best of ten models product by product: the
 * winner on so few windows is often lucky. So the choice is shrunk toward the model that is best
 * pooled across products (the anchor, `select/anchor.ts`), and a product leaves it only for a
 * model that is clearly better on its own windows — better on average in both RMSSE and the
 * error of 7-day totals, each by a one-sided paired t-test over the windows that counts
 * overlapping windows as the evidence they are (`select/evidence.ts`). Among the models that
 * clear that bar, the lowest RMSSE wins. Where the anchor for returns is `zero`, a product whose
 * returns no model clearly forecasts better is forecast to have none, and its reason says so.
 * @module
 */

import type { Target } from "./types.ts";
import { type Metrics, metricsOf, pooledRmsse } from "./metrics.ts";
import type { BacktestWindow, SeriesBacktest } from "./backtest/series.ts";
import { resultKey } from "./keys.ts";
import { zeroModel } from "./registry.ts";
import { type Anchor, type Anchors, pooledAnchors } from "./select/anchor.ts";
import { CLEAR_ADVANTAGE_T, overlapPairs, pairedT, windowLosses } from "./select/evidence.ts";

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

/** Backtests grouped per product and target (entries without windows left out). */
export function choiceGroups(series: readonly SeriesBacktest[]): SeriesBacktest[][] {
  const groups = new Map<string, SeriesBacktest[]>();
  for (const entry of series) {
    if (entry.windows.length === 0) continue;
    const key = resultKey(entry.productId, entry.target);
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * What a caller that decides many times (once per left-out window) keeps between decisions: each
 * window's losses (`select/evidence.ts`), and the overlap sum of each set of windows by their
 * cutoffs and lengths (products on the same windows share it).
 */
export interface DecisionCache {
  losses: Map<BacktestWindow, { squared: number; weekly: number }>;
  pairs: Map<string, number>;
}

/** What {@link decide} found: the model, and what the reason is written from. */
interface Decision {
  model: string;
  /** The candidates with windows once `withoutCutoff` is left out, in the order asked. */
  entries: { model: string; order: number; windows: BacktestWindow[] }[];
  /** The anchor's entry, when the product was scored on it. */
  base?: { windows: BacktestWindow[] };
  /** The model clearly better than the anchor, with its t in both measures. */
  clear?: { model: string; windows: BacktestWindow[]; tSquared: number; tWeekly: number };
}

/**
 * The model for one product and target: the anchor, unless a candidate is clearly better in
 * both measures (the lowest RMSSE of those that are); its own lowest RMSSE without an anchor.
 * RMSSE is summed as `metricsOf` sums it, so the same number.
 */
function decide(
  group: readonly SeriesBacktest[],
  anchor: Anchor | undefined,
  withoutCutoff: number | undefined,
  cache?: DecisionCache,
): Decision {
  const entries = group.map((entry, order) => ({
    model: entry.model,
    order,
    windows: entry.windows.filter((w) => w.cutoff !== withoutCutoff),
  })).filter((e) => e.windows.length > 0);
  const rmsse = (windows: BacktestWindow[]) => pooledRmsse([windows]);
  if (entries.length === 0) {
    // Nothing to judge on (a single window, held out): the anchor where it was scored.
    return {
      model: group.find((e) => e.model === anchor?.model)?.model ?? group[0].model,
      entries,
    };
  }
  const base = entries.find((e) => e.model === anchor?.model);
  if (!anchor || !base) {
    // No anchor for this product (it was not scored on it): the lowest RMSSE of its own.
    const scored = entries.map((e) => ({
      model: e.model,
      order: e.order,
      rmsse: rmsse(e.windows),
    }));
    scored.sort((a, b) => a.rmsse - b.rmsse || a.order - b.order);
    return { model: scored[0].model, entries };
  }
  const losses = (windows: BacktestWindow[]) =>
    windows.map((w) => {
      const known = cache?.losses.get(w) ?? windowLosses(w);
      cache?.losses.set(w, known);
      return known;
    });
  const baseLosses = losses(base.windows);
  const pairs = cache ? cachedPairs(base.windows, cache.pairs) : overlapPairs(base.windows);
  let clear: (Decision["clear"] & { rmsse: number }) | undefined;
  for (const entry of entries) {
    if (entry.model === anchor.model || entry.windows.length !== base.windows.length) continue;
    const own = losses(entry.windows);
    const tSquared = pairedT(
      baseLosses.map((l) => l.squared),
      own.map((l) => l.squared),
      pairs,
    );
    const tWeekly = pairedT(
      baseLosses.map((l) => l.weekly),
      own.map((l) => l.weekly),
      pairs,
    );
    if (tSquared < CLEAR_ADVANTAGE_T || tWeekly < CLEAR_ADVANTAGE_T) continue;
    const score = rmsse(entry.windows);
    if (!clear || score < clear.rmsse) {
      clear = { model: entry.model, windows: entry.windows, tSquared, tWeekly, rmsse: score };
    }
  }
  return { model: clear?.model ?? anchor.model, entries, base, ...(clear ? { clear } : {}) };
}

/** {@link overlapPairs} of windows, kept by their cutoffs and lengths. */
function cachedPairs(windows: readonly BacktestWindow[], cache: Map<string, number>): number {
  const key = windows.map((w) => `${w.cutoff}:${w.actual.length}`).join(",");
  let pairs = cache.get(key);
  if (pairs === undefined) cache.set(key, pairs = overlapPairs(windows));
  return pairs;
}

/**
 * The model `auto` chooses for one product and target, without its ranking and reason (what a
 * leave-one-window-out score asks for at every window).
 */
export function modelFor(
  group: readonly SeriesBacktest[],
  anchor: Anchor | undefined,
  withoutCutoff: number,
  cache?: DecisionCache,
): string {
  return decide(group, anchor, withoutCutoff, cache).model;
}

/** The decision for one product and target from its backtests (all on the same windows). */
export function chooseFor(
  group: readonly SeriesBacktest[],
  anchor: Anchor | undefined,
  withoutCutoff?: number,
): { model: string; ranking: ModelChoice["ranking"]; reason: string } {
  const { model, entries, base, clear } = decide(group, anchor, withoutCutoff);
  const ranking = entries
    .map((e) => ({ model: e.model, metrics: metricsOf(e.windows), order: e.order }))
    .sort((a, b) => a.metrics.rmsse - b.metrics.rmsse || a.order - b.order);
  const plain = ranking.map(({ model, metrics }) => ({ model, metrics }));
  if (entries.length === 0) {
    return { model, ranking: plain, reason: `no backtest window to choose on; ${model} used` };
  }
  if (!anchor || !base) {
    const [best, next] = ranking;
    return {
      model,
      ranking: plain,
      reason: next
        ? `lowest backtest RMSSE ${best.metrics.rmsse.toFixed(3)} of ${ranking.length} models ` +
          `(next: ${next.model} ${next.metrics.rmsse.toFixed(3)})`
        : `only model backtested (RMSSE ${best.metrics.rmsse.toFixed(3)})`,
    };
  }
  const baseMetrics = metricsOf(base.windows);
  const windows = base.windows.length;
  const t = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "∞");
  if (clear) {
    const metrics = metricsOf(clear.windows);
    return {
      model,
      ranking: plain,
      reason: `clearly better than ${anchor.model} (the best model across products) on this ` +
        `product's ${windows} backtest windows: RMSSE ${metrics.rmsse.toFixed(3)} against ` +
        `${baseMetrics.rmsse.toFixed(3)}, 7-day WAPE ${metrics.wape_week.toFixed(3)} ` +
        `against ${baseMetrics.wape_week.toFixed(3)} (paired t ${t(clear.tSquared)} and ` +
        `${t(clear.tWeekly)})`,
    };
  }
  const rival = ranking.find((r) => r.model !== anchor.model);
  const across = `lowest RMSSE across ${anchor.products} products, ${anchor.rmsse.toFixed(3)}`;
  const what = anchor.model === zeroModel.name
    ? `${NO_RETURNS_REASON}: forecasting none had the ${across}, and no returns model was`
    : `${anchor.model} (${across}); no model was`;
  return {
    model,
    ranking: plain,
    reason: `${what} clearly better in both RMSSE and 7-day totals on this product's ${windows} ` +
      `backtest windows` +
      (rival
        ? ` (${anchor.model} ${baseMetrics.rmsse.toFixed(3)}, best other ${rival.model} ` +
          `${rival.metrics.rmsse.toFixed(3)})`
        : ""),
  };
}

/** How the reason begins where returns are forecast as none because nothing beat that. */
export const NO_RETURNS_REASON = "no returns forecast";

/**
 * Chooses per product and target among the backtested models, shrunk toward `anchors` (by
 * default those pooled over `series` itself).
 */
export function chooseModels(
  series: readonly SeriesBacktest[],
  options: { anchors?: Anchors } = {},
): ModelChoice[] {
  const anchors = options.anchors ?? pooledAnchors(series);
  const choices: ModelChoice[] = choiceGroups(series).map((group) => {
    const { productId, target } = group[0];
    return { productId, target, ...chooseFor(group, anchors[target]) };
  });
  return choices.sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : a.target < b.target ? 1 : -1
  );
}
