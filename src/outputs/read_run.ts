/**
 * Reads a run back from its files — one directory, or the shards of one run — into the values
 * the pipeline produced, with the data for what the files leave out (histories, scales of the
 * errors, closed days): the one reader `merge` and `report --from` both stand on. Nothing is
 * recomputed but what spans all products (the caller's choice).
 * @module
 */

import { SpillFile } from "../forecast/backtest/spill.ts";
import { join } from "node:path";
import { readCsvRecords } from "../data/csv.ts";
import { parseOutputDay } from "../data/dates.ts";
import type { SeriesSet } from "../data/series.ts";
import type { Calendar } from "../data/calendar.ts";
import { readImportMeta } from "../data/import/meta.ts";
import { clipped, InputError, quoted } from "../io/errors.ts";
import { recoverDirectory } from "../io/write_dir_atomic.ts";
import { readText } from "../io/read_text.ts";
import { fromLaunch } from "../forecast/context.ts";
import {
  type DatasetForecast,
  resultKey,
  type TargetResult,
  TARGETS,
} from "../forecast/dataset/results.ts";
import type { ProductPlan } from "../inventory/plan.ts";
import type { Alert } from "../inventory/alerts/types.ts";
import type { SimulationResult } from "../inventory/simulation/simulate.ts";
import type { RunInput } from "./run_input.ts";
import { configOf, readRunSummary, type RunSummary } from "./run_summary.ts";
import { type ForecastTable, parseForecastCsv } from "./forecast_csv.ts";
import { BACKTEST_FILE, type ProductBacktestRows, readBacktestCsv } from "./backtest_csv.ts";
import type { BacktestWindow } from "../forecast/backtest/series.ts";
import { planFromRow } from "./plan_csv.ts";
import { dailyFromRows } from "./plan_daily_csv.ts";
import { alertFromRow } from "./alerts_csv.ts";
import { readSimulationJson } from "./simulation_json.ts";
import { windowsOf } from "./backtest_windows.ts";
import { shelfDemand } from "../inventory/pipeline.ts";
import { readDataOrderLines } from "../inventory/large_orders/read_beside.ts";
import type { OrderLine } from "../inventory/large_orders/lines.ts";

/** The data a run was made from: every product (after `--products`), its calendar and file. */
export interface RunData {
  /** Every product of the data (after `--products`). */
  all: SeriesSet;
  /** Their calendar. */
  calendar: Calendar;
  /** The daily CSV (its import summary and fingerprint are read again). */
  dataPath: string;
  /** Hears why `--large-order-units` has nothing to separate (no order lines beside the data). */
  note: (line: string) => void;
}

/** A run read back: the report's inputs, and whether the run(s) simulated the policies. */
export interface RunRead {
  /** The inputs; the simulation as written (one directory only: shards need it recomputed). */
  input: RunInput;
  /** Whether the directories hold a simulation. */
  simulated: boolean;
  /** The order lines beside the data, by product, when it has them. */
  orderLines?: Map<string, OrderLine[]>;
}

const hint = (dir: string) => `is ${dir} the --out directory of plan or report?`;

async function records(dir: string, name: string): Promise<Record<string, string>[]> {
  const path = join(dir, name);
  return readCsvRecords(await readText(path, hint(dir)), path);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/** Adds `rows` to `to` (a spread push overflows the call stack at millions of rows). */
function append<T>(to: T[], rows: readonly T[]): void {
  for (const row of rows) to.push(row);
}

/** Groups rows by product id, keeping first-seen order. */
function byProduct(rows: readonly Record<string, string>[]): Map<string, Record<string, string>[]> {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const list = groups.get(row.product_id);
    if (list) list.push(row);
    else groups.set(row.product_id, [row]);
  }
  return groups;
}

/** The summaries of the directories, and which directory holds each product. */
interface Summaries {
  summaries: RunSummary[];
  /** Which directory (its position among them) holds each product. */
  owner: Map<string, { entry: number; dir: string }>;
}

/** Reads the directories' summaries; a product in two of them is an error. */
async function readSummaries(dirs: readonly string[]): Promise<Summaries> {
  const read: Summaries = { summaries: [], owner: new Map() };
  for (const [entry, dir] of dirs.entries()) {
    await recoverDirectory(dir); // a swap killed between its renames is put back first
    const summary = await readRunSummary(join(dir, "summary.json"));
    read.summaries.push(summary);
    for (const choice of summary.choices) {
      const seen = read.owner.get(choice.product_id);
      if (seen && seen.entry !== entry) {
        throw new InputError(
          `product ${
            JSON.stringify(choice.product_id)
          } is in both ${seen.dir} and ${dir}; merge disjoint shards`,
        );
      }
      read.owner.set(choice.product_id, { entry, dir });
    }
  }
  return read;
}

/** What the directories' other files hold, file by file, before it is put in the set's order. */
interface Collected {
  tables: Map<string, ForecastTable>;
  plans: Record<string, string>[];
  daily: Record<string, string>[];
  alerts: Record<string, string>[];
  simulated: boolean;
}

/**
 * Reads the other files of the directories; each product's backtest rows are handed to
 * `onBacktest` as they are read, with the position of their directory.
 */
async function collect(
  dirs: readonly string[],
  onBacktest: (entry: number, productId: string, rows: ProductBacktestRows) => void,
): Promise<Collected> {
  const c: Collected = { tables: new Map(), plans: [], daily: [], alerts: [], simulated: false };
  for (const [entry, dir] of dirs.entries()) {
    const forecastPath = join(dir, "forecast.csv");
    for (
      const [key, table] of parseForecastCsv(await readText(forecastPath, hint(dir)), forecastPath)
    ) {
      c.tables.set(key, table);
    }
    // backtest.csv.gz; backtest.csv in directories written before it was compressed.
    for (const name of [BACKTEST_FILE, "backtest.csv"]) {
      const backtestPath = join(dir, name);
      if (!(await isFile(backtestPath))) continue;
      await readBacktestCsv(
        backtestPath,
        (productId, rows) => onBacktest(entry, productId, rows),
        hint(dir),
      );
      break;
    }
    append(c.plans, await records(dir, "plan.csv"));
    append(c.daily, await records(dir, "plan_daily.csv"));
    append(c.alerts, await records(dir, "alerts.csv"));
    try {
      await Deno.stat(join(dir, "simulation.json"));
      c.simulated = true;
    } catch {
      // no simulation in this directory
    }
  }
  return c;
}

/**
 * Reads the outputs of one or more directories (shards) for the products of `data.all`: the
 * products the directories hold, in the data's order, with their forecasts, backtests, plans,
 * alerts and choices, and the run configuration of the first directory.
 */
export async function readRun(dirs: readonly string[], data: RunData): Promise<RunRead> {
  const { summaries, owner } = await readSummaries(dirs);
  for (const [entry, summary] of summaries.entries()) {
    if (data.all.sha256 && summary.data.sha256 && summary.data.sha256 !== data.all.sha256) {
      throw new InputError(
        `was made from other data (${clipped(summary.data.source)}, SHA-256 ` +
          `${summary.data.sha256.slice(0, 12)}…) than --data (${
            data.all.sha256.slice(0, 12)
          }…); pass the data the run was made from`,
        { file: dirs[entry] },
      );
    }
  }
  const known = new Set(data.all.products.map((p) => p.id));
  const missing = [...owner.keys()].filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new InputError(
      `the outputs hold products that are not in the data: ${
        missing.slice(0, 5).join(", ")
      }; pass the same --data`,
    );
  }
  const products = data.all.products.filter((p) => owner.has(p.id));
  const summary = summaries[0];
  const options = configOf(summary);
  // With --large-order-units the run backtested the shelf's demand.
  const orderLines = await readDataOrderLines(data.dataPath, options.largeOrderUnits, data.note);
  const shelf = shelfDemand(data.all, data.all, {
    orderLines,
    largeOrderUnits: options.largeOrderUnits,
  }).set;
  const shelfOf = new Map(shelf.products.map((p) => [p.id, p]));
  // Each product's windows are made (and spilled) as soon as its rows are read: only one
  // product's rows are ever held as parsed numbers.
  const spill = new SpillFile();
  const windows = new Map<string, Map<string, Map<string, BacktestWindow[]>>>();
  const c = await collect(dirs, (entry, productId, rows) => {
    const product = shelfOf.get(productId);
    const home = owner.get(productId);
    if (!product || !home) return; // in no summary: not one of the run's products
    if (home.entry !== entry) {
      throw new InputError(
        `holds backtest rows of product ${quoted(productId)}, which is ${home.dir}'s ` +
          "(in its summary.json); merge the shards' own outputs, each written by its plan --shard",
        { file: dirs[entry] },
      );
    }
    // Scaled as the run scaled them: the shelf's demand since the product's launch.
    windows.set(product.id, windowsOf(rows, fromLaunch(product), data.calendar, spill));
  });
  const reasons = new Map(
    summaries.flatMap((s) => s.choices).map((choice) => [
      resultKey(choice.product_id, choice.target),
      choice.reason,
    ]),
  );
  const results = new Map<string, TargetResult>();
  for (const product of products) {
    const backtests = windows.get(product.id) ?? new Map();
    for (const target of TARGETS) {
      const key = resultKey(product.id, target);
      const table = c.tables.get(key);
      if (!table) continue;
      results.set(key, {
        ...table,
        reason: reasons.get(key) ?? "",
        backtests: backtests.get(key) ?? new Map(),
      });
    }
  }
  const backtest = summary.backtest;
  const forecast: DatasetForecast = {
    results,
    ...(backtest
      ? {
        backtest: {
          plan: {
            horizon: backtest.horizon,
            cutoffs: backtest.cutoffs.map((day) => parseOutputDay(day)!),
            refitEvery: backtest.refit_every,
            ...(backtest.network_refit_every !== undefined
              ? { networkRefitEvery: backtest.network_refit_every }
              : {}),
            ...(backtest.intervals ? { intervals: backtest.intervals } : {}),
          },
        },
      }
      : {}),
  };
  const daily = byProduct(c.daily);
  const planRows = byProduct(c.plans);
  const plans = new Map<string, ProductPlan>();
  for (const product of products) {
    const row = planRows.get(product.id)?.[0];
    if (row) plans.set(product.id, planFromRow(row, dailyFromRows(daily.get(product.id) ?? [])));
  }
  const alerts: Alert[] = c.alerts.map(alertFromRow);
  const simulation: SimulationResult | undefined = c.simulated && dirs.length === 1
    ? await readSimulationJson(join(dirs[0], "simulation.json"))
    : undefined;
  const set = { ...data.all, products: products.filter((p) => plans.has(p.id)) };
  return {
    input: {
      set,
      planning: {
        forecast,
        plans,
        alerts,
        simulation,
        ...(summary.no_simulation ? { noSimulation: summary.no_simulation } : {}),
      },
      options,
      importMeta: await readImportMeta(data.dataPath),
      calendar: data.calendar,
      dataFingerprint: data.all.sha256 ?? "",
    },
    simulated: c.simulated,
    ...(orderLines ? { orderLines } : {}),
  };
}
