/**
 * `deno task forecast`: forecasts every product's sales and returns with intervals. With
 * `--model auto` (the default) each product and target gets the model with the best backtest;
 * saved LSTMs are reused while their data is unchanged.
 * @module
 */

import type { Command } from "./args.ts";
import { integerFlag, listFlag, optionalString } from "./args.ts";
import {
  checkModels,
  DATA_FLAGS,
  loadScoped,
  progressHooks,
  seedFlag,
  SHARD_FLAGS,
  STORE_FLAGS,
} from "./common.ts";
import { Progress } from "./progress.ts";
import { forecastDataset } from "../forecast/pipeline.ts";
import { DEFAULT_CANDIDATES } from "../forecast/registry.ts";
import { formatForecastCsv } from "../forecast/output.ts";
import { writeFileAtomic } from "../io/write_atomic.ts";
import { DEFAULT_MODELS_DIR } from "../forecast/store/paths.ts";

/** The `forecast` command. */
export const forecastCommand: Command = {
  name: "forecast",
  summary: "forecast sales and returns per product, with 80 % and 95 % intervals",
  flags: {
    ...DATA_FLAGS,
    ...STORE_FLAGS,
    ...SHARD_FLAGS,
    horizon: { type: "string", value: "N", default: "30", help: "days ahead, 7 to 90" },
    model: {
      type: "string",
      value: "NAME",
      default: "auto",
      help: "auto (best backtest per product and target) or a model name",
    },
    models: {
      type: "string",
      value: "LIST",
      default: DEFAULT_CANDIDATES.join(","),
      help: "candidates of auto",
    },
    out: { type: "string", value: "FILE", help: "forecast CSV (default: standard output)" },
  },
  examples: [
    "deno task forecast --out forecast.csv",
    "deno task forecast --horizon 90 --model ets --out forecast.csv",
  ],
  async run(values) {
    const model = optionalString(values, "model") ?? "auto";
    if (model !== "auto") checkModels([model], "--model");
    const options = {
      horizon: integerFlag(values, "horizon", { min: 7, max: 90 }),
      model,
      candidates: checkModels(listFlag(values, "models")!, "--models"),
      backtest: { windows: 4, step: 28, refitEvery: 0 },
      seed: seedFlag(values),
      store: {
        root: optionalString(values, "models-dir") ?? DEFAULT_MODELS_DIR,
        mode: "reuse" as const,
      },
    };
    const { all, set, calendar } = await loadScoped(values, [model, ...options.candidates]);
    const progress = new Progress(values.quiet === true);
    const result = await forecastDataset(
      set,
      { ...options, calendar, poolSet: all },
      progressHooks(progress),
    );
    const csv = formatForecastCsv(result.tables);
    const out = optionalString(values, "out");
    if (out) {
      await writeFileAtomic(out, csv);
      progress.line(`forecast done in ${progress.elapsed.toFixed(1)} s`);
      for (const reason of result.reasons) {
        progress.line(`  ${reason.productId} ${reason.target}: ${reason.model} — ${reason.reason}`);
      }
      console.log(`wrote ${out}`);
    } else {
      await Deno.stdout.write(new TextEncoder().encode(csv));
    }
    return 0;
  },
};
