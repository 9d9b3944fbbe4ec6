/**
 * `deno task merge --from DIR[,DIR…] --out DIR`: combines the outputs of `plan --shard K/N` runs
 * into the files of one run (what `report --from` renders). Per-product files are concatenated in
 * product order; what spans all products — the policy simulation, the pooled metrics, the order of
 * the alerts — is recomputed from the merged rows.
 * @module
 */

import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { loadScoped } from "./scope.ts";
import { CLOSED, DATA } from "../config/data_options.ts";
import { list, path } from "../config/option.ts";
import { userPath } from "../io/user_paths.ts";
import { readRun } from "../outputs/read_run.ts";
import { buildDataFiles } from "../outputs/run_files.ts";
import { writeOutputDir } from "../io/output_dir.ts";
import { guardOutputDir } from "./output_guard.ts";
import { sortAlerts } from "../inventory/alerts/raise.ts";
import { simulatePolicies } from "../inventory/compare.ts";

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
    const { input, simulated } = await readRun(dirs, { all, calendar, dataPath: config.data });
    const { set, planning, options } = input;
    const files = buildDataFiles({
      ...input,
      planning: {
        ...planning,
        alerts: sortAlerts(planning.alerts),
        simulation: simulated
          ? simulatePolicies(set, planning.forecast, options.settings, options.costs)
          : undefined,
      },
    });
    await writeOutputDir(out, "merge", files);
    printOut(
      `merged ${dirs.length} directories (${set.products.length} products) into ${out}/: ` +
        [...files.keys()].sort().join(", "),
    );
    return 0;
  },
});
