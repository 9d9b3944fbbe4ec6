/**
 * The data files of a run (name → content), each from its schema: forecast.csv, plan.csv,
 * plan_daily.csv, alerts.csv, backtest.csv, simulation.json (when simulated) and summary.json.
 * `plan` and `merge` write these; `report` adds the page.
 * @module
 */

import type { FileContent } from "../io/write_atomic.ts";
import { backtestSeries } from "../forecast/dataset/results.ts";
import { type RunFacts, runFacts, type RunInput } from "./run_input.ts";
import { formatForecastCsv } from "./forecast_csv.ts";
import { formatBacktestCsv } from "./backtest_csv.ts";
import { formatPlanCsv } from "./plan_csv.ts";
import { formatDailyPlanCsv } from "./plan_daily_csv.ts";
import { formatAlertsCsv } from "./alerts_csv.ts";
import { formatSimulationJson } from "./simulation_json.ts";
import { formatRunSummary } from "./run_summary.ts";
import { FORECAST_DAYS } from "../config/run_config.ts";

/** The files a run directory holds (report.html and report.pdf with a report), for the footer. */
export const RUN_FILES = [
  "report.html",
  "report.pdf",
  "forecast.csv",
  "plan.csv",
  "plan_daily.csv",
  "alerts.csv",
  "backtest.csv",
  "simulation.json",
  "summary.json",
];

/** The data files of a run. */
export function buildDataFiles(
  input: RunInput,
  facts: RunFacts = runFacts(input),
): Map<string, FileContent> {
  const { planning, options } = input;
  const results = planning.forecast.results.values();
  const files = new Map<string, FileContent>();
  files.set("forecast.csv", formatForecastCsv(results, Math.max(options.horizon, FORECAST_DAYS)));
  files.set("plan.csv", formatPlanCsv(planning.plans.values(), options.settings));
  files.set("plan_daily.csv", formatDailyPlanCsv(planning.plans.values()));
  files.set("alerts.csv", formatAlertsCsv(planning.alerts));
  if (planning.forecast.backtest) {
    const series = backtestSeries(planning.forecast);
    // Re-iterable: each write makes the text afresh, chunk by chunk.
    files.set("backtest.csv", { [Symbol.iterator]: () => formatBacktestCsv(series) });
  }
  if (planning.simulation) {
    files.set("simulation.json", formatSimulationJson(planning.simulation));
  }
  files.set("summary.json", formatRunSummary(input, facts));
  return files;
}
