/**
 * `deno task merge --from DIR[,DIR…] --out DIR`: combines the outputs of `plan --shard K/N` runs
 * into the files of one run (what `report --from` renders). Forecasts and backtests are
 * concatenated in product order; what spans all products is recomputed from the merged rows: the
 * plans (a shard pools forecast errors over its own products only; the merged plan pools over
 * all, as a single run does), the alerts, the policy simulation and the pooled metrics. Stock
 * positions and order constraints come back from the shards' plan.csv.
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
import { layoutOf, planFromForecast, shelfDemand } from "../inventory/pipeline.ts";
import type { StockPosition } from "../inventory/plan.ts";
import type { OrderConstraint } from "../inventory/policies/constraints.ts";
import { readDataOrderLines } from "../inventory/large_orders/read_beside.ts";
import { printErr } from "./print.ts";

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
    const { planning, options } = input;
    const positions = new Map<string, StockPosition>();
    const constraints = new Map<string, OrderConstraint>();
    for (const plan of planning.plans.values()) {
      if (plan.order) positions.set(plan.productId, plan.order);
      if (plan.constraint) {
        constraints.set(plan.productId, { ...plan.constraint, leadTime: plan.leadTime });
      }
    }
    const orderLines = await readDataOrderLines(config.data, options.largeOrderUnits, printErr);
    const shelf = shelfDemand(input.set, all, {
      orderLines,
      largeOrderUnits: options.largeOrderUnits,
    });
    const plan = planning.forecast.backtest!.plan;
    const megaOrders = new Map<string, number>();
    for (const entry of input.importMeta?.megaOrders ?? []) {
      megaOrders.set(entry.product, (megaOrders.get(entry.product) ?? 0) + 1);
    }
    const merged = planFromForecast(
      shelf.set,
      planning.forecast,
      layoutOf(
        shelf.poolSet,
        options.settings,
        undefined,
        plan.horizon - options.settings.reviewPeriod,
      ),
      {
        ...options,
        positions: positions.size > 0 ? positions : undefined,
        constraints: constraints.size > 0 ? constraints : undefined,
        orderLines,
        simulate: simulated,
        droppedMegaOrders: megaOrders,
        calendar,
        largeOrders: shelf.large,
      },
    );
    const files = buildDataFiles({ ...input, planning: merged });
    await writeOutputDir(out, "merge", files);
    printOut(
      `merged ${dirs.length} directories (${input.set.products.length} products) into ${out}/: ` +
        [...files.keys()].sort().join(", "),
    );
    return 0;
  },
});
