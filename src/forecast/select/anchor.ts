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
import { squaredErrors } from "../metrics.ts";
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
 * them was scored; ties go to the model seen first.
 */
export function pooledAnchors(series: readonly SeriesBacktest[]): Anchors {
  return anchorsOf(anchorTables(series), undefined);
}

/**
 * {@link pooledAnchors} with each of `cutoffs` left out in turn (`auto`'s honest score): the same
 * numbers, from each window's errors made once for all of them.
 */
export function pooledAnchorsWithout(
  series: readonly SeriesBacktest[],
  cutoffs: readonly number[],
): Map<number, Anchors> {
  const tables = anchorTables(series);
  return new Map(cutoffs.map((cutoff) => [cutoff, anchorsOf(tables, cutoff)]));
}

/**
 * One product's windows of one model, as the pooled RMSSE sums them: every window's scaled squared
 * errors in a row, where each window starts, and the running sum at each start (summed in the
 * same order as {@link pooledRmsse}, so leaving a window out gives the same number).
 */
interface PooledWindows {
  cutoffs: Float64Array;
  terms: Float64Array;
  /** Index of each window's first term, and the number of terms last. */
  starts: Int32Array;
  /** Sum of the terms before each window's first. */
  sums: Float64Array;
}

/** Per target, the models that may anchor and each sampled product's windows of every one. */
type AnchorTables = Partial<Record<Target, { models: string[]; products: PooledWindows[][] }>>;

function anchorTables(series: readonly SeriesBacktest[]): AnchorTables {
  const tables: AnchorTables = {};
  const sample = anchorSample([...new Set(series.map((s) => s.productId))]);
  for (const target of ["sales", "returns"] as const) {
    const ofTarget = series.filter((s) => s.target === target && sample.has(s.productId));
    const models = [...new Set(ofTarget.map((s) => s.model))].filter(mayAnchor);
    if (models.length === 0) continue;
    const byProduct = new Map<string, PooledWindows[]>();
    for (const entry of ofTarget) {
      const m = models.indexOf(entry.model);
      if (m < 0 || entry.windows.length === 0) continue;
      const own = byProduct.get(entry.productId) ?? new Array<PooledWindows>(models.length);
      own[m] = pooledWindows(entry.windows);
      byProduct.set(entry.productId, own);
    }
    tables[target] = { models, products: [...byProduct.values()] };
  }
  return tables;
}

function pooledWindows(windows: readonly BacktestWindow[]): PooledWindows {
  const rows = windows.map(squaredErrors);
  const starts = new Int32Array(rows.length + 1);
  for (let w = 0; w < rows.length; w++) starts[w + 1] = starts[w] + rows[w].length;
  const terms = new Float64Array(starts[rows.length]);
  const sums = new Float64Array(rows.length + 1);
  let sum = 0;
  for (let w = 0; w < rows.length; w++) {
    terms.set(rows[w], starts[w]);
    sums[w] = sum;
    for (let k = 0; k < rows[w].length; k++) sum += rows[w][k];
  }
  sums[rows.length] = sum;
  return { cutoffs: Float64Array.from(windows, (w) => w.cutoff), terms, starts, sums };
}

/** The windows' sum of squared errors and days without the window(s) at `without`. */
function sumWithout(own: PooledWindows, without: number | undefined): [number, number] {
  const count = own.cutoffs.length;
  const first = without === undefined ? -1 : own.cutoffs.indexOf(without);
  if (first < 0) return [own.sums[count], own.starts[count]];
  let sum = own.sums[first];
  let days = own.starts[first];
  for (let w = first + 1; w < count; w++) {
    if (own.cutoffs[w] === without) continue;
    for (let k = own.starts[w]; k < own.starts[w + 1]; k++) sum += own.terms[k];
    days += own.starts[w + 1] - own.starts[w];
  }
  return [sum, days];
}

/** Whether a product keeps a window of every model once `without` is left out. */
function complete(own: PooledWindows[], without: number | undefined): boolean {
  for (let m = 0; m < own.length; m++) {
    const windows = own[m];
    if (!windows) return false;
    if (without !== undefined && windows.cutoffs.every((cutoff) => cutoff === without)) {
      return false;
    }
  }
  return true;
}

function anchorsOf(tables: AnchorTables, without: number | undefined): Anchors {
  const anchors: Anchors = {};
  for (const target of ["sales", "returns"] as const) {
    const table = tables[target];
    if (!table) continue;
    const products = table.products.filter((own) => complete(own, without));
    if (products.length === 0) continue;
    let best: Anchor | undefined;
    for (const [m, model] of table.models.entries()) {
      let rmsse = 0;
      let counted = 0;
      for (const own of products) {
        const [sum, days] = sumWithout(own[m], without);
        if (days === 0) continue;
        rmsse += Math.sqrt(sum / days);
        counted++;
      }
      rmsse /= Math.max(1, counted);
      if (!best || rmsse < best.rmsse) best = { model, rmsse, products: products.length };
    }
    if (best) anchors[target] = best;
  }
  return anchors;
}
