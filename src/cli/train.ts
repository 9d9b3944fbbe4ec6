/**
 * `deno task train`: trains the LSTMs (one for sales, one for returns per product) on the whole
 * history and saves them under `models/`. Always retrains; `forecast` and `report` reuse them.
 * @module
 */

import { checkModelsDir } from "./output_guard.ts";
import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { loadScoped, progressHooks } from "./scope.ts";
import { Progress } from "./progress.ts";
import { DATA_OPTIONS, SHARD_OPTIONS, STORE_OPTIONS } from "../config/data_options.ts";
import { TRAIN_HORIZON, TRAIN_OPTIONS } from "../config/forecast_options.ts";
import { InputError } from "../io/errors.ts";
import { contextOf } from "../forecast/context.ts";
import { attachYearly, datasetYearlyProfiles } from "../forecast/yearly/apply.ts";
import type { ProductSeries } from "../data/series.ts";
import type { Target } from "../forecast/types.ts";
import { chooseExecutor } from "../forecast/parallel/pool.ts";
import { modelDir } from "../forecast/store/paths.ts";
import type { ForecastJob, ForecastOutcome, GlobalForecastJob } from "../forecast/jobs.ts";
import { globalModelDir } from "../forecast/store/obtain.ts";
import { modelNamed } from "../forecast/registry.ts";
import { formatTable } from "../util/table.ts";

/** The `train` command. */
export const trainCommand = defineCommand({
  name: "train",
  summary: "train and save the LSTM models (sales and returns per product)",
  options: { ...DATA_OPTIONS, ...STORE_OPTIONS, ...SHARD_OPTIONS, ...TRAIN_OPTIONS },
  examples: [
    "deno task train",
    "deno task train --model lstm-seed --products P001 --epochs 30",
  ],
  async run(config) {
    const { model, epochs, seed } = config;
    const root = config.modelsDir;
    await checkModelsDir(root);
    const isGlobal = (name: string) => modelNamed(name).scope === "global";
    if (config.shard && isGlobal(model)) {
      throw new InputError(
        `--shard: ${model} trains one model across all products and cannot be split; ` +
          "train it without --shard",
      );
    }
    const { all, set, calendar } = await loadScoped(config, [model]);
    // Sales networks fit on the sales divided by the time of year, as `forecast` fits them.
    const yearly = datasetYearlyProfiles(all, calendar);
    const historyOf = (p: ProductSeries, target: Target) =>
      attachYearly(contextOf(p, target, calendar), yearly);
    const minHistory = modelNamed(model).minHistory;
    const tooShort = set.products.filter((p) => p.sales.length < minHistory);
    if (tooShort.length > 0) {
      throw new InputError(
        `${tooShort.length} product(s) have under ${minHistory} days of history, too few for ${model} ` +
          `(e.g. ${tooShort[0].id}: ${
            tooShort[0].sales.length
          } days); leave them out with --products`,
      );
    }
    const store = { root, mode: "retrain" as const };
    const common = { model, horizon: TRAIN_HORIZON, seed, store, ...(epochs ? { epochs } : {}) };
    const jobs: (ForecastJob | GlobalForecastJob)[] = [];
    for (const target of ["sales", "returns"] as const) {
      if (isGlobal(model)) {
        const histories = set.products.map((p) => historyOf(p, target));
        jobs.push({ kind: "forecast-global", histories, ...common });
      } else {
        for (const product of set.products) {
          jobs.push({ kind: "forecast", history: historyOf(product, target), ...common });
        }
      }
    }
    const progress = new Progress(config.quiet);
    const hooks = progressHooks(progress);
    const executor = chooseExecutor(true, jobs.length, hooks.training);
    hooks.stage?.(
      `train ${model}: ${set.products.length} products × sales and returns`,
      jobs.length,
      jobs.length,
    );
    try {
      const outcomes = (await executor.run(jobs, (_, result) => {
        const o = ([result] as ForecastOutcome[][]).flat()[0];
        progress.step(
          1,
          `trained ${model} ${isGlobal(model) ? "all products" : o.productId} ${o.target}: ` +
            `${o.training?.epochs} epochs in ${o.training?.seconds.toFixed(1)} s`,
        );
      }) as (ForecastOutcome | ForecastOutcome[])[]).flat();
      progress.line(`trained ${jobs.length} models in ${progress.elapsed.toFixed(1)} s`);
      printOut(formatTable(
        ["product", "target", "epochs", "best epoch", "best val loss", "seconds", "saved in"],
        outcomes.map((o) => [
          o.productId,
          o.target,
          String(o.training?.epochs ?? ""),
          String(o.training?.bestEpoch ?? ""),
          (o.training?.bestValLoss ?? NaN).toFixed(4),
          (o.training?.seconds ?? NaN).toFixed(1),
          isGlobal(model)
            ? globalModelDir(root, o.target, model)
            : modelDir(root, o.productId, o.target, model),
        ]),
      ));
    } finally {
      executor.close();
    }
    return 0;
  },
});
