/**
 * `deno task forecast`: forecasts every product's sales and returns with intervals. With
 * `--model auto` (the default) each product and target gets the model with the best backtest;
 * saved LSTMs are reused while their data is unchanged.
 * @module
 */

import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { loadScoped, progressHooks } from "./scope.ts";
import { Progress } from "./progress.ts";
import { DATA_OPTIONS, SHARD_OPTIONS, STORE_OPTIONS } from "../config/data_options.ts";
import { AUTO_BACKTEST, CANDIDATES, HORIZON, MODEL } from "../config/forecast_options.ts";
import { path } from "../config/option.ts";
import { forecastDataset } from "../forecast/dataset/forecast.ts";
import { formatForecastCsv } from "../outputs/forecast_csv.ts";
import { writeOutputFile } from "../io/output_file.ts";
import { FORCE, guardOutputFiles } from "./output_guard.ts";

/** The `forecast` command. */
export const forecastCommand = defineCommand({
  name: "forecast",
  summary: "forecast sales and returns per product, with 80 % and 95 % intervals",
  options: {
    ...DATA_OPTIONS,
    ...STORE_OPTIONS,
    ...SHARD_OPTIONS,
    horizon: HORIZON,
    model: MODEL,
    candidates: CANDIDATES,
    out: path("out", { value: "FILE", help: "forecast CSV (default: standard output)" }),
    force: FORCE,
  },
  examples: [
    "deno task forecast --out forecast.csv",
    "deno task forecast --horizon 90 --model ets --out forecast.csv",
  ],
  async run(config) {
    await guardOutputFiles(config.out ? [config.out] : [], config, "forecast");
    const { all, set, calendar } = await loadScoped(config, [config.model, ...config.candidates]);
    const progress = new Progress(config.quiet);
    const result = await forecastDataset(set, {
      horizon: config.horizon,
      model: config.model,
      candidates: config.candidates,
      backtest: AUTO_BACKTEST,
      seed: config.seed,
      store: { root: config.modelsDir, mode: "reuse" },
      calendar,
      poolSet: all,
    }, progressHooks(progress));
    const csv = formatForecastCsv(result.results.values());
    if (config.out) {
      await writeOutputFile(config.out, csv);
      progress.line(`forecast done in ${progress.elapsed.toFixed(1)} s`);
      for (const reason of result.results.values()) {
        progress.line(`  ${reason.productId} ${reason.target}: ${reason.model} — ${reason.reason}`);
      }
      printOut(`wrote ${config.out}`);
    } else {
      await Deno.stdout.write(new TextEncoder().encode(csv));
    }
    return 0;
  },
});
