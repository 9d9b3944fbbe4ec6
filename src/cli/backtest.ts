/**
 * `deno task backtest`: rolling-origin backtest of the models against each other, written as
 * the backtest CSV with `summary.json` (metrics per target and model, per product, choices)
 * beside it.
 * @module
 */

import { printOut } from "./print.ts";
import { dirname, join } from "node:path";
import { defineCommand } from "./args.ts";
import { loadScoped, progressHooks } from "./scope.ts";
import { Progress } from "./progress.ts";
import { DATA_OPTIONS, SHARD_OPTIONS } from "../config/data_options.ts";
import { BACKTEST_OPTIONS } from "../config/forecast_options.ts";
import { path } from "../config/option.ts";
import { backtestDataset } from "../forecast/dataset/backtest.ts";
import { backtestSummary } from "../outputs/backtest_summary.ts";
import { formatBacktestCsv } from "../outputs/backtest_csv.ts";
import { writeOutputFile } from "../io/output_file.ts";
import { FORCE, guardOutputFiles } from "./output_guard.ts";
import { formatIsoDay } from "../data/dates.ts";
import { formatTable } from "../util/table.ts";

/** The `backtest` command. */
export const backtestCommand = defineCommand({
  name: "backtest",
  summary: "rolling-origin backtest of the models against the baselines",
  options: {
    ...DATA_OPTIONS,
    ...SHARD_OPTIONS,
    ...BACKTEST_OPTIONS,
    out: path("out", {
      value: "FILE",
      required: true,
      help: "backtest CSV (summary.json goes beside it)",
    }),
    force: FORCE,
  },
  examples: [
    "deno task backtest --out reports/backtest/backtest.csv",
    "deno task backtest --models snaive7,ets,lstm,lstm-seed --refit-every 0 --out bt/backtest.csv",
  ],
  async run(config) {
    const { out, horizon, windows, step, refitEvery, firstCutoff, models, seed } = config;
    const summaryPath = join(dirname(out), "summary.json");
    await guardOutputFiles([out, summaryPath], config, "backtest");
    const { all, set, calendar } = await loadScoped(config, models);
    const progress = new Progress(config.quiet);
    const result = await backtestDataset(
      set,
      {
        horizon,
        windows,
        step,
        refitEvery,
        ...(firstCutoff !== undefined ? { firstCutoff } : {}),
        models,
        seed,
        calendar,
        poolSet: all,
      },
      progressHooks(progress),
    );
    const summary = backtestSummary(result.series, result.choices, {
      data: set.source,
      horizon,
      windows,
      step,
      refit_every: refitEvery,
      models,
      seed,
      cutoffs: result.plan.cutoffs.map(formatIsoDay),
    });
    await writeOutputFile(out, formatBacktestCsv(result.series));
    await writeOutputFile(summaryPath, JSON.stringify(summary, null, 2) + "\n");
    progress.line(`backtest done in ${progress.elapsed.toFixed(1)} s`);
    printOut(formatLeaderboard(summary.metrics));
    for (const [target, count] of Object.entries(summary.products_left_out)) {
      if (count === 0) continue;
      printOut(
        `${target}: ${count} product(s) left out of the pooled metrics: too young for some of ` +
          `the models (their own metrics are in summary.json)`,
      );
    }
    printOut(`wrote ${out} and ${summaryPath}`);
    return 0;
  },
});

/** The pooled metrics as a terminal table, best RMSSE first within each target. */
export function formatLeaderboard(
  metrics: { target: string; model: string; [key: string]: number | string }[],
): string {
  const sorted = [...metrics].sort((a, b) =>
    a.target === b.target ? Number(a.rmsse) - Number(b.rmsse) : a.target === "sales" ? -1 : 1
  );
  const f = (v: unknown, digits = 3) => Number(v).toFixed(digits);
  return formatTable(
    [
      "target",
      "model",
      "MAE",
      "RMSE",
      "WAPE",
      "WAPE 7d",
      "MASE",
      "RMSSE",
      "bias",
      "cov80",
      "cov95",
    ],
    sorted.map((m) => [
      m.target,
      m.model,
      f(m.mae, 2),
      f(m.rmse, 2),
      f(m.wape),
      f(m.wape_week),
      f(m.mase),
      f(m.rmsse),
      f(m.bias),
      f(m.coverage80, 2),
      f(m.coverage95, 2),
    ]),
  );
}
