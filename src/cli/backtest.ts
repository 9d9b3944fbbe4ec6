/**
 * `deno task backtest`: rolling-origin backtest of the models against each other, written as
 * the backtest CSV with `summary.json` (metrics per target and model, per product, choices)
 * beside it.
 * @module
 */

import { dirname, join } from "node:path";
import type { Command } from "./args.ts";
import { dateFlag, integerFlag, listFlag, requiredString } from "./args.ts";
import {
  checkModels,
  DATA_FLAGS,
  loadScoped,
  progressHooks,
  seedFlag,
  SHARD_FLAGS,
} from "./common.ts";
import { Progress } from "./progress.ts";
import { backtestDataset } from "../forecast/pipeline.ts";
import { DEFAULT_CANDIDATES } from "../forecast/registry.ts";
import { backtestSummary, formatBacktestCsv } from "../forecast/output.ts";
import { writeFileAtomic } from "../io/write_atomic.ts";
import { formatIsoDay } from "../data/dates.ts";
import { formatTable } from "../util/table.ts";

/** The `backtest` command. */
export const backtestCommand: Command = {
  name: "backtest",
  summary: "rolling-origin backtest of the models against the baselines",
  flags: {
    ...DATA_FLAGS,
    ...SHARD_FLAGS,
    horizon: { type: "string", value: "N", default: "28", help: "days forecast from each cutoff" },
    windows: { type: "string", value: "N", default: "4", help: "number of cutoffs" },
    step: { type: "string", value: "N", default: "28", help: "days between cutoffs" },
    "first-cutoff": {
      type: "string",
      value: "DATE",
      help: "first cutoff (default: the last window ends on the last day)",
    },
    "refit-every": {
      type: "string",
      value: "K",
      default: "1",
      help: "refit at every K-th cutoff; 0 fits once and rolls forward",
    },
    models: {
      type: "string",
      value: "LIST",
      default: DEFAULT_CANDIDATES.join(","),
      help: "models",
    },
    out: { type: "string", value: "FILE", help: "backtest CSV (summary.json goes beside it)" },
  },
  examples: [
    "deno task backtest --out reports/backtest/backtest.csv",
    "deno task backtest --models snaive7,ets,lstm,lstm-seed --refit-every 0 --out bt/backtest.csv",
  ],
  async run(values) {
    const out = requiredString(values, "out", "backtest");
    const options = {
      horizon: integerFlag(values, "horizon", { min: 1, max: 365 }),
      windows: integerFlag(values, "windows", { min: 1, max: 100 }),
      step: integerFlag(values, "step", { min: 1, max: 365 }),
      refitEvery: integerFlag(values, "refit-every", { min: 0, max: 100 }),
      ...(values["first-cutoff"] ? { firstCutoff: dateFlag(values, "first-cutoff") } : {}),
      models: checkModels(listFlag(values, "models")!, "--models"),
      seed: seedFlag(values),
    };
    const { all, set, calendar } = await loadScoped(values, options.models);
    const progress = new Progress(values.quiet === true);
    const result = await backtestDataset(
      set,
      { ...options, calendar, poolSet: all },
      progressHooks(progress),
    );
    const summary = backtestSummary(result.series, result.choices, {
      data: set.source,
      horizon: options.horizon,
      windows: options.windows,
      step: options.step,
      refit_every: options.refitEvery,
      models: options.models,
      seed: options.seed,
      cutoffs: result.plan.cutoffs.map(formatIsoDay),
    });
    const summaryPath = join(dirname(out), "summary.json");
    await writeFileAtomic(out, formatBacktestCsv(result.series));
    await writeFileAtomic(summaryPath, JSON.stringify(summary, null, 2) + "\n");
    progress.line(`backtest done in ${progress.elapsed.toFixed(1)} s`);
    console.log(formatLeaderboard(summary.metrics));
    for (const [target, count] of Object.entries(summary.products_left_out)) {
      if (count === 0) continue;
      console.log(
        `${target}: ${count} product(s) left out of the pooled metrics: too young for some of ` +
          `the models (their own metrics are in summary.json)`,
      );
    }
    console.log(`wrote ${out} and ${summaryPath}`);
    return 0;
  },
};

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
