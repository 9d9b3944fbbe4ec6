/**
 * The steps every forecasting command starts with: read the data, keep `--products`, detect the
 * calendar on all products, keep the shard's part — and the progress hooks of the pipeline.
 * @module
 */

import { readDaily } from "../data/read_daily.ts";
import type { SeriesSet } from "../data/series.ts";
import { InputError } from "../io/errors.ts";
import type { PipelineHooks } from "../forecast/dataset/scope.ts";
import type { Progress } from "./progress.ts";
import { type Calendar, detectCalendar } from "../data/calendar.ts";
import { selectShard, type Shard, shardOf } from "../data/shard.ts";

/** The data of a command: all products (after `--products`), its calendar, and the shard's part. */
export interface ScopedData {
  /** Every product (dataset-wide figures pool over these). */
  all: SeriesSet;
  /** The products this run works on (a shard, or all). */
  set: SeriesSet;
  /** Open and closed days, from all products. */
  calendar: Calendar;
  /** The shard, when `--shard` was given. */
  shard?: Shard;
}

/** Which data a command reads (its resolved data options). */
export interface DataChoice {
  /** The daily CSV. */
  data: string;
  /** Only these products. */
  products?: readonly string[];
  /** Extra closed days. */
  closed?: readonly number[];
  /** Only this shard's products. */
  shard?: Shard;
}

/**
 * Reads the data, detects the calendar on all products, and keeps the shard's products; `models`
 * (or a function of all products giving them) come back resolved. A shard still pools over all
 * products: a global model trains on every one of them and forecasts the shard's own.
 */
export async function loadScoped(
  choice: DataChoice,
  models: readonly string[] | ((all: SeriesSet) => readonly string[]) = [],
): Promise<ScopedData & { models: readonly string[] }> {
  const all = selectProducts(await readDaily(choice.data), choice.products);
  const chosen = typeof models === "function" ? models(all) : models;
  const set = selectShard(all, choice.shard);
  if (choice.shard && set.products.length === 0) throw emptyShard(all, choice.shard);
  return {
    all,
    set,
    calendar: detectCalendar(all, [...(choice.closed ?? [])]),
    models: chosen,
    ...(choice.shard ? { shard: choice.shard } : {}),
  };
}

/** The error for a shard with no products: which shards have some, and what to do. */
function emptyShard(all: SeriesSet, shard: Shard): InputError {
  const used = [...new Set(all.products.map((p) => shardOf(p.id, shard.count)))]
    .sort((a, b) => a - b);
  return new InputError(
    `--shard ${shard.index}/${shard.count}: no product of ${all.source} falls in this shard ` +
      `(its ${all.products.length} products fall in shards ${used.join(", ")} of ` +
      `${shard.count}); use fewer shards, or run and merge only the shards listed`,
  );
}

/** Keeps the listed products (all when `ids` is undefined); an unknown id is an error. */
export function selectProducts(set: SeriesSet, ids: readonly string[] | undefined): SeriesSet {
  if (!ids) return set;
  const known = new Set(set.products.map((p) => p.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const sample = [...known].slice(0, 5).join(", ");
    throw new InputError(
      `--products: ${unknown.map((id) => JSON.stringify(id)).join(", ")} not in ${set.source} ` +
        `(it has ${known.size} products: ${sample}${known.size > 5 ? ", …" : ""})`,
    );
  }
  const wanted = new Set(ids);
  return { ...set, products: set.products.filter((p) => wanted.has(p.id)) };
}

/** Pipeline hooks that report to a progress printer. */
export function progressHooks(progress: Progress): PipelineHooks {
  return {
    stage: (message, jobs, weight) => progress.stage(message, jobs, weight),
    step: (weight, note) => progress.step(weight, weight > 1 ? note : undefined),
    training: (p) => progress.training(p),
  };
}
