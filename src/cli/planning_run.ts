/**
 * The run shared by `plan` and `report`: the demo data generated when the default file is
 * missing, the data, shard and calendar, the run configuration resolved once, the planning
 * pipeline, and the inputs of the output files.
 * @module
 */

import { loadScoped, progressHooks } from "./scope.ts";
import type { Progress } from "./progress.ts";
import type { Resolved } from "../config/option.ts";
import { DEMO_DATA } from "../config/data_options.ts";
import type { Shard } from "../data/shard.ts";
import {
  defaultCandidates,
  FORECAST_DAYS,
  PLANNING_RUN_OPTIONS,
  resolveRunConfig,
  today,
} from "../config/run_config.ts";
import { runPlanning, trainPlanningNetworks } from "../inventory/pipeline.ts";
import { isGlobal } from "../forecast/dataset/scope.ts";
import { readOnHand } from "../inventory/on_hand.ts";
import { readOrderConstraints } from "../inventory/order_constraints.ts";
import { readDataOrderLines } from "../inventory/large_orders/read_beside.ts";
import { readImportMeta } from "../data/import/meta.ts";
import { DEFAULT_DATA_PATH } from "../data/read_daily.ts";
import { generateSynthetic } from "../data/synthetic.ts";
import { writeDaily } from "../data/write_daily.ts";
import { exists } from "../io/write_dir_atomic.ts";
import type { RunInput } from "../outputs/run_input.ts";

/** The resolved options of a planning run (`plan` adds the shard). */
export type PlanningRunConfig = Resolved<typeof PLANNING_RUN_OPTIONS> & { shard?: Shard };

/** Writes the demo data when the default data file is missing (a fresh clone). */
export async function ensureDemoData(path: string, progress: Progress): Promise<void> {
  if (path !== DEFAULT_DATA_PATH || await exists(path)) return;
  progress.stage(
    `no ${path} yet: generating the demo data (${DEMO_DATA.products} products × ` +
      `${DEMO_DATA.days} days)`,
  );
  await writeDaily(path, generateSynthetic(DEMO_DATA));
}

/** Runs the planning pipeline from the resolved options and returns the output files' inputs. */
export async function runFromConfig(
  options: PlanningRunConfig,
  progress: Progress,
  simulate: boolean,
): Promise<RunInput> {
  const { scoped, config, pipeline, importMeta } = await prepareRun(options, progress, simulate);
  const planning = await runPlanning(scoped.set, pipeline, progressHooks(progress));
  return {
    set: scoped.set,
    planning,
    options: config,
    importMeta,
    calendar: scoped.calendar,
    dataFingerprint: scoped.all.sha256 ?? "",
  };
}

/**
 * Trains and saves the global networks (`lstm-global`) a planning run with these options uses,
 * on all products, and nothing else (`plan --networks-only`, the first job of a sharded run).
 * Returns the global candidates trained (none without one, or with no product long enough).
 */
export async function trainNetworksFromConfig(
  options: PlanningRunConfig,
  progress: Progress,
): Promise<readonly string[]> {
  const { scoped, pipeline } = await prepareRun(options, progress, false);
  if (!pipeline.candidates.some(isGlobal)) return [];
  return await trainPlanningNetworks(scoped.set, pipeline, progressHooks(progress));
}

/** The data, the run configuration and the pipeline's options of a planning run. */
async function prepareRun(options: PlanningRunConfig, progress: Progress, simulate: boolean) {
  const dataPath = options.data;
  const positions = options.onHand ? await readOnHand(options.onHand) : undefined;
  const constraints = options.orderConstraints
    ? await readOrderConstraints(options.orderConstraints)
    : undefined;
  await ensureDemoData(dataPath, progress);
  progress.stage(`read ${dataPath}`);
  const { all, set, calendar } = await loadScoped(
    options,
    (whole) => options.models ?? defaultCandidates(whole.products.length),
  );
  const config = {
    ...resolveRunConfig(options, all.products.length, today()),
    ...(constraints ? { constrainedProducts: constraints.size } : {}),
  };
  const known = new Set(all.products.map((p) => p.id));
  for (
    const [flag, listed] of [["--on-hand", positions], [
      "--order-constraints",
      constraints,
    ]] as const
  ) {
    const unknown = [...listed?.keys() ?? []].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      progress.line(
        `note: ${flag} lists products not in the data: ${unknown.slice(0, 5).join(", ")}` +
          (unknown.length > 5 ? `, … (${unknown.length})` : ""),
      );
    }
  }
  const orderLines = await readDataOrderLines(
    dataPath,
    options.largeOrderUnits,
    (note) => progress.line(note),
  );
  const importMeta = await readImportMeta(dataPath);
  const megaOrders = new Map<string, number>();
  for (const entry of importMeta?.megaOrders ?? []) {
    megaOrders.set(entry.product, (megaOrders.get(entry.product) ?? 0) + 1);
  }
  const pipeline = {
    ...config,
    store: { root: options.modelsDir, mode: "reuse" as const },
    positions,
    constraints,
    orderLines,
    simulate,
    droppedMegaOrders: megaOrders,
    calendar,
    poolSet: all,
    forecastDays: FORECAST_DAYS,
  };
  return { scoped: { all, set, calendar }, config, pipeline, importMeta };
}
