/**
 * The backtest of a whole dataset: every product × target × model over the plan's windows.
 * Sales first; then returns, whose models get, at each cutoff, the forecast of the sales model
 * `auto` chose for the product — exactly what they get when forecasting for real. Each product's
 * models are kept to the windows all of them scored (see `backtest/align.ts`). Where the data
 * spans more than a year, sales models use the time of year (`yearly/`); `auto`'s choices shrink
 * toward anchors pooled as every shard pools them (`anchor_pool.ts`).
 * @module
 */

import { type ProductSeries, type SeriesSet, spanOf } from "../../data/series.ts";
import { contextOf } from "../context.ts";
import { FALLBACK, modelNamed, modelsFor } from "../registry.ts";
import { type BacktestPlan, planBacktest, type PlanOptions } from "../backtest/plan.ts";
import type { BacktestWindow, SeriesBacktest } from "../backtest/series.ts";
import { alignWindows } from "../backtest/align.ts";
import { chooseModels, type ModelChoice } from "../select.ts";
import { windowsChosenBefore } from "../backtest/choice_at.ts";
import type { BacktestJob, StoreOptions } from "../jobs.ts";
import type { AnyBacktestJob } from "./order.ts";
import type { SeriesContext, Target } from "../types.ts";
import { chooseExecutor, inlineExecutor, type JobExecutor } from "../parallel/pool.ts";
import { datasetLagShape } from "../lag_shape.ts";
import { anyHeavy, type DatasetScope, isGlobal, jobWeight, type PipelineHooks } from "./scope.ts";
import { byCutoff, groupBacktests, resultKey } from "./results.ts";
import { compactWindows, SharedScales } from "../backtest/window.ts";
import { SpillFile } from "../backtest/spill.ts";
import type { Anchors } from "../select/anchor.ts";
import { yearlyCoefficientsAt } from "../yearly/apply.ts";
import { AnchorPool } from "./anchor_pool.ts";
import { heavyFirst, sortSeries } from "./order.ts";

/** Options of {@link runBacktest}: the plan and models, in a run's scope. */
export interface BacktestOptions extends DatasetScope {
  /** Where to cut. */
  plan: BacktestPlan;
  /** Model names to compare. */
  models: readonly string[];
  /** Where jobs run. @default this thread */
  executor?: JobExecutor;
  /** Called after each finished series. */
  onSeries?: (done: SeriesBacktest) => void;
  /**
   * Which sales forecast returns models get at each cutoff: `best`, that of the sales model
   * that backtests best over all windows (default); `honest`, that of the sales model chosen on
   * the windows that had ended by the cutoff (`backtest/choice_at.ts`) — what a replay of the
   * past may use.
   */
  salesForReturns?: "best" | "honest";
}

/** Everything a backtest produced. */
export interface BacktestResult {
  /** The plan it followed. */
  plan: BacktestPlan;
  /** Per product, target and model: the windows (product, target, then models in order). */
  series: SeriesBacktest[];
  /** Per product and target: the model `auto` chose, and why (see `select.ts`). */
  choices: ModelChoice[];
  /** Per target: the model best pooled across products, which the choices shrink toward. */
  anchors: Anchors;
}

/** Backtests every product, target and model of a set. */
export async function runBacktest(
  set: SeriesSet,
  options: BacktestOptions,
): Promise<BacktestResult> {
  const executor = options.executor ?? inlineExecutor();
  const { plan, seed } = options;
  const spill = new SpillFile(); // the windows' numbers: most of a large run's memory otherwise
  const scales = new SharedScales();
  const run = async (jobs: AnyBacktestJob[], report = true) => {
    const results = await executor.run(heavyFirst(jobs), (_job, result) => {
      for (const one of [result].flat()) {
        // Held compactly as it arrives: a large backtest holds millions of windows.
        const series = `${one.productId}\t${one.target}`;
        one.windows = compactWindows(one.windows, spill, { scales, series });
        if (report) options.onSeries?.(one);
      }
    });
    return results.flat();
  };
  // A global returns network trains on returns histories only (the sales forecasts are inputs
  // of its windows, not of its training): with a store it trains during the sales backtest, on
  // the other core, and the returns backtest loads it.
  const store = options.store;
  const pooled = (options.poolSet ?? set).products;
  const owned = new Set(set.products.map((product) => product.id));
  const returnsGlobal = store
    ? modelsFor(options.models, "returns").filter((m) => m.scope === "global")
    : [];
  const returnsTrained = returnsGlobal.length > 0;
  const returnsTraining: AnyBacktestJob[] = returnsGlobal.map((model) => ({
    kind: "backtest-global",
    model: model.name,
    series: pooled.map((product) => contextOf(product, "returns", options.calendar)),
    plan,
    seed,
    store,
    trainOnly: true,
    ...(pooled === set.products ? {} : { scored: set.products.map((product) => product.id) }),
  }));
  // The returns network needs nothing computed here: on workers it starts training now, while
  // this thread computes the dataset-wide figures the other jobs need.
  const early = executor.concurrent && !options.networksOnly;
  const returnsNetwork = early ? run(returnsTraining, false) : undefined;
  returnsNetwork?.catch(() => {}); // awaited with the sales backtest
  // The time of year at each cutoff, from all products (none where a year or less of history:
  // then nothing changes). Sales models fit on the sales divided by it.
  const profiles = yearlyCoefficientsAt(options.poolSet ?? set, options.calendar, plan.cutoffs);
  const yearly = (target: Target, products: readonly ProductSeries[]) =>
    target === "sales" && profiles.some((p) => p !== undefined)
      ? products.map((product) => profiles.map((p) => p?.get(product.id)))
      : undefined;
  // One job per product with all the light models (they share the cleaned histories); one job
  // per product for each heavy per-product model (long: spread over the workers); one job per
  // global model.
  const jobsFor = (
    target: Target,
    extra: (product: ProductSeries) => Partial<BacktestJob>,
    products: readonly ProductSeries[] = set.products,
    names: readonly string[] = options.models,
  ): AnyBacktestJob[] => {
    const models = modelsFor(names, target);
    const profilesOf = yearly(target, products);
    const perProduct = models.filter((m) => m.scope === "product");
    const light = perProduct.filter((m) => m.cost === "light").map((m) => m.name);
    const heavy = perProduct.filter((m) => m.cost === "heavy").map((m) => m.name);
    // A global network trains on every product of the dataset, so a shard's networks are the
    // single run's; the shard scores its own products.
    const global = models.filter((m) => m.scope === "global");
    const trained = products === set.products ? pooled : products;
    const profilesOfTrained = global.length === 0 || trained === products
      ? profilesOf
      : yearly(target, trained);
    const jobs: AnyBacktestJob[] = global.map((model) => ({
      kind: "backtest-global",
      model: model.name,
      series: trained.map((product): SeriesContext => contextOf(product, target, options.calendar)),
      plan,
      seed,
      futureSales: trained.map((product) =>
        owned.has(product.id) ? extra(product).futureSales ?? [] : []
      ),
      ...(profilesOfTrained ? { yearlyCoefficients: profilesOfTrained } : {}),
      ...(store ? { store: target === "returns" && returnsTrained ? reuse(store) : store } : {}),
      ...(trained === products ? {} : { scored: products.map((product) => product.id) }),
    }));
    for (const [i, product] of products.entries()) {
      const series = contextOf(product, target, options.calendar);
      for (const group of [...heavy.map((name) => [name]), ...(light.length > 0 ? [light] : [])]) {
        jobs.push({
          kind: "backtest",
          models: group,
          series,
          plan,
          seed,
          ...(options.store ? { store: options.store } : {}),
          ...(profilesOf ? { yearlyCoefficients: profilesOf[i] } : {}),
          ...extra(product),
        });
      }
    }
    return jobs;
  };

  const returnLagShapes = plan.cutoffs.map((cutoff) =>
    datasetLagShape(options.poolSet ?? set, cutoff)
  );
  /** The returns job inputs of a product whose sales are forecast with `chosen`'s windows. */
  const returnsInputs = (chosen: BacktestWindow[] | undefined) => {
    const atCutoff = byCutoff(chosen ?? []);
    // Copies: a window's mean is a view of its series' packed buffer, which a job would post whole.
    const futureSales = plan.cutoffs.map((cutoff) => atCutoff.get(cutoff)?.forecast.mean.slice());
    return { futureSales, returnLagShapes };
  };
  const honestFallback = FALLBACK.shortHistory[0].name;
  const pool = new AnchorPool({
    all: options.poolSet ?? set,
    owned: set,
    models: options.models,
    ...(options.salesForReturns === "honest"
      ? { honest: { cutoffs: plan.cutoffs, fallback: honestFallback } }
      : {}),
    backtest: (target, products, models, salesFor) =>
      run(
        jobsFor(target, (p) => (salesFor ? returnsInputs(salesFor(p.id)) : {}), products, models),
        false,
      ),
  });

  if (options.networksOnly) {
    const global = options.models.filter(isGlobal);
    const salesTraining = jobsFor("sales", () => ({}), set.products, global)
      .map((job) => ({ ...job, trainOnly: true }));
    await run([...salesTraining, ...returnsTraining], false);
    return { plan, series: [], choices: [], anchors: {} };
  }
  // Together: a network that fails stops the run at once, not after every sales job.
  const [salesRaw] = await Promise.all([
    run([...jobsFor("sales", () => ({})), ...(early ? [] : returnsTraining)]),
    returnsNetwork,
  ]);
  const salesResults = alignWindows(salesRaw);
  const salesAnchors = await pool.sales(salesRaw);
  const salesChoices = new Map(
    chooseModels(salesResults, { anchors: salesAnchors }).map((c) => [c.productId, c.model]),
  );
  const salesWindows = groupBacktests(salesResults);
  const salesOf = (id: string) =>
    salesWindows.get(resultKey(id, "sales"))?.get(salesChoices.get(id)!);
  // The sales windows each product's returns models were given (the anchor pool reuses a
  // product's returns backtests only where they are what the pool would give it).
  const salesGiven = new Map<string, BacktestWindow[] | undefined>();
  const returnsRaw = await run(jobsFor("returns", (product) => {
    if (options.salesForReturns !== "honest") {
      salesGiven.set(product.id, salesOf(product.id));
      return returnsInputs(salesOf(product.id));
    }
    // Each window's returns see the sales forecast of the model chosen before that window.
    const byModel = salesWindows.get(resultKey(product.id, "sales")) ?? new Map();
    const given = windowsChosenBefore(byModel, plan.cutoffs, honestFallback);
    salesGiven.set(product.id, given);
    return returnsInputs(given);
  }));
  const returnsResults = alignWindows(returnsRaw);
  const anchors = {
    ...salesAnchors,
    ...(await pool.returns(returnsRaw, (id) => salesGiven.get(id))),
  };
  const series = sortSeries([...salesResults, ...returnsResults], options.models);
  return { plan, series, choices: chooseModels(series, { anchors }), anchors };
}

/** A store that reuses what it holds (a network just trained by this run, even on `retrain`). */
const reuse = (store: StoreOptions): StoreOptions => ({ ...store, mode: "reuse" });

/** What a dataset backtest cuts and compares: the windows and the models. */
export interface BacktestSpec extends PlanOptions {
  /** Model names to compare. */
  models: readonly string[];
  /** The cutoffs, when they are placed already (the planning backtest); else from the options. */
  plan?: BacktestPlan;
  /** Which sales forecast returns models get (see {@link BacktestOptions}). */
  salesForReturns?: "best" | "honest";
}

/** Backtests a dataset with progress and the right executor (workers when networks train). */
export async function backtestDataset(
  set: SeriesSet,
  options: BacktestSpec & DatasetScope,
  hooks: PipelineHooks = {},
  executor?: JobExecutor,
): Promise<BacktestResult> {
  const { first, last } = spanOf(options.poolSet ?? set);
  const plan = options.plan ?? planBacktest(options, first, last);
  const targets = (name: string) => modelNamed(name).targets.length;
  const perProduct = options.models.reduce((total, name) => total + targets(name), 0);
  const weight = set.products.length *
    options.models.reduce((t, name) => t + jobWeight(name) * targets(name), 0);
  const own = executor ??
    chooseExecutor(anyHeavy(options.models), set.products.length * perProduct, hooks.training);
  if (options.networksOnly) {
    const global = options.models.filter(isGlobal);
    const jobs = global.reduce((total, name) => total + targets(name), 0);
    hooks.stage?.(
      `train ${global.join(", ")} for the backtest's cutoffs on ${set.products.length} products`,
      jobs,
      jobs * jobWeight(global[0] ?? "zero"),
    );
  } else {
    hooks.stage?.(
      `backtest: ${set.products.length} products × ${options.models.length} models, ` +
        `${plan.cutoffs.length} windows of ${options.horizon} days`,
      set.products.length * perProduct,
      weight,
    );
  }
  try {
    return await runBacktest(set, {
      ...options,
      plan,
      executor: own,
      onSeries: (done: SeriesBacktest) =>
        hooks.step?.(jobWeight(done.model), `${done.model} ${done.productId} ${done.target}`),
    });
  } finally {
    if (!executor) own.close();
  }
}
