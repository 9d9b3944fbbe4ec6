/**
 * Models are compared on the same windows. A model whose minimum history is longer than a young
 * product's history at an early cutoff skips that window; if the others kept it, a cancellation
 * that fell in it would count against them and not against that model, and the comparison (and
 * `auto`'s choice) would reward having run on fewer days. So each product's windows are cut to
 * the cutoffs every model scored, and leaderboards pool only the products every model scored.
 * @module
 */

import type { SeriesBacktest } from "./series.ts";
import { resultKey } from "../keys.ts";

/**
 * The backtests with each product's windows (per target) cut to the cutoffs that every model
 * with any window there has. Models without a window on a product stay empty. Order is kept.
 */
export function alignWindows(series: readonly SeriesBacktest[]): SeriesBacktest[] {
  const shared = new Map<string, Set<number>>();
  for (const entry of series) {
    if (entry.windows.length === 0) continue;
    const key = groupKey(entry);
    const cutoffs = new Set(entry.windows.map((w) => w.cutoff));
    const before = shared.get(key);
    shared.set(key, before ? new Set([...before].filter((c) => cutoffs.has(c))) : cutoffs);
  }
  return series.map((entry) => {
    const keep = shared.get(groupKey(entry));
    if (!keep || entry.windows.every((w) => keep.has(w.cutoff))) return entry;
    return { ...entry, windows: entry.windows.filter((w) => keep.has(w.cutoff)) };
  });
}

/**
 * The backtests of one target restricted to the products on which every model of that target
 * was scored (a pooled leaderboard over them compares like with like), and how many products
 * some but not all of the models were scored on (left out).
 */
export function comparableSeries(
  series: readonly SeriesBacktest[],
  target: SeriesBacktest["target"],
): { series: SeriesBacktest[]; leftOut: number } {
  const ofTarget = series.filter((s) => s.target === target);
  const models = new Set(ofTarget.map((s) => s.model));
  const scored = new Map<string, Set<string>>();
  for (const entry of ofTarget) {
    if (entry.windows.length === 0) continue;
    const set = scored.get(entry.productId) ?? new Set<string>();
    set.add(entry.model);
    scored.set(entry.productId, set);
  }
  const kept = new Set([...scored].filter(([, set]) => set.size === models.size).map(([p]) => p));
  return {
    series: ofTarget.filter((s) => kept.has(s.productId)),
    leftOut: scored.size - kept.size,
  };
}

function groupKey(entry: SeriesBacktest): string {
  return resultKey(entry.productId, entry.target);
}
