/**
 * The *anchor* of `auto`: per target, the model best pooled across products (lowest pooled
 * RMSSE), which each product's choice shrinks toward. It is chosen among the light candidates —
 * not the networks, which must earn their place product by product — over a fixed sample of the
 * dataset's products: all of them up to 200, else the 200 whose ids hash lowest, so that every
 * shard of a sharded run (which backtests that sample too, see `dataset/anchor_pool.ts`) reaches
 * the same anchor as a single run.
 * @module
 */

import type { Target } from "../types.ts";
import { pooledRmsse, type SquaredErrorCache } from "../metrics.ts";
import type { BacktestWindow, SeriesBacktest } from "../backtest/series.ts";
import { findModel } from "../registry.ts";
import { idHash } from "../../data/shard.ts";

/** Products the anchor is pooled over, at most. */
export const ANCHOR_SAMPLE_SIZE = 200;

/** The model best pooled across products for a target. */
export interface Anchor {
  /** Model name. */
  model: string;
  /** Its pooled RMSSE. */
  rmsse: number;
  /** Products pooled over. */
  products: number;
}

/** Anchors per target. */
export type Anchors = Partial<Record<Target, Anchor>>;

/**
 * The products the anchor is pooled over: all of `ids` up to {@link ANCHOR_SAMPLE_SIZE}, else
 * those whose ids hash lowest (the same whatever the shard and the order).
 */
export function anchorSample(ids: readonly string[]): Set<string> {
  if (ids.length <= ANCHOR_SAMPLE_SIZE) return new Set(ids);
  const hashed = ids.map((id) => ({ id, hash: idHash(id) }));
  hashed.sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Set(hashed.slice(0, ANCHOR_SAMPLE_SIZE).map((h) => h.id));
}

/** Whether a model may be the anchor: a light one (names not registered count as light). */
export function mayAnchor(model: string): boolean {
  return findModel(model)?.cost !== "heavy";
}

/**
 * The anchor of each target: among the light models (none without them: each product then takes
 * its own lowest RMSSE), the lowest pooled RMSSE over the sampled products on which every one of
 * them was scored; ties go to the model seen first. `withoutCutoff` leaves that window out (for
 * the honest score); `cache` keeps the windows' errors between such calls.
 */
export function pooledAnchors(
  series: readonly SeriesBacktest[],
  options: { withoutCutoff?: number; cache?: SquaredErrorCache } = {},
): Anchors {
  const anchors: Anchors = {};
  const sample = anchorSample([...new Set(series.map((s) => s.productId))]);
  for (const target of ["sales", "returns"] as const) {
    const ofTarget = series.filter((s) => s.target === target && sample.has(s.productId));
    const models = [...new Set(ofTarget.map((s) => s.model))].filter(mayAnchor);
    if (models.length === 0) continue;
    const byProduct = new Map<string, Map<string, BacktestWindow[]>>();
    for (const entry of ofTarget) {
      if (!models.includes(entry.model)) continue;
      const windows = entry.windows.filter((w) => w.cutoff !== options.withoutCutoff);
      if (windows.length === 0) continue;
      const own = byProduct.get(entry.productId) ?? new Map<string, BacktestWindow[]>();
      own.set(entry.model, windows);
      byProduct.set(entry.productId, own);
    }
    const complete = [...byProduct.values()].filter((own) => own.size === models.length);
    if (complete.length === 0) continue;
    let best: Anchor | undefined;
    for (const model of models) {
      const rmsse = pooledRmsse(complete.map((own) => own.get(model)!), options.cache);
      if (!best || rmsse < best.rmsse) best = { model, rmsse, products: complete.length };
    }
    if (best) anchors[target] = best;
  }
  return anchors;
}
