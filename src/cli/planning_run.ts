/**
 * The run shared by `plan` and `report`: flags, data (with the demo generated when the default file
 * is missing), shard, calendar, the planning pipeline, and the inputs of the output files.
 * @module
 */

import { basename } from "node:path";
import type { FlagSpecs, FlagValues } from "./args.ts";
import { integerFlag, listFlag, optionalString } from "./args.ts";
import {
  checkModels,
  DATA_FLAGS,
  loadScoped,
  progressHooks,
  seedFlag,
  STORE_FLAGS,
} from "./common.ts";
import { PLAN_FLAGS, planSettings } from "./plan_flags.ts";
import type { Progress } from "./progress.ts";
import { DEFAULT_CANDIDATES, modelNamed } from "../forecast/registry.ts";
import { DEFAULT_MODELS_DIR } from "../forecast/store/paths.ts";
import { sha256Hex } from "../forecast/store/fingerprint.ts";
import { PLANNING_BACKTEST, runPlanning } from "../inventory/pipeline.ts";
import { readOnHand } from "../inventory/on_hand.ts";
import { readImportMeta } from "../data/import/meta.ts";
import { DEFAULT_DATA_PATH } from "../data/read_daily.ts";
import { generateSynthetic } from "../data/synthetic.ts";
import { writeDaily } from "../data/write_daily.ts";
import { parseIsoDay } from "../data/dates.ts";
import { exists } from "../io/write_dir_atomic.ts";
import type { ReportInput } from "../report/build.ts";

/** Above this many products, `auto`'s default LSTM is the global one (one network per target). */
export const GLOBAL_LSTM_FROM = 50;

/** Flags of a planning run. */
export const RUN_FLAGS: FlagSpecs = {
  ...DATA_FLAGS,
  ...STORE_FLAGS,
  ...PLAN_FLAGS,
  horizon: {
    type: "string",
    value: "N",
    default: "30",
    help: "days to forecast and plan, 7 to 90",
  },
  models: {
    type: "string",
    value: "LIST",
    help: `candidates of auto (default: ${DEFAULT_CANDIDATES.join(",")}; ` +
      `lstm-global instead of lstm above ${GLOBAL_LSTM_FROM} products)`,
  },
  title: {
    type: "string",
    value: "TEXT",
    help: "report title (default: Returncast report — DATA)",
  },
  detail: { type: "string", value: "N", default: "50", help: "most products with a detail page" },
};

/** The default candidates for a number of products. */
export function defaultCandidates(products: number): string[] {
  return products > GLOBAL_LSTM_FROM
    ? DEFAULT_CANDIDATES.map((m) => modelNamed(m).atScale ?? m)
    : [...DEFAULT_CANDIDATES];
}

/** The name a data file gives its outputs: `data/top50.csv.gz` → `top50`. */
export function dataName(path: string): string {
  return basename(path).replace(/\.csv(\.gz)?$/i, "");
}

/** Writes the demo data when the default data file is missing (a fresh clone). */
export async function ensureDemoData(path: string, progress: Progress): Promise<void> {
  if (path !== DEFAULT_DATA_PATH || await exists(path)) return;
  progress.stage(`no ${path} yet: generating the demo data (5 products × 730 days)`);
  const demo = generateSynthetic({
    products: 5,
    days: 730,
    start: parseIsoDay("2023-01-01")!,
    seed: 42,
  });
  await writeDaily(path, demo);
}

/** Runs the planning pipeline from the flags and returns the inputs of the output files. */
export async function runFromFlags(
  values: FlagValues,
  progress: Progress,
  simulate: boolean,
): Promise<ReportInput> {
  const dataPath = optionalString(values, "data") ?? DEFAULT_DATA_PATH;
  const parsed = planSettings(values);
  const horizon = integerFlag(values, "horizon", { min: 7, max: 90 });
  const detailLimit = integerFlag(values, "detail", { min: 1, max: 100_000 });
  const requested = listFlag(values, "models");
  if (requested) checkModels(requested, "--models");
  const seed = seedFlag(values);
  const positions = parsed.onHand ? await readOnHand(parsed.onHand) : undefined;
  await ensureDemoData(dataPath, progress);
  progress.stage(`read ${dataPath}`);
  const { all, set, calendar, models: candidates } = await loadScoped(
    values,
    (whole) => requested ?? defaultCandidates(whole.products.length),
  );
  if (positions) {
    const unknown = [...positions.keys()].filter((id) => !all.products.some((p) => p.id === id));
    if (unknown.length > 0) {
      progress.line(`note: --on-hand lists products not in the data: ${unknown.join(", ")}`);
    }
  }
  const importMeta = await readImportMeta(dataPath);
  const megaOrders = new Map<string, number>();
  for (const entry of importMeta?.megaOrders ?? []) {
    megaOrders.set(entry.product, (megaOrders.get(entry.product) ?? 0) + 1);
  }
  const planning = await runPlanning(set, {
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
    simulate,
    droppedMegaOrders: megaOrders,
    calendar,
    poolSet: all,
  }, progressHooks(progress));
  return {
    set,
    planning,
    options: {
      title: optionalString(values, "title") ?? `Returncast report — ${dataName(dataPath)}`,
      runDate: new Date().toISOString().slice(0, 10),
      dataLabel: basename(dataPath),
      horizon,
      policy: parsed.policy,
      settings: parsed.settings,
      costs: parsed.costs,
      candidates,
      seed,
      detailLimit,
    },
    thresholds: parsed.thresholds,
    importMeta,
    calendar,
    dataFingerprint: await sha256Hex(await Deno.readFile(dataPath)),
  };
}
