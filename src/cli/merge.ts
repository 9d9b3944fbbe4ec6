/**
 * `deno task merge --from DIR[,DIR…] --out DIR`: combines the outputs of `plan --shard K/N` runs
 * into the files of one run (what `report --from` renders). Per-product files are concatenated in
 * product order; what spans all products — the policy simulation, the pooled metrics, the order of
 * the alerts — is recomputed from the merged rows.
 * @module
 */

import type { Command } from "./args.ts";
import { listFlag, optionalString, requiredString } from "./args.ts";
import { DATA_FLAGS, loadScoped } from "./common.ts";
import { InputError } from "../io/errors.ts";
import { optionsOf, readOutputs } from "../report/read_outputs.ts";
import { buildDataFiles } from "../report/build.ts";
import { writeFiles } from "../io/write_files.ts";
import { sortAlerts } from "../inventory/alerts.ts";
import { simulatePolicies } from "../inventory/compare.ts";
import { readImportMeta } from "../data/import/meta.ts";
import { DEFAULT_DATA_PATH } from "../data/read_daily.ts";
import { sha256Hex } from "../forecast/store/fingerprint.ts";

/** The `merge` command. */
export const mergeCommand: Command = {
  name: "merge",
  summary: "combine the outputs of plan --shard runs into one run's files",
  flags: {
    data: DATA_FLAGS.data,
    closed: DATA_FLAGS.closed,
    from: { type: "string", value: "DIRS", help: "the shards' --out directories, comma-separated" },
    out: { type: "string", value: "DIR", help: "directory for the merged files" },
  },
  examples: [
    "deno task merge --data data/big.csv --from shards/1,shards/2,shards/3,shards/4 --out merged",
    "deno task report --data data/big.csv --from merged --out reports/big",
  ],
  async run(values) {
    const dirs = listFlag(values, "from");
    if (!dirs) {
      throw new InputError("merge: --from is required; list the shards' --out directories");
    }
    const out = requiredString(values, "out", "merge");
    const { all, calendar } = await loadScoped(values);
    const outputs = await readOutputs(dirs, all, calendar);
    const { options, thresholds } = optionsOf(outputs.summary);
    const set = {
      ...all,
      products: all.products.filter((p) => outputs.plans.some((q) => q.productId === p.id)),
    };
    const planning = {
      forecast: outputs.forecast,
      plans: outputs.plans,
      alerts: sortAlerts(outputs.alerts),
      simulation: outputs.simulated
        ? simulatePolicies(set, outputs.forecast, options.settings, options.costs)
        : undefined,
    };
    const dataPath = optionalString(values, "data") ?? DEFAULT_DATA_PATH;
    const files = buildDataFiles({
      set,
      planning,
      options,
      thresholds,
      importMeta: await readImportMeta(dataPath),
      calendar,
      dataFingerprint: await sha256Hex(await Deno.readFile(dataPath)),
    });
    await writeFiles(out, files);
    console.log(
      `merged ${dirs.length} directories (${set.products.length} products) into ${out}/: ` +
        [...files.keys()].sort().join(", "),
    );
    return 0;
  },
};
