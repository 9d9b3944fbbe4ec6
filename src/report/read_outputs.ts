/**
 * Reads a run's data files back (forecast.csv, backtest.csv, plan.csv, plan_daily.csv,
 * alerts.csv, summary.json, simulation.json) into the values the pipeline produced, with the data
 * for what the files leave out (histories, scales of the errors, closed days). `merge` and
 * `report --from` stand on it: nothing is recomputed but what spans all products.
 * @module
 */

import { join } from "node:path";
import { forEachCsvRow, parseCsvRows } from "../data/csv.ts";
import { parseIsoDay } from "../data/dates.ts";
import type { SeriesSet } from "../data/series.ts";
import { type Calendar, openMask } from "../data/calendar.ts";
import { InputError } from "../io/errors.ts";
import { readText } from "../io/read_text.ts";
import type { Forecast, Target } from "../forecast/types.ts";
import type { ForecastTable } from "../forecast/output.ts";
import type { BacktestWindow, SeriesBacktest } from "../forecast/backtest/series.ts";
import type { BacktestResult } from "../forecast/backtest/run.ts";
import { naiveScales } from "../forecast/metrics.ts";
import { chooseModels } from "../forecast/select.ts";
import type { DatasetForecast } from "../forecast/pipeline.ts";
import type { ProductPlan } from "../inventory/plan.ts";
import type { Alert, AlertThresholds, Severity } from "../inventory/alerts.ts";
import type { SimulationResult } from "../inventory/compare.ts";
import type { PolicyName, PolicySettings } from "../inventory/policy.ts";
import type { ReportOptions } from "./context.ts";

/** What summary.json says about the run (as `buildDataFiles` wrote it). */
export interface RunSummary {
  parameters: {
    title: string;
    run_date: string;
    horizon: number;
    policy: PolicyName;
    lead_time: number;
    review_period: number;
    restock_rate: number;
    service_level: number;
    safety_factor: number;
    holding_cost: number;
    shortage_cost: number;
    models: string[];
    seed: number;
    detail: number;
    thresholds: AlertThresholds;
  };
  data: { source: string; sha256: string };
  backtest: { horizon: number; refit_every: number; cutoffs: string[] } | null;
  choices: { product_id: string; target: Target; model: string; reason: string }[];
}

/** A run read back from its files. */
export interface RunOutputs {
  summary: RunSummary;
  forecast: DatasetForecast;
  plans: ProductPlan[];
  alerts: Alert[];
  /** Whether the run(s) simulated the policies. */
  simulated: boolean;
  /** The simulation as written (one directory only: across shards it must be recomputed). */
  simulation?: SimulationResult;
}

/** The report options and thresholds a summary records. */
export function optionsOf(
  summary: RunSummary,
): { options: ReportOptions; thresholds: AlertThresholds } {
  const p = summary.parameters;
  const settings: PolicySettings = {
    leadTime: p.lead_time,
    reviewPeriod: p.review_period,
    restockRate: p.restock_rate,
    serviceLevel: p.service_level,
    safetyFactor: p.safety_factor,
  };
  return {
    options: {
      title: p.title,
      runDate: p.run_date,
      dataLabel: summary.data.source,
      horizon: p.horizon,
      policy: p.policy,
      settings,
      costs: { holding: p.holding_cost, shortage: p.shortage_cost },
      candidates: p.models,
      seed: p.seed,
      detailLimit: p.detail,
    },
    thresholds: p.thresholds,
  };
}

async function csv(dir: string, name: string): Promise<Record<string, string>[]> {
  const path = join(dir, name);
  const text = await readText(path, `is ${dir} the --out directory of plan or report?`);
  const [header, ...rows] = parseCsvRows(text);
  return rows.filter((row) => row.length > 1).map((row) =>
    Object.fromEntries(header.map((h, i) => [h, row[i]]))
  );
}

/** The numeric columns of backtest.csv, as kept per window. */
const BACKTEST_NUMBERS = ["forecast", "lo80", "hi80", "lo95", "hi95", "actual"] as const;

/** One backtest window's columns, in row order. */
type WindowColumns = Record<(typeof BACKTEST_NUMBERS)[number], number[]>;

/** backtest.csv grouped while it is parsed: product → "target\0model" → cutoff → columns. */
type BacktestRows = Map<string, Map<string, Map<string, WindowColumns>>>;

/**
 * Adds the rows of `dir`'s backtest.csv (if it has one) to `into`. Rows go straight into numbers
 * per window: at 1,000 products the file holds millions of rows, and a record of strings per row
 * took gigabytes.
 */
async function readBacktestRows(dir: string, into: BacktestRows): Promise<void> {
  const path = join(dir, "backtest.csv");
  let text: string;
  try {
    text = await readText(path, `is ${dir} the --out directory of plan or report?`);
  } catch (error) {
    if (error instanceof InputError) return;
    throw error;
  }
  const names = ["product_id", "target", "model", "cutoff", ...BACKTEST_NUMBERS];
  let at: Record<string, number> = {};
  forEachCsvRow(text, (fields, index) => {
    if (index === 0) {
      at = Object.fromEntries(fields.map((name, i) => [name, i]));
      const missing = names.filter((name) => at[name] === undefined);
      if (missing.length > 0) {
        throw new InputError(`no ${missing.join(", ")} column; was it written by Returncast?`, {
          file: path,
        });
      }
      return;
    }
    if (fields.length <= 1) return;
    const product = fields[at.product_id];
    let groups = into.get(product);
    if (!groups) into.set(product, groups = new Map());
    const key = `${fields[at.target]}\u0000${fields[at.model]}`;
    let windows = groups.get(key);
    if (!windows) groups.set(key, windows = new Map());
    const cutoff = fields[at.cutoff];
    let columns = windows.get(cutoff);
    if (!columns) {
      columns = { forecast: [], lo80: [], hi80: [], lo95: [], hi95: [], actual: [] };
      windows.set(cutoff, columns);
    }
    for (const name of BACKTEST_NUMBERS) columns[name].push(Number(fields[at[name]]));
  });
}

/** Appends `rows` to `to` (a spread push overflows the call stack at millions of rows). */
function append<T>(to: T[], rows: readonly T[]): void {
  for (const row of rows) to.push(row);
}

/** Groups rows by a key, keeping first-seen order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** A forecast from its CSV columns (`forecast`, `lo80`, …), however they were read. */
function forecastOf(
  column: (name: Exclude<(typeof BACKTEST_NUMBERS)[number], "actual">) => Float64Array,
): Forecast {
  return {
    mean: column("forecast"),
    lo80: column("lo80"),
    hi80: column("hi80"),
    lo95: column("lo95"),
    hi95: column("hi95"),
  };
}

const day = (text: string) => parseIsoDay(text)!;

/**
 * Reads the outputs of one or more directories (shards) for the products of `set`. Products are
 * put in the set's order; a product in two directories is an error.
 */
export async function readOutputs(
  dirs: readonly string[],
  set: SeriesSet,
  calendar: Calendar,
): Promise<RunOutputs> {
  const summaries: RunSummary[] = [];
  const forecastRows: Record<string, string>[] = [];
  const backtestRows: BacktestRows = new Map();
  const planRows: Record<string, string>[] = [];
  const dailyRows: Record<string, string>[] = [];
  const alertRows: Record<string, string>[] = [];
  const owner = new Map<string, { entry: number; dir: string }>();
  let simulated = false;
  for (const [entry, dir] of dirs.entries()) {
    const path = join(dir, "summary.json");
    let summary: RunSummary;
    try {
      summary = JSON.parse(await Deno.readTextFile(path));
    } catch {
      throw new InputError(
        "missing or unreadable summary.json; is this the --out directory of plan or report?",
        {
          file: path,
        },
      );
    }
    summaries.push(summary);
    for (const choice of summary.choices) {
      const seen = owner.get(choice.product_id);
      if (seen && seen.entry !== entry) {
        throw new InputError(
          `product ${
            JSON.stringify(choice.product_id)
          } is in both ${seen.dir} and ${dir}; merge disjoint shards`,
        );
      }
      owner.set(choice.product_id, { entry, dir });
    }
    append(forecastRows, await csv(dir, "forecast.csv"));
    await readBacktestRows(dir, backtestRows);
    append(planRows, await csv(dir, "plan.csv"));
    append(dailyRows, await csv(dir, "plan_daily.csv"));
    append(alertRows, await csv(dir, "alerts.csv"));
    try {
      await Deno.stat(join(dir, "simulation.json"));
      simulated = true;
    } catch {
      // no simulation in this directory
    }
  }
  const products = set.products.filter((p) => owner.has(p.id));
  const missing = [...owner.keys()].filter((id) => !set.products.some((p) => p.id === id));
  if (missing.length > 0) {
    throw new InputError(
      `the outputs hold products that are not in the data: ${
        missing.slice(0, 5).join(", ")
      }; pass the same --data`,
    );
  }
  const order = new Map(products.map((p, i) => [p.id, i]));
  const byProduct = <T extends Record<string, string>>(rows: T[]) =>
    [...groupBy(rows, (r) => r.product_id)].sort((a, b) => order.get(a[0])! - order.get(b[0])!);

  const tables: ForecastTable[] = byProduct(forecastRows).flatMap(([, rows]) =>
    [...groupBy(rows, (r) => r.target)].map(([target, group]) => ({
      productId: group[0].product_id,
      target: target as Target,
      model: group[0].model,
      firstDay: day(group[0].date),
      forecast: forecastOf((name) => Float64Array.from(group, (r) => Number(r[name]))),
    }))
  );

  const summary = summaries[0];
  const plan = summary.backtest;
  const series: SeriesBacktest[] = [...backtestRows]
    .filter(([id]) => order.has(id))
    .sort((a, b) => order.get(a[0])! - order.get(b[0])!)
    .flatMap(([id, groups]) => {
      const product = products[order.get(id)!];
      return [...groups].map(([key, byCutoff]): SeriesBacktest => {
        const [target, model] = key.split("\u0000") as [Target, string];
        const raw = target === "sales" ? product.sales : product.returns;
        const windows = [...byCutoff].map(([cutoff, columns]): BacktestWindow => {
          const cut = day(cutoff);
          const length = cut - product.start + 1;
          return {
            cutoff: cut,
            forecast: forecastOf((name) => Float64Array.from(columns[name])),
            actual: Float64Array.from(columns.actual),
            open: openMask(
              calendar,
              cut + 1,
              columns.actual.length,
              product.start + raw.length - 1,
            ),
            scales: naiveScales(raw.subarray(0, length)),
          };
        });
        return { productId: id, target, model, windows };
      });
    });
  const backtest: BacktestResult | undefined = plan
    ? {
      plan: { horizon: plan.horizon, cutoffs: plan.cutoffs.map(day), refitEvery: plan.refit_every },
      series,
      choices: chooseModels(series),
    }
    : undefined;

  const daily = groupBy(dailyRows, (r) => r.product_id);
  const plans: ProductPlan[] = byProduct(planRows).map(([id, [row]]) => {
    const days = daily.get(id) ?? [];
    const number = (
      name: string,
    ) => (row[name] === undefined || row[name] === "" ? NaN : Number(row[name]));
    return {
      productId: id,
      policy: row.policy as PolicyName,
      z: number("z"),
      sigma: number("sigma"),
      levels: {
        expectedNetDemand: number("expected_net_demand"),
        safetyStock: number("safety_stock"),
        reorderPoint: number("reorder_point"),
        orderUpTo: number("order_up_to"),
      },
      firstDay: days.length > 0 ? day(days[0].date) : NaN,
      daily: {
        sales: Float64Array.from(days, (r) => Number(r.forecast_sales)),
        returns: Float64Array.from(days, (r) => Number(r.forecast_returns)),
        recommended: Float64Array.from(days, (r) => Number(r.recommended_inventory)),
      },
      ...(row.order_qty !== undefined && row.order_qty !== ""
        ? {
          order: {
            onHand: number("on_hand"),
            onOrder: number("on_order"),
            quantity: number("order_qty"),
          },
        }
        : {}),
    };
  });

  const alerts: Alert[] = alertRows.map((r) => ({
    productId: r.product_id,
    severity: r.severity as Severity,
    rule: r.rule,
    value: Number(r.value),
    threshold: Number(r.threshold),
    message: r.message,
    action: r.action,
  }));
  const reasons = summaries.flatMap((s) => s.choices)
    .filter((c) => order.has(c.product_id))
    .sort((a, b) =>
      order.get(a.product_id)! - order.get(b.product_id)! || (a.target === "sales" ? -1 : 1)
    )
    .map((c) => ({ productId: c.product_id, target: c.target, model: c.model, reason: c.reason }));
  const simulation = simulated && dirs.length === 1
    ? JSON.parse(await Deno.readTextFile(join(dirs[0], "simulation.json"))) as SimulationResult
    : undefined;
  return {
    summary: { ...summary, choices: summaries.flatMap((s) => s.choices) },
    forecast: { tables, outcomes: [], backtest, reasons },
    plans,
    alerts,
    simulated,
    ...(simulation ? { simulation } : {}),
  };
}
