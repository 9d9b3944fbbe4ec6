/**
 * Flags and steps shared by the forecasting commands: which data, which products, the seed,
 * where saved models live, and progress hooks.
 * @module
 */

import type { FlagSpecs, FlagValues } from "./args.ts";
import { integerFlag, listFlag, optionalString } from "./args.ts";
import { DEFAULT_DATA_PATH, readDaily } from "../data/read_daily.ts";
import type { SeriesSet } from "../data/series.ts";
import { InputError } from "../io/errors.ts";
import { findModel, modelNamed, modelNames } from "../forecast/registry.ts";
import type { PipelineHooks } from "../forecast/pipeline.ts";
import type { Progress } from "./progress.ts";
import { DEFAULT_MODELS_DIR } from "../forecast/store/paths.ts";
import { type Calendar, detectCalendar } from "../data/calendar.ts";
import { parseShard, selectShard, type Shard } from "../data/shard.ts";
import { parseIsoDay } from "../data/dates.ts";

/** `--data`, `--products`, `--seed`, `--quiet`. */
export const DATA_FLAGS: FlagSpecs = {
  data: {
    type: "string",
    value: "FILE",
    default: DEFAULT_DATA_PATH,
    help: "daily CSV (date,product_id,sales,returns), plain or .gz",
  },
  products: { type: "string", value: "IDS", help: "only these products (comma-separated)" },
  seed: { type: "string", value: "N", default: "42", help: "seed for weights, dropout, shuffling" },
  quiet: { type: "boolean", help: "no progress on stderr" },
  closed: {
    type: "string",
    value: "DATES",
    help: "extra closed dates, YYYY-MM-DD comma-separated (closed days are also detected)",
  },
};

/** `--shard K/N`: only the products of one shard (see `data/shard.ts`). */
export const SHARD_FLAGS: FlagSpecs = {
  shard: {
    type: "string",
    value: "K/N",
    help:
      "only the products of shard K of N (stable split by product id); merge the outputs with merge",
  },
};

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

/**
 * Reads the data, detects the calendar on all products, and keeps the shard's products. `models`
 * (or a function of all products giving them) are checked to be shardable: a global model trains
 * across all products.
 */
export async function loadScoped(
  values: FlagValues,
  models: readonly string[] | ((all: SeriesSet) => readonly string[]) = [],
): Promise<ScopedData & { models: readonly string[] }> {
  const all = await loadData(values);
  const shardText = optionalString(values, "shard");
  const shard = shardText ? parseShard(shardText) : undefined;
  const chosen = typeof models === "function" ? models(all) : models;
  const global = chosen.find((name) => modelNamed(name).scope === "global");
  if (shard && global) {
    throw new InputError(
      `--shard: ${global} trains one model across all products and cannot be split; ` +
        "run it without --shard or leave it out of --models",
    );
  }
  return {
    all,
    set: selectShard(all, shard),
    calendar: calendarFor(all, values),
    models: chosen,
    ...(shard ? { shard } : {}),
  };
}

/** `--models-dir`. */
export const STORE_FLAGS: FlagSpecs = {
  "models-dir": {
    type: "string",
    value: "DIR",
    default: DEFAULT_MODELS_DIR,
    help: "where trained LSTMs are saved",
  },
};

/** Reads `--data` and keeps `--products`. */
export async function loadData(values: FlagValues): Promise<SeriesSet> {
  const set = await readDaily(optionalString(values, "data") ?? DEFAULT_DATA_PATH);
  return selectProducts(set, listFlag(values, "products"));
}

/** Keeps the listed products (all when `ids` is undefined); an unknown id is an error. */
export function selectProducts(set: SeriesSet, ids: string[] | undefined): SeriesSet {
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

/** The shop's calendar: closed days detected in the data plus `--closed` dates. */
export function calendarFor(set: SeriesSet, values: FlagValues): Calendar {
  const listed = (listFlag(values, "closed") ?? []).map((text) => {
    const day = parseIsoDay(text);
    if (day === undefined) {
      throw new InputError(`--closed: ${JSON.stringify(text)} is not a date in YYYY-MM-DD form`);
    }
    return day;
  });
  return detectCalendar(set, listed);
}

/** Reads `--seed`. */
export function seedFlag(values: FlagValues): number {
  return integerFlag(values, "seed", { min: 0, max: 2 ** 31 - 1 });
}

/** Checks a list of model names. */
export function checkModels(names: string[], flag: string): string[] {
  for (const name of names) {
    if (!findModel(name)) {
      throw new InputError(
        `${flag}: unknown model ${JSON.stringify(name)}; known: ${modelNames().join(", ")}`,
      );
    }
  }
  return names;
}

/** Pipeline hooks that report to a progress printer. */
export function progressHooks(progress: Progress): PipelineHooks {
  return {
    stage: (message, jobs, weight) => progress.stage(message, jobs, weight),
    step: (weight, note) => progress.step(weight, weight > 1 ? note : undefined),
    training: (p) => progress.training(p),
  };
}
