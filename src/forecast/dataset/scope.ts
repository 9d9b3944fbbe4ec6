/**
 * What every dataset-wide forecasting stage shares — the seed, the model store, the calendar, the
 * products dataset-wide figures pool over — set once per run and handed down whole, and the
 * progress hooks the stages report to.
 * @module
 */

import type { SeriesSet } from "../../data/series.ts";
import type { Calendar } from "../../data/calendar.ts";
import type { TrainingProgress } from "../types.ts";
import type { StoreOptions } from "../store/obtain.ts";
import { modelNamed } from "../registry.ts";

/** The settings every dataset stage of one run shares. */
export interface DatasetScope {
  /** Seed for weights, dropout and shuffling (same seed and data, same numbers). */
  seed: number;
  /** Where networks are saved and whether saved ones may be reused. */
  store?: StoreOptions;
  /** Open and closed days (see `data/calendar.ts`). */
  calendar?: Calendar;
  /** Products that dataset-wide figures pool over (all of them when the set is a shard). */
  poolSet?: SeriesSet;
  /** Most network epochs (overrides the design's). */
  epochs?: number;
  /**
   * Forecast at least this many days (a planning run's 90, for the report's explorer); the
   * backtest behind `auto` keeps the forecast spec's horizon.
   */
  forecastDays?: number;
  /**
   * Only train (or load) and save the networks of the global models among the candidates, on
   * every product, at the backtest's cutoffs and on the whole history; score and forecast
   * nothing. The first job of a sharded run: its shards then load the networks.
   */
  networksOnly?: boolean;
}

/** Hooks for progress reporting. */
export interface PipelineHooks {
  /** A stage starts: `jobs` jobs of total weight `weight`. */
  stage?(message: string, jobs: number, weight: number): void;
  /** A job finished. */
  step?(weight: number, note?: string): void;
  /** A training epoch finished. */
  training?(progress: TrainingProgress): void;
}

/** Progress weight of each cost class: a network's job counts as 100 baseline jobs. */
export const COST_WEIGHT = { light: 1, heavy: 100 } as const;

/** How heavy a model's job is, relative to a baseline's. */
export function jobWeight(model: string): number {
  return COST_WEIGHT[modelNamed(model).cost];
}

/** Whether any of the models trains a network (then the worker pool is worth starting). */
export function anyHeavy(models: readonly string[]): boolean {
  return models.some((name) => modelNamed(name).cost === "heavy");
}

/** Whether a model trains one fit across all products. */
export function isGlobal(model: string): boolean {
  return modelNamed(model).scope === "global";
}
