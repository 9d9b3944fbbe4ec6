/**
 * `deno task merge --from DIR[,DIR…] --out DIR`: combines the outputs of `plan --shard K/N` runs
 * into the files of one run (what `report --from` renders). Forecasts and backtests are
 * concatenated in product order; what spans all products is recomputed from the merged rows: the
 * plans (a shard pools forecast errors over its own products only; the merged plan pools over
 * all, as a single run does), the alerts, the policy simulation and the pooled metrics
 * (`replan.ts`); stock positions and order constraints come back from the shards' plan.csv.
 * @module
 */

import { printErr, printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { loadScoped } from "./scope.ts";
import { CLOSED, DATA } from "../config/data_options.ts";
import { list, path } from "../config/option.ts";
import { userPath } from "../io/user_paths.ts";
import { readRun } from "../outputs/read_run.ts";
import { buildDataFiles } from "../outputs/run_files.ts";
import { writeOutputDir } from "../io/output_dir.ts";
import { guardOutputDir } from "./output_guard.ts";
import { replanRun } from "./replan.ts";

/** The `merge` command. */
export const mergeCommand = defineCommand({
  name: "merge",
  summary: "combine the outputs of plan --shard runs into one run's files",
  options: {
    data: DATA,
    closed: CLOSED,
    from: list("from", {
      value: "DIRS",
      required: "list the shards' --out directories",
      help: "the shards' --out directories, comma-separated",
    }, (dirs) => dirs.map(userPath)),
    out: path("out", { value: "DIR", required: true, help: "directory for the merged files" }),
  },
  examples: [
    "deno task merge --data data/big.csv --from shards/1,shards/2,shards/3,shards/4 --out merged",
    "deno task report --data data/big.csv --from merged --out reports/big",
  ],
  async run(config) {
    const { from: dirs, out } = config;
    await guardOutputDir(out, config, "merge");
    const { all, calendar } = await loadScoped(config);
    const { input, simulated, orderLines } = await readRun(dirs, {
      all,
      calendar,
      dataPath: config.data,
      note: printErr,
    });
    const merged = replanRun(input, {
      all,
      calendar,
      simulate: simulated,
      ...(orderLines ? { orderLines } : {}),
    });
    const files = buildDataFiles(merged);
    await writeOutputDir(out, "merge", files);
    printOut(
      `merged ${dirs.length} directories (${input.set.products.length} products) into ${out}/: ` +
        [...files.keys()].sort().join(", "),
    );
    return 0;
  },
});
