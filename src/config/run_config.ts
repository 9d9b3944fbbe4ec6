/**
 * The configuration of a planning run (`plan`, `report`, `merge`, `report --from`), resolved
 * once — from the flags ({@link resolveRunConfig}) or from a run's `summary.json`
 * (`outputs/run_summary.ts`) — and handed down whole: nothing downstream re-defaults a setting.
 * @module
 */

import { basename, join } from "node:path";
import type { PolicySettings } from "../inventory/policies/types.ts";
import type { PolicyName } from "../inventory/policies/registry.ts";
import type { AlertThresholds } from "../inventory/alerts/types.ts";
import { DEFAULT_CANDIDATES, modelNamed } from "../forecast/registry.ts";
import { describedAs, integer, list, type Resolved, text } from "./option.ts";
import { DATA_OPTIONS, STORE_OPTIONS } from "./data_options.ts";
import { checkModels, HORIZON } from "./forecast_options.ts";
import { PLAN_OPTIONS, type PlanSettings, planSettings } from "./plan_options.ts";

/** A planning run's settings, as the report states them. */
export interface RunConfig {
  /** The report's title. */
  title: string;
  /** Run date, YYYY-MM-DD. */
  runDate: string;
  /** How the data source is named in the report (a file name). */
  dataLabel: string;
  /** Days to forecast and plan. */
  horizon: number;
  /** The stocking policy. */
  policy: PolicyName;
  /** The policies' settings (costs included). */
  settings: PolicySettings;
  /** Order lines above this many units were served from outside stock. */
  largeOrderUnits?: number;
  /** Products with order constraints (case pack, minimum order, lead time). */
  constrainedProducts?: number;
  /** The alert thresholds. */
  thresholds: AlertThresholds;
  /** Candidates of `auto`. */
  candidates: readonly string[];
  /** Seed. */
  seed: number;
  /** Most products with a detail section. */
  detailLimit: number;
}

/** Above this many products, `auto`'s default candidates use the models' at-scale variants. */
export const GLOBAL_LSTM_FROM = 50;

/**
 * Days every planning run (`plan`, `report`) forecasts and writes to forecast.csv, whatever its
 * `--horizon`: the report's explorer lets readers look up to 90 days ahead. The horizon still sets
 * the figures, the daily plan and the alerts, and the planning backtest keeps its own length
 * (the horizon, or L + R when longer), so σ and the simulation do not depend on this.
 */
export const FORECAST_DAYS = 90;

/** The options of a planning run after the data and planning options, in `--help` order. */
export const RUN_OPTIONS = {
  horizon: describedAs(HORIZON, "days to forecast and plan, 7 to 90"),
  models: list("models", {
    value: "LIST",
    help: `candidates of auto (default: ${DEFAULT_CANDIDATES.join(",")}; ${atScaleNote()})`,
  }, (names) => checkModels(names, "--models")),
  title: text("title", { value: "TEXT", help: "report title (default: Returncast report — DATA)" }),
  detail: integer("detail", {
    value: "N",
    default: 50,
    min: 1,
    max: 100_000,
    help: "most products with a detail page",
  }),
};

/** What the default candidates swap above the limit: "lstm-global instead of lstm above 50 products". */
function atScaleNote(): string {
  const swaps = DEFAULT_CANDIDATES.flatMap((name) => {
    const at = modelNamed(name).atScale;
    return at ? [`${at} instead of ${name}`] : [];
  });
  return `${swaps.join(", ")} above ${GLOBAL_LSTM_FROM} products`;
}

/** Every option of a planning run (`plan` and `report` add their outputs). */
export const PLANNING_RUN_OPTIONS = {
  ...DATA_OPTIONS,
  ...STORE_OPTIONS,
  ...PLAN_OPTIONS,
  ...RUN_OPTIONS,
};

/** `auto`'s default candidates for a number of products (at-scale variants above the limit). */
export function defaultCandidates(products: number): string[] {
  return products > GLOBAL_LSTM_FROM
    ? DEFAULT_CANDIDATES.map((m) => modelNamed(m).atScale ?? m)
    : [...DEFAULT_CANDIDATES];
}

/** The name a data file gives its outputs: `data/top50.csv.gz` → `top50`. */
export function dataName(path: string): string {
  return isPipe(path) ? "input" : basename(path).replace(/\.csv(\.gz)?$/i, "");
}

/** How the data is named in the report: its file name, or "piped input" for a pipe. */
export function dataLabel(path: string): string {
  return isPipe(path) ? `piped input (${path})` : basename(path);
}

/** Whether a path names a pipe of the shell (`--data <(…)`, `/dev/stdin`), not a file. */
function isPipe(path: string): boolean {
  return path === "-" || /^\/dev\/(fd\/\d+|stdin)$|^\/proc\/(self|\d+)\/fd\/\d+$/.test(path);
}

/** Today, YYYY-MM-DD (UTC): the run date. */
export function today(clock: () => Date = () => new Date()): string {
  return clock().toISOString().slice(0, 10);
}

/**
 * The configuration of a planning run from its resolved options, once the data is known (the
 * default candidates depend on the number of products).
 */
export function resolveRunConfig(
  values: Resolved<typeof PLANNING_RUN_OPTIONS>,
  products: number,
  runDate: string,
): RunConfig & PlanSettings {
  const plan = planSettings(values);
  return {
    ...plan,
    title: values.title ?? `Returncast report — ${dataName(values.data)}`,
    runDate,
    dataLabel: dataLabel(values.data),
    horizon: values.horizon,
    candidates: values.models ? [...values.models] : defaultCandidates(products),
    seed: values.seed,
    detailLimit: values.detail,
  };
}

/**
 * Where a report goes without `--out`: `reports/DATA-DATE/`, the data's name shortened to at
 * most {@link MAX_NAME_BYTES} bytes of UTF-8 so that the swap's temporary names still fit.
 */
export function defaultReportDir(data: string, runDate: string): string {
  return join("reports", `${truncatedName(dataName(data), MAX_NAME_BYTES)}-${runDate}`);
}

/** The longest data name a default report directory keeps, in bytes. */
export const MAX_NAME_BYTES = 180;

/** `name` cut to at most `bytes` bytes of UTF-8, never inside a character. */
function truncatedName(name: string, bytes: number): string {
  const encoder = new TextEncoder();
  let kept = "";
  let size = 0;
  for (const char of name) {
    size += encoder.encode(char).length;
    if (size > bytes) break;
    kept += char;
  }
  return kept;
}
