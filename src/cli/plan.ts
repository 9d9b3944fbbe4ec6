/**
 * `deno task plan --out DIR`: stock levels per product (service-level or multiplier policy),
 * the recommended inventory per day, alerts, orders when stock on hand is given, and with
 * `--simulate` the policies judged over the backtest days.
 * @module
 */

import { join } from "node:path";
import type { Command } from "./args.ts";
import { integerFlag, listFlag, optionalString, requiredString } from "./args.ts";
import {
  calendarFor,
  checkModels,
  DATA_FLAGS,
  loadData,
  progressHooks,
  seedFlag,
  STORE_FLAGS,
} from "./common.ts";
import { PLAN_FLAGS, planSettings } from "./plan_flags.ts";
import { Progress } from "./progress.ts";
import { DEFAULT_CANDIDATES } from "../forecast/pipeline.ts";
import { DEFAULT_MODELS_DIR } from "../forecast/store/paths.ts";
import { PLANNING_BACKTEST, runPlanning } from "../inventory/pipeline.ts";
import { readOnHand } from "../inventory/on_hand.ts";
import { formatAlertsCsv, formatDailyPlanCsv, formatPlanCsv } from "../inventory/output.ts";
import { writeFileAtomic } from "../io/write_atomic.ts";
import { readImportMeta } from "../data/import/meta.ts";
import { DEFAULT_DATA_PATH } from "../data/read_daily.ts";
import { formatTable } from "../util/table.ts";

/** The `plan` command. */
export const planCommand: Command = {
  name: "plan",
  summary: "inventory levels, orders and alerts per product; --simulate compares the policies",
  flags: {
    ...DATA_FLAGS,
    ...STORE_FLAGS,
    ...PLAN_FLAGS,
    horizon: { type: "string", value: "N", default: "30", help: "days to plan over, 7 to 90" },
    models: {
      type: "string",
      value: "LIST",
      default: DEFAULT_CANDIDATES.join(","),
      help: "candidates of auto",
    },
    simulate: {
      type: "boolean",
      help: "replay the backtest days through each policy (simulation.json)",
    },
    out: {
      type: "string",
      value: "DIR",
      help: "directory for plan.csv, plan_daily.csv, alerts.csv, simulation.json",
    },
  },
  examples: [
    "deno task plan --simulate --out reports/plan",
    "deno task plan --on-hand stock.csv --lead-time 14 --service-level 0.98 --out reports/plan",
  ],
  async run(values) {
    const out = requiredString(values, "out", "plan");
    const parsed = planSettings(values);
    const horizon = integerFlag(values, "horizon", { min: 7, max: 90 });
    const candidates = checkModels(listFlag(values, "models")!, "--models");
    const seed = seedFlag(values);
    const positions = parsed.onHand ? await readOnHand(parsed.onHand) : undefined;
    const set = await loadData(values);
    const meta = await readImportMeta(optionalString(values, "data") ?? DEFAULT_DATA_PATH);
    const progress = new Progress(values.quiet === true);
    const calendar = calendarFor(set, values);
    if (positions) {
      const unknown = [...positions.keys()].filter((id) => !set.products.some((p) => p.id === id));
      if (unknown.length > 0) {
        progress.line(`note: --on-hand lists products not in the data: ${unknown.join(", ")}`);
      }
    }
    const result = await runPlanning(set, {
      horizon,
      candidates,
      backtest: PLANNING_BACKTEST,
      seed,
      store: { root: optionalString(values, "models-dir") ?? DEFAULT_MODELS_DIR, mode: "reuse" },
      policy: parsed.policy,
      settings: parsed.settings,
      thresholds: parsed.thresholds,
      costs: parsed.costs,
      positions,
      simulate: values.simulate === true,
      droppedMegaOrders: megaOrdersByProduct(meta?.megaOrders),
      calendar,
    }, progressHooks(progress));
    const written = [join(out, "plan.csv"), join(out, "plan_daily.csv"), join(out, "alerts.csv")];
    await writeFileAtomic(written[0], formatPlanCsv(result.plans, parsed.settings));
    await writeFileAtomic(written[1], formatDailyPlanCsv(result.plans));
    await writeFileAtomic(written[2], formatAlertsCsv(result.alerts));
    if (result.simulation) {
      written.push(join(out, "simulation.json"));
      await writeFileAtomic(written[3], JSON.stringify(result.simulation, null, 2) + "\n");
    }
    progress.line(`plan done in ${progress.elapsed.toFixed(1)} s`);
    console.log(formatTable(
      [
        "product",
        "policy",
        "net demand L+R",
        "safety stock",
        "reorder point",
        "order up to",
        "order now",
      ],
      result.plans.map((p) => [
        p.productId,
        p.policy,
        p.levels.expectedNetDemand.toFixed(0),
        p.levels.safetyStock.toFixed(0),
        p.levels.reorderPoint.toFixed(0),
        p.levels.orderUpTo.toFixed(0),
        p.order ? String(p.order.quantity) : "",
      ]),
    ));
    if (result.simulation) {
      console.log("");
      console.log(formatTable(
        ["policy", "factor", "fill rate", "stockout days", "avg on hand", "total cost"],
        Object.entries(result.simulation.policies).map(([name, f]) => [
          name,
          f.factor === undefined ? "" : f.factor.toFixed(2),
          `${(f.fill_rate * 100).toFixed(1)} %`,
          String(f.stockout_days),
          f.avg_on_hand.toFixed(1),
          f.total_cost.toFixed(0),
        ]),
      ));
    }
    console.log(
      `${result.alerts.length} alert${result.alerts.length === 1 ? "" : "s"}` +
        (result.alerts.length
          ? `, most severe: ${result.alerts[0].productId} ${result.alerts[0].rule}`
          : ""),
    );
    console.log(`wrote ${written.join(", ")}`);
    return 0;
  },
};

/** Counts dropped mega-orders per product from an import summary. */
export function megaOrdersByProduct(list: { product: string }[] | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of list ?? []) counts.set(entry.product, (counts.get(entry.product) ?? 0) + 1);
  return counts;
}
