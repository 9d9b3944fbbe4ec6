/**
 * Dataset-level forecasting, as the `backtest`, `forecast` and `report` commands run it:
 * backtest the candidates, choose per product and target (`auto`), forecast sales, then returns
 * with the sales forecast as their input. Work goes to an executor (workers on both cores).
 * @module
 */

import { type SeriesSet, spanOf } from "../data/series.ts";
import { contextOf } from "./context.ts";
import type { Target, TrainingProgress } from "./types.ts";
import { FALLBACK, findModel, modelNamed } from "./registry.ts";
import { planBacktest } from "./backtest/plan.ts";
import { type BacktestResult, runBacktest } from "./backtest/run.ts";
import type { ForecastJob, ForecastOutcome, GlobalForecastJob, StoreOptions } from "./jobs.ts";
import { chooseExecutor, type JobExecutor } from "./parallel/pool.ts";
import type { ForecastTable } from "./output.ts";
import type { SeriesBacktest } from "./backtest/series.ts";
import { lastDay } from "../data/series.ts";
import { datasetLagShape } from "./lag_shape.ts";
import { metricsOf } from "./metrics.ts";
import type { Calendar } from "../data/calendar.ts";

/** Whether a model trains across products. */
const isGlobal = (name: string) => modelNamed(name).scope === "global";
/** Whether a model trains a network. */
const isHeavy = (name: string) => modelNamed(name).cost === "heavy";

/** Hooks for progress reporting. */
export interface PipelineHooks {
  /** A stage starts: `jobs` jobs of total weight `weight`. */
  stage?(message: string, jobs: number, weight: number): void;
  /** A job finished. */
  step?(weight: number, note?: string): void;
  /** A training epoch finished. */
  training?(progress: TrainingProgress): void;
}

/** How heavy a model's job is, relative to a baseline's. */
export function jobWeight(model: string): number {
  return isHeavy(model) ? 100 : 1;
}

/** Options of {@link backtestDataset}. */
export interface DatasetBacktestOptions {
  horizon: number;
  windows: number;
  step: number;
  refitEvery: number;
  firstCutoff?: number;
  models: readonly string[];
  seed: number;
  /** Keep LSTM fits at the cutoffs in this store. */
  store?: StoreOptions;
  /** Open and closed days (see `data/calendar.ts`). */
  calendar?: Calendar;
  /** Products that dataset-wide figures pool over (all of them when this set is a shard). */
  poolSet?: SeriesSet;
}

/** Backtests a dataset with progress and the right executor. */
export async function backtestDataset(
  set: SeriesSet,
  options: DatasetBacktestOptions,
  hooks: PipelineHooks = {},
  executor?: JobExecutor,
): Promise<BacktestResult> {
  const { first, last } = spanOf(options.poolSet ?? set);
  const plan = planBacktest(options, first, last);
  const perProduct = options.models.reduce(
    (total, name) => total + (findModel(name)?.targets.length ?? 0),
    0,
  );
  const weight = set.products.length *
    options.models.reduce(
      (t, name) => t + jobWeight(name) * (findModel(name)?.targets.length ?? 0),
      0,
    );
  const heavy = options.models.some(isHeavy);
  const own = executor ?? chooseExecutor(heavy, set.products.length * perProduct, hooks.training);
  hooks.stage?.(
    `backtest: ${set.products.length} products × ${options.models.length} models, ` +
      `${plan.cutoffs.length} windows of ${options.horizon} days`,
    set.products.length * perProduct,
    weight,
  );
  try {
    return await runBacktest(set, {
      plan,
      models: options.models,
      seed: options.seed,
      store: options.store,
      calendar: options.calendar,
      poolSet: options.poolSet,
      executor: own,
      onSeries: (done: SeriesBacktest) =>
        hooks.step?.(jobWeight(done.model), `${done.model} ${done.productId} ${done.target}`),
    });
  } finally {
    if (!executor) own.close();
  }
}

/** Options of {@link forecastDataset}. */
export interface DatasetForecastOptions {
  /** Days to forecast. */
  horizon: number;
  /** `auto` or one model name. */
  model: string;
  /** Candidates of `auto`. */
  candidates: readonly string[];
  /** The backtest behind `auto` (its horizon is the forecast horizon). */
  backtest: { windows: number; step: number; refitEvery: number };
  /** Seed. */
  seed: number;
  /** Saved-model store for LSTMs. */
  store?: StoreOptions;
  /** Most LSTM epochs (overrides the design's). */
  epochs?: number;
  /** Open and closed days (see `data/calendar.ts`). */
  calendar?: Calendar;
  /** Products that dataset-wide figures pool over (all of them when this set is a shard). */
  poolSet?: SeriesSet;
}

/** What {@link forecastDataset} produced. */
export interface DatasetForecast {
  /** Per product and target, sales first. */
  tables: ForecastTable[];
  /** Per product and target: where the forecast came from. */
  outcomes: ForecastOutcome[];
  /** The backtest behind `auto` (absent for a single model). */
  backtest?: BacktestResult;
  /** Per product and target: the model used and why. */
  reasons: { productId: string; target: Target; model: string; reason: string }[];
}

/** Forecasts every product and target of a set. */
export async function forecastDataset(
  set: SeriesSet,
  options: DatasetForecastOptions,
  hooks: PipelineHooks = {},
): Promise<DatasetForecast> {
  const models = options.model === "auto" ? options.candidates : [options.model];
  const heavy = models.some(isHeavy);
  const executor = chooseExecutor(heavy, set.products.length * 2, hooks.training);
  try {
    let backtest: BacktestResult | undefined;
    if (options.model === "auto") {
      backtest = await backtestDataset(
        set,
        {
          ...options.backtest,
          horizon: options.horizon,
          models: options.candidates,
          seed: options.seed,
          store: options.store,
          calendar: options.calendar,
          poolSet: options.poolSet,
        },
        hooks,
        executor,
      );
    }
    const reasons = set.products.flatMap((product) =>
      (["sales", "returns"] as const).map((target) =>
        pickModel(product.id, product.sales.length, target, options, backtest)
      )
    );
    const modelOf = (id: string, target: Target) =>
      reasons.find((r) => r.productId === id && r.target === target)!.model;
    const shape = datasetLagShape(options.poolSet ?? set);
    const historyOf = (i: number, target: Target) => {
      const history = contextOf(set.products[i], target, options.calendar, options.horizon);
      return target === "returns" && shape ? { ...history, returnLagShape: shape } : history;
    };
    const common = {
      horizon: options.horizon,
      seed: options.seed,
      ...(options.store ? { store: options.store } : {}),
      ...(options.epochs ? { epochs: options.epochs } : {}),
    };
    const stage = async (target: Target, futureSales?: Float64Array[]) => {
      const chosen = set.products.map((product) => modelOf(product.id, target));
      const jobs: (ForecastJob | GlobalForecastJob)[] = [];
      for (const name of new Set(chosen.filter(isGlobal))) {
        jobs.push({
          kind: "forecast-global",
          model: name,
          histories: set.products.map((_, i) => historyOf(i, target)),
          ...(futureSales ? { futureSales } : {}),
          ...common,
        });
      }
      // A global returns model trains on returns histories only (the sales forecast is an input
      // at prediction time): with a store, train it alongside the sales stage, on the other core,
      // and let the returns stage load it.
      if (target === "sales" && options.store) {
        const returnsGlobal = set.products.map((p) => modelOf(p.id, "returns")).filter(isGlobal);
        for (const name of new Set(returnsGlobal)) {
          jobs.push({
            kind: "forecast-global",
            model: name,
            histories: set.products.map((_, i) => historyOf(i, "returns")),
            trainOnly: true,
            ...common,
          });
        }
      }
      set.products.forEach((_, i) => {
        if (isGlobal(chosen[i])) return;
        const windows = backtest?.series.find((s) =>
          s.productId === set.products[i].id && s.target === target && s.model === chosen[i]
        )?.windows;
        jobs.push({
          kind: "forecast",
          model: chosen[i],
          history: historyOf(i, target),
          ...(windows?.length ? { backtest: metricsOf(windows) } : {}),
          ...(futureSales ? { futureSales: futureSales[i] } : {}),
          ...common,
        });
      });
      hooks.stage?.(
        `forecast ${target}: ${set.products.length} products, ${options.horizon} days`,
        jobs.length,
        jobs.reduce((t, j) => t + jobWeight(j.model), 0),
      );
      const results = (await executor.run(jobs, (j, result) => {
        const all = [result].flat();
        hooks.step?.(
          jobWeight(j.model),
          all.length === 0
            ? `${j.model} trained for returns`
            : `${j.model} ${all.length > 1 ? "all products" : all[0].productId} ${target} ` +
              `(${all[0].source})`,
        );
      })).flat();
      return set.products.map((product, i) =>
        results.find((r) => r.productId === product.id && r.model === chosen[i])!
      );
    };
    const sales = await stage("sales");
    const returns = await stage("returns", sales.map((outcome) => outcome.forecast.mean));
    const outcomes = set.products.flatMap((_, i) => [sales[i], returns[i]]);
    const tables = outcomes.map((outcome) => ({
      productId: outcome.productId,
      target: outcome.target,
      model: outcome.model,
      firstDay: lastDay(set.products.find((p) => p.id === outcome.productId)!) + 1,
      forecast: outcome.forecast,
    }));
    return { tables, outcomes, backtest, reasons };
  } finally {
    executor.close();
  }
}

function pickModel(
  productId: string,
  days: number,
  target: Target,
  options: DatasetForecastOptions,
  backtest: BacktestResult | undefined,
) {
  if (options.model !== "auto") {
    const model = findModel(options.model)!;
    if (model.targets.includes(target)) {
      return { productId, target, model: model.name, reason: `chosen with --model ${model.name}` };
    }
    const fallback = FALLBACK.forTarget.name;
    return {
      productId,
      target,
      model: fallback,
      reason: `${model.name} forecasts only ${
        model.targets.join(" and ")
      }; ${fallback} used for ${target}`,
    };
  }
  const choice = backtest?.choices.find((c) => c.productId === productId && c.target === target);
  if (choice) return { productId, target, model: choice.model, reason: choice.reason };
  const model = FALLBACK.shortHistory.find((m) => days >= m.minHistory)!.name;
  return { productId, target, model, reason: `history too short to backtest; ${model} used` };
}
