/**
 * `deno task plan --out DIR`: stock levels per product (service-level or multiplier policy), the
 * recommended inventory per day, alerts, orders when stock on hand is given, and with `--simulate`
 * the policies judged over the backtest days. Writes the data files of a report (forecast.csv,
 * plan.csv, plan_daily.csv, alerts.csv, backtest.csv, summary.json, simulation.json), so shards
 * can be merged and rendered with `report --from`.
 * @module
 */

import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { Progress } from "./progress.ts";
import { runFromConfig } from "./planning_run.ts";
import { SHARD_OPTIONS } from "../config/data_options.ts";
import { PLANNING_RUN_OPTIONS } from "../config/run_config.ts";
import { path, toggle } from "../config/option.ts";
import { buildDataFiles } from "../outputs/run_files.ts";
import { writeOutputDir } from "../io/output_dir.ts";
import { guardOutputDir } from "./output_guard.ts";
import { formatTable } from "../util/table.ts";

/** The `plan` command. */
export const planCommand = defineCommand({
  name: "plan",
  summary: "inventory levels, orders and alerts per product; --simulate compares the policies",
  options: {
    ...PLANNING_RUN_OPTIONS,
    ...SHARD_OPTIONS,
    simulate: toggle("simulate", "replay the backtest days through each policy (simulation.json)"),
    out: path("out", {
      value: "DIR",
      required: true,
      help: "directory for plan.csv, plan_daily.csv, alerts.csv, forecast.csv, backtest.csv, …",
    }),
  },
  examples: [
    "deno task plan --simulate --out reports/plan",
    "deno task plan --on-hand stock.csv --lead-time 14 --service-level 0.98 --out reports/plan",
    "deno task plan --simulate --shard 2/8 --out shards/2   # then: deno task merge",
  ],
  async run(config) {
    const out = config.out;
    await guardOutputDir(out, config, "plan");
    const progress = new Progress(config.quiet);
    const input = await runFromConfig(config, progress, config.simulate);
    const files = buildDataFiles(input);
    await writeOutputDir(out, "plan", files);
    progress.line(`plan done in ${progress.elapsed.toFixed(1)} s`);
    const { plans, simulation, alerts } = input.planning;
    printOut(formatTable(
      [
        "product",
        "policy",
        "net demand L+R",
        "safety stock",
        "reorder point",
        "order up to",
        "order now",
      ],
      [...plans.values()].map((p) => [
        p.productId,
        p.policy,
        p.levels.expectedNetDemand.toFixed(0),
        p.levels.safetyStock.toFixed(0),
        p.levels.reorderPoint.toFixed(0),
        p.levels.orderUpTo.toFixed(0),
        p.order ? String(p.order.quantity) : "",
      ]),
    ));
    if (simulation) {
      printOut("");
      printOut(formatTable(
        ["policy", "factor", "fill rate", "stockout days", "avg on hand", "total cost"],
        Object.entries(simulation.policies).map(([name, f]) => [
          name,
          f.factor === undefined ? "" : f.factor.toFixed(2),
          `${(f.fill_rate * 100).toFixed(1)} %`,
          String(f.stockout_days),
          f.avg_on_hand.toFixed(1),
          f.total_cost.toFixed(0),
        ]),
      ));
    }
    printOut(
      `${alerts.length} alert${alerts.length === 1 ? "" : "s"}` +
        (alerts.length ? `, most severe: ${alerts[0].productId} ${alerts[0].rule}` : ""),
    );
    printOut(`wrote ${out}/: ${[...files.keys()].sort().join(", ")}`);
    return 0;
  },
});
