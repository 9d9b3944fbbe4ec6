/**
 * An honest backtest score for `auto`: for each window, the choice is made per product and target
 * on the *other* windows only (leave one window out) — the anchor pooled across products as well
 * as each product's own test against it (see `select.ts`) — then scored on that window. Choosing
 * and scoring on the same windows would flatter it.
 * @module
 */

import type { SeriesBacktest } from "./backtest/series.ts";
import { choiceGroups, modelFor } from "./select.ts";
import { pooledAnchorsWithout } from "./select/anchor.ts";
import { byCutoff } from "./keys.ts";

/**
 * The windows `auto` would have forecast, per product and target of `series`, as a pseudo-model
 * "auto". `pool` (default: `series`) holds the backtests the anchors are pooled over.
 */
export function autoBacktest(
  series: readonly SeriesBacktest[],
  pool: readonly SeriesBacktest[] = series,
): SeriesBacktest[] {
  const cutoffs = [...new Set(series.flatMap((entry) => entry.windows.map((w) => w.cutoff)))];
  const anchorsWithout = pooledAnchorsWithout(pool, cutoffs);
  const result: SeriesBacktest[] = [];
  const pairs = new Map<string, number>(); // shared by products on the same windows
  for (const group of choiceGroups(series)) {
    const own = [...new Set(group.flatMap((entry) => entry.windows.map((w) => w.cutoff)))].sort(
      (a, b) => a - b,
    );
    const atCutoff = new Map(group.map((entry) => [entry.model, byCutoff(entry.windows)]));
    // Each window's losses once, not once per left-out window (this call's windows only: they
    // may be rounded for publication between calls).
    const cache = { losses: new Map(), pairs };
    const windows = own.flatMap((cutoff) => {
      const anchor = anchorsWithout.get(cutoff)![group[0].target];
      const model = modelFor(group, anchor, cutoff, cache);
      const window = atCutoff.get(model)?.get(cutoff);
      return window ? [window] : [];
    });
    result.push({ productId: group[0].productId, target: group[0].target, model: "auto", windows });
  }
  return result;
}
