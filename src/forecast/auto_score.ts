/**
 * An honest backtest score for `auto`: for each window, the model is chosen per product and
 * target on the *other* windows only (leave one window out), then scored on that window. Choosing
 * and scoring on the same windows would flatter it.
 * @module
 */

import type { SeriesBacktest } from "./backtest/series.ts";
import { metricsOf } from "./metrics.ts";
import { byCutoff, resultKey } from "./keys.ts";

/** The windows `auto` would have forecast, per product and target, as a pseudo-model "auto". */
export function autoBacktest(series: readonly SeriesBacktest[]): SeriesBacktest[] {
  const groups = new Map<string, SeriesBacktest[]>();
  for (const entry of series) {
    if (entry.windows.length === 0) continue;
    const key = resultKey(entry.productId, entry.target);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const result: SeriesBacktest[] = [];
  for (const group of groups.values()) {
    const cutoffs = [...new Set(group.flatMap((entry) => entry.windows.map((w) => w.cutoff)))].sort(
      (a, b) => a - b,
    );
    const atCutoff = group.map((entry) => byCutoff(entry.windows));
    const windows = cutoffs.flatMap((cutoff) => {
      let best: { rmsse: number; window?: SeriesBacktest["windows"][number] } = { rmsse: Infinity };
      for (const [e, entry] of group.entries()) {
        const here = atCutoff[e].get(cutoff);
        const others = entry.windows.filter((w) => w.cutoff !== cutoff);
        if (!here) continue;
        const rmsse = others.length > 0 ? metricsOf(others).rmsse : Infinity;
        if (rmsse < best.rmsse || best.window === undefined) best = { rmsse, window: here };
      }
      return best.window ? [best.window] : [];
    });
    result.push({ productId: group[0].productId, target: group[0].target, model: "auto", windows });
  }
  return result;
}
