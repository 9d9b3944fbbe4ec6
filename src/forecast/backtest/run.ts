/**
 * The backtest of a whole dataset: every product × target × model over the plan's windows.
 * Sales first; then returns, whose models get, at each cutoff, the forecast of the sales model
 * that backtested best for the product — exactly what they get when forecasting for real. Each
 * product's models are kept to the windows all of them scored (see `align.ts`).
 * @module
 */

import type { SeriesSet } from "../../data/series.ts";
import { contextOf } from "../context.ts";
import { modelNamed, modelsFor } from "../registry.ts";
import type { BacktestPlan } from "./plan.ts";
import type { SeriesBacktest } from "./series.ts";
import { chooseModels, type ModelChoice } from "../select.ts";
import type { BacktestJob, GlobalBacktestJob, StoreOptions } from "../jobs.ts";
import type { SeriesContext, Target } from "../types.ts";
import { inlineExecutor, type JobExecutor } from "../parallel/pool.ts";
import { datasetLagShape } from "../lag_shape.ts";
import { alignWindows } from "./align.ts";
import type { Calendar } from "../../data/calendar.ts";

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  /** Where to cut. */
  plan: BacktestPlan;
  /** Model names to compare. */
  models: readonly string[];
  /** Seed for the models. */
  seed: number;
  /** Where jobs run. @default this thread */
  executor?: JobExecutor;
  /** Keep LSTM fits at the cutoffs in the model store (reused while the data is unchanged). */
  store?: StoreOptions;
  /** Open and closed days: models train on cleaned histories, closed days are not scored. */
  calendar?: Calendar;
  /** Products that dataset-wide figures (the return lag shape) pool over; default: the set. */
  poolSet?: SeriesSet;
  /** Called after each finished series. */
  onSeries?: (done: SeriesBacktest) => void;
}

/** Everything a backtest produced. */
export interface BacktestResult {
  /** The plan it followed. */
  plan: BacktestPlan;
  /** Per product, target and model: the windows. */
  series: SeriesBacktest[];
  /** Per product and target: the model with the best RMSSE. */
  choices: ModelChoice[];
}

type AnyBacktestJob = BacktestJob | GlobalBacktestJob;

/** Backtests every product, target and model of a set. */
export async function runBacktest(
  set: SeriesSet,
  options: BacktestOptions,
): Promise<BacktestResult> {
  const executor = options.executor ?? inlineExecutor();
  const { plan, seed } = options;
  const run = async (jobs: AnyBacktestJob[]) => {
    const results = await executor.run(heavyFirst(jobs), (_job, result) => {
      for (const one of [result].flat()) options.onSeries?.(one);
    });
    return results.flat();
  };
  // One job per product with all the light models (they share the cleaned histories); one job
  // per product for each per-product LSTM (long: spread over the workers); one job per global model.
  const jobsFor = (
    target: Target,
    extra: (product: SeriesSet["products"][number]) => Partial<BacktestJob>,
  ): AnyBacktestJob[] => {
    const models = modelsFor(options.models, target);
    const light = models.filter((m) => m.cost === "light" && m.scope === "product").map((m) =>
      m.name
    );
    const heavy = models.filter((m) => m.cost === "heavy" && m.scope === "product").map((m) =>
      m.name
    );
    const jobs: AnyBacktestJob[] = models.filter((m) => m.scope === "global").map((model) => ({
      kind: "backtest-global",
      model: model.name,
      series: set.products.map((product): SeriesContext =>
        contextOf(product, target, options.calendar)
      ),
      plan,
      seed,
      futureSales: set.products.map((product) => extra(product).futureSales ?? []),
    }));
    for (const product of set.products) {
      const series = contextOf(product, target, options.calendar);
      for (const group of [...heavy.map((name) => [name]), ...(light.length > 0 ? [light] : [])]) {
        jobs.push({
          kind: "backtest",
          models: group,
          series,
          plan,
          seed,
          ...(options.store ? { store: options.store } : {}),
          ...extra(product),
        });
      }
    }
    return jobs;
  };

  const salesResults = alignWindows(await run(jobsFor("sales", () => ({}))));
  const salesChoices = chooseModels(salesResults);
  const returnLagShapes = plan.cutoffs.map((cutoff) =>
    datasetLagShape(options.poolSet ?? set, cutoff)
  );
  const returnsResults = alignWindows(
    await run(jobsFor("returns", (product) => {
      const choice = salesChoices.find((c) => c.productId === product.id);
      const chosen = salesResults.find((r) =>
        r.productId === product.id && r.model === choice?.model
      );
      const futureSales = plan.cutoffs.map((cutoff) =>
        chosen?.windows.find((w) => w.cutoff === cutoff)?.forecast.mean
      );
      return { futureSales, returnLagShapes };
    })),
  );
  const series = sortSeries([...salesResults, ...returnsResults], options.models);
  return { plan, series, choices: chooseModels(series) };
}

/** LSTM jobs first, so the long ones start early and the cheap ones fill the gaps. */
function heavyFirst(jobs: AnyBacktestJob[]): AnyBacktestJob[] {
  const heavy = (job: AnyBacktestJob) =>
    job.kind === "backtest-global"
      ? 0
      : job.models.some((m) => modelNamed(m).cost === "heavy")
      ? 1
      : 2;
  return [...jobs].sort((a, b) => heavy(a) - heavy(b));
}

/** Product, then target (sales first), then the models in the order asked. */
function sortSeries(series: SeriesBacktest[], models: readonly string[]): SeriesBacktest[] {
  return series.sort((a, b) =>
    (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0) ||
    (a.target === b.target ? 0 : a.target === "sales" ? -1 : 1) ||
    models.indexOf(a.model) - models.indexOf(b.model)
  );
}
