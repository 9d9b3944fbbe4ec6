/**
 * `deno task plan --out DIR`: stock levels per product (fill-rate, cycle-service, cost or
 * multiplier policy), the recommended inventory per day, alerts, orders when stock on hand is
 * given (in case packs with `--order-constraints`), and with `--simulate` the policies replayed
 * over the last half-year. Writes the data files of a report (forecast.csv,
 * plan.csv, plan_daily.csv, alerts.csv, backtest.csv, summary.json, simulation.json), so shards
 * can be merged and rendered with `report --from`.
 * @module
 */

import { modelNamed } from "../forecast/registry.ts";
import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { Progress } from "./progress.ts";
import { type PlanningRunConfig, runFromConfig, trainNetworksFromConfig } from "./planning_run.ts";
import { InputError } from "../io/errors.ts";
import { checkModelsDir } from "./output_guard.ts";
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
    simulate: toggle(
      "simulate",
      "replay the last 26 weeks through each policy, re-planned weekly (simulation.json)",
    ),
    out: path("out", {
      value: "DIR",
      help: "directory for plan.csv, plan_daily.csv, alerts.csv, forecast.csv, backtest.csv, … " +
        "(required unless --networks-only)",
    }),
    networksOnly: toggle(
      "networks-only",
      "only train and save in --models-dir the global networks (lstm-global) of this plan, on " +
        "all products: the first job of a sharded run, whose shards then load them",
    ),
  },
  examples: [
    "deno task plan --simulate --out reports/plan",
    "deno task plan --on-hand stock.csv --lead-time 14 --fill-rate 0.98 --out reports/plan",
    "deno task plan --policy cost --holding-cost 0.02 --order-constraints packs.csv --out reports/plan",
    "deno task plan --data data/big.csv --networks-only   # first job of a sharded run",
    "deno task plan --simulate --shard 2/8 --out shards/2   # then: deno task merge",
  ],
  async run(config) {
    const progress = new Progress(config.quiet);
    if (config.networksOnly) return await trainNetworks(config, progress);
    const out = config.out;
    if (out === undefined) {
      throw new InputError("plan: --out is required; see `deno task plan --help`");
    }
    await guardOutputDir(out, config, "plan");
    const input = await runFromConfig(config, progress, config.simulate);
    const files = buildDataFiles(input);
    await writeOutputDir(out, "plan", files);
    progress.line(`plan done in ${progress.elapsed.toFixed(1)} s`);
    const { plans, simulation, alerts, noSimulation } = input.planning;
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
        [
          "policy",
          "target/factor",
          "fill rate",
          "cycle service",
          "stockout days",
          "avg stock",
          "total cost",
        ],
        Object.entries(simulation.policies).map(([name, f]) => [
          name,
          f.target !== undefined ? String(f.target) : f.factor !== undefined ? `× ${f.factor}` : "",
          `${(f.fill_rate * 100).toFixed(2)} %`,
          `${(f.cycle_service * 100).toFixed(2)} %`,
          String(f.stockout_days),
          f.avg_stock.toFixed(0),
          f.total_cost.toFixed(0),
        ]),
      ));
    }
    if (noSimulation) printOut(`no simulation: ${noSimulation}`);
    printOut(
      `${alerts.length} alert${alerts.length === 1 ? "" : "s"}` +
        (alerts.length ? `, most severe: ${alerts[0].productId} ${alerts[0].rule}` : ""),
    );
    printOut(`wrote ${out}/: ${[...files.keys()].sort().join(", ")}`);
    return 0;
  },
});

/** `plan --networks-only`: the global networks trained and saved, nothing written beside them. */
async function trainNetworks(
  config: PlanningRunConfig & { out?: string; simulate: boolean },
  progress: Progress,
): Promise<number> {
  if (config.shard) {
    throw new InputError(
      "--networks-only trains on all products: leave out --shard (the shards then load them)",
    );
  }
  if (config.out !== undefined || config.simulate) {
    throw new InputError(
      "--networks-only writes only the networks in --models-dir; leave out --out and --simulate",
    );
  }
  await checkModelsDir(config.modelsDir);
  const trained = await trainNetworksFromConfig(config, progress);
  if (trained.length === 0) {
    printOut(
      "nothing to train: the candidates have no global network (lstm-global is a default " +
        "candidate above 50 products, or list it in --models), or no product has the days of " +
        `history it needs (lstm-global: ${modelNamed("lstm-global").minHistory})`,
    );
    return 0;
  }
  progress.line(`networks done in ${progress.elapsed.toFixed(1)} s`);
  printOut(`saved ${trained.join(", ")} (sales and returns) in ${config.modelsDir}/.all/`);
  return 0;
}
