/**
 * Dataset-level forecasting, as the `forecast`, `plan` and `report` commands run it: backtest the
 * candidates, choose per product and target (`auto`), forecast sales, then returns with the sales
 * forecast as their input. Work goes to an executor (workers on both cores).
 * @module
 */

import { lastDay, type ProductSeries, type SeriesSet, spanOf } from "../../data/series.ts";
import { contextOf, fromLaunch } from "../context.ts";
import type { SeriesContext, Target } from "../types.ts";
import { FALLBACK, modelNamed } from "../registry.ts";
import { InputError, quoted } from "../../io/errors.ts";
import type { ForecastJob, ForecastOutcome, GlobalForecastJob } from "../jobs.ts";
import { chooseExecutor } from "../parallel/pool.ts";
import { datasetLagShape } from "../lag_shape.ts";
import { attachYearly, datasetYearlyProfiles } from "../yearly/apply.ts";
import { metricsOf } from "../metrics.ts";
import { backtestDataset } from "./backtest.ts";
import { backtestFits } from "../backtest/plan.ts";
import type { ModelChoice } from "../select.ts";
import type { BacktestWindow } from "../backtest/series.ts";
import type { BacktestPlan } from "../backtest/plan.ts";
import { anyHeavy, type DatasetScope, isGlobal, jobWeight, type PipelineHooks } from "./scope.ts";
import {
  type DatasetForecast,
  groupBacktests,
  resultKey,
  type TargetResult,
  TARGETS,
} from "./results.ts";

/** What to forecast: the horizon, `auto` or one model, and the backtest behind `auto`. */
export interface ForecastSpec {
  /** Days to forecast. */
  horizon: number;
  /** `auto` or one model name. */
  model: string;
  /** Candidates of `auto`. */
  candidates: readonly string[];
  /**
   * The backtest behind `auto`: windows of the forecast horizon, or a plan placed already (the
   * planning backtest, with the sales forecast its returns models get).
   */
  backtest:
    | { windows: number; step: number; refitEvery: number }
    | { plan: BacktestPlan; salesForReturns?: "best" | "honest" };
}

/** The model used for one product and target, and why. */
interface Pick {
  model: string;
  reason: string;
}

/** Forecasts every product and target of a set. */
export async function forecastDataset(
  set: SeriesSet,
  options: ForecastSpec & DatasetScope,
  hooks: PipelineHooks = {},
): Promise<DatasetForecast> {
  const auto = options.model === "auto";
  const days = Math.max(options.horizon, options.forecastDays ?? 0);
  const models = auto ? options.candidates : [options.model];
  const executor = chooseExecutor(anyHeavy(models), set.products.length * 2, hooks.training);
  const { first, last } = spanOf(options.poolSet ?? set);
  // Data too short to backtest: auto falls back per product by history length (pickModel).
  const backtestable = auto &&
    ("plan" in options.backtest
      ? options.backtest.plan.cutoffs.length > 0
      : backtestFits({ ...options, ...options.backtest }, first, last));
  try {
    const backtest = backtestable
      ? await backtestDataset(
        set,
        "plan" in options.backtest
          ? {
            ...options,
            ...options.backtest,
            horizon: options.backtest.plan.horizon,
            windows: options.backtest.plan.cutoffs.length,
            step: 0,
            refitEvery: options.backtest.plan.refitEvery,
            models: options.candidates,
          }
          : { ...options, ...options.backtest, models: options.candidates },
        hooks,
        executor,
      )
      : undefined;
    const backtests = groupBacktests(backtest?.series ?? []);
    const choices = new Map(
      (backtest?.choices ?? []).map((c) => [resultKey(c.productId, c.target), c]),
    );
    const picks = new Map<string, Pick>();
    for (const product of set.products) {
      for (const target of TARGETS) {
        const key = resultKey(product.id, target);
        picks.set(
          key,
          // Days since launch: what the models fit on (`contextOf`).
          pickModel(
            product.id,
            fromLaunch(product).sales.length,
            target,
            options.model,
            choices.get(key),
          ),
        );
      }
    }
    const modelOf = (id: string, target: Target) => picks.get(resultKey(id, target))!.model;
    const shape = datasetLagShape(options.poolSet ?? set);
    // The time of year (only where the data spans more than a year; sales only).
    const yearly = datasetYearlyProfiles(options.poolSet ?? set, options.calendar);
    const historyOf = (product: ProductSeries, target: Target): SeriesContext => {
      const history = contextOf(product, target, options.calendar, days);
      if (target === "returns") return shape ? { ...history, returnLagShape: shape } : history;
      return attachYearly(history, yearly);
    };
    const common = {
      horizon: days,
      seed: options.seed,
      ...(options.store ? { store: options.store } : {}),
      ...(options.epochs ? { epochs: options.epochs } : {}),
    };
    // A global network trains on every product of the dataset long enough for it (a shard's
    // network is the single run's) and forecasts this run's products. A shorter product never
    // chooses it: its backtest had no window of the network.
    const pooled = (options.poolSet ?? set).products;
    const sharded = pooled !== set.products;
    const globalJob = (name: string, target: Target, futureSales?: Float64Array[]) => {
      const minHistory = modelNamed(name).minHistory;
      const own = new Map(set.products.map((product, i) => [product.id, futureSales?.[i]]));
      const histories = pooled.map((product) => historyOf(product, target))
        .filter((history) => history.values.length >= minHistory);
      return {
        histories,
        ...(futureSales ? { futureSales: histories.map((h) => own.get(h.productId)) } : {}),
        ...(sharded ? { scored: set.products.map((product) => product.id) } : {}),
      };
    };
    if (options.networksOnly) {
      const jobs: GlobalForecastJob[] = models.filter(isGlobal).flatMap((name) =>
        modelNamed(name).targets.map((target) => ({
          kind: "forecast-global" as const,
          model: name,
          ...globalJob(name, target),
          trainOnly: true,
          ...common,
        }))
      ).filter((job) => job.histories.length > 0); // no product long enough: nothing to train
      hooks.stage?.(`train ${models.filter(isGlobal).join(", ")} on the whole history`, 0, 0);
      await executor.run(jobs);
      return { results: new Map(), trained: [...new Set(jobs.map((job) => job.model))] };
    }
    const stage = async (target: Target, futureSales?: Float64Array[]) => {
      const chosen = set.products.map((product) => modelOf(product.id, target));
      const jobs: (ForecastJob | GlobalForecastJob)[] = [];
      for (const name of new Set(chosen.filter(isGlobal))) {
        jobs.push({
          kind: "forecast-global",
          model: name,
          ...globalJob(name, target, futureSales),
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
            ...globalJob(name, "returns"),
            trainOnly: true,
            ...common,
          });
        }
      }
      set.products.forEach((product, i) => {
        if (isGlobal(chosen[i])) return;
        const windows = backtests.get(resultKey(product.id, target))?.get(chosen[i]);
        jobs.push({
          kind: "forecast",
          model: chosen[i],
          history: historyOf(product, target),
          ...(windows?.length ? { backtest: metricsOf(windows) } : {}),
          ...(futureSales ? { futureSales: futureSales[i] } : {}),
          ...common,
        });
      });
      hooks.stage?.(
        `forecast ${target}: ${set.products.length} products, ${days} days`,
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
      // A global job forecasts every product: keep, per product, the outcome of its own model.
      const byProduct = new Map<string, Map<string, ForecastOutcome>>();
      for (const r of results) {
        const own = byProduct.get(r.productId) ?? new Map<string, ForecastOutcome>();
        byProduct.set(r.productId, own.set(r.model, r));
      }
      return set.products.map((product, i) => byProduct.get(product.id)!.get(chosen[i])!);
    };
    const sales = await stage("sales");
    const returns = await stage("returns", sales.map((outcome) => outcome.forecast.mean));
    const results = new Map<string, TargetResult>();
    set.products.forEach((product, i) => {
      for (const outcome of [sales[i], returns[i]]) {
        const key = resultKey(product.id, outcome.target);
        results.set(key, resultFrom(outcome, picks.get(key)!, lastDay(product) + 1, backtests));
      }
    });
    return { results, ...(backtest ? { backtest: { plan: backtest.plan } } : {}) };
  } finally {
    executor.close();
  }
}

/** One product and target's result from its forecast job. */
function resultFrom(
  outcome: ForecastOutcome,
  pick: Pick,
  firstDay: number,
  backtests: ReadonlyMap<string, Map<string, BacktestWindow[]>>,
): TargetResult {
  return {
    productId: outcome.productId,
    target: outcome.target,
    model: outcome.model,
    reason: pick.reason,
    firstDay,
    forecast: outcome.forecast,
    backtests: backtests.get(resultKey(outcome.productId, outcome.target)) ?? new Map(),
    made: {
      source: outcome.source,
      ...(outcome.training ? { training: outcome.training } : {}),
    },
  };
}

/** The model for one product and target: `--model`, `auto`'s choice, or a fallback. */
function pickModel(
  productId: string,
  days: number,
  target: Target,
  requested: string,
  choice: ModelChoice | undefined,
): Pick {
  if (requested !== "auto") {
    const model = modelNamed(requested);
    if (days < model.minHistory) {
      throw new InputError(
        `--model ${model.name} needs at least ${model.minHistory} days of history, and product ` +
          `${quoted(productId)} has ${days}; use --model auto (it falls back to simpler models ` +
          "for short histories) or leave the product out with --products",
      );
    }
    if (model.targets.includes(target)) {
      return { model: model.name, reason: `chosen with --model ${model.name}` };
    }
    const fallback = days >= FALLBACK.forTarget.minHistory
      ? FALLBACK.forTarget.name
      : FALLBACK.shortHistory.find((m) => days >= m.minHistory)!.name;
    return {
      model: fallback,
      reason: `${model.name} forecasts only ${
        model.targets.join(" and ")
      }; ${fallback} used for ${target}`,
    };
  }
  if (choice) return { model: choice.model, reason: choice.reason };
  const model = FALLBACK.shortHistory.find((m) => days >= m.minHistory)!.name;
  return { model, reason: `history too short to backtest; ${model} used` };
}
