/**
 * Everything `report` writes, as file contents: the HTML page, the CSVs and the JSON summaries,
 * built from a planning run. Pure apart from reading nothing: the CLI writes the files.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { summarise } from "../data/summary.ts";
import type { ImportSummary } from "../data/import/order_lines.ts";
import { formatIsoDay } from "../data/dates.ts";
import type { PlanningResult } from "../inventory/pipeline.ts";
import type { AlertThresholds } from "../inventory/alerts.ts";
import { formatAlertsCsv, formatDailyPlanCsv, formatPlanCsv } from "../inventory/output.ts";
import { backtestSummary, formatBacktestCsv, formatForecastCsv } from "../forecast/output.ts";
import { TFJS_VERSION, VERSION } from "../version.ts";
import type { FileContent } from "../io/write_atomic.ts";
import { reportFigures } from "./content.ts";
import type { ReportContext, ReportOptions } from "./context.ts";
import { renderReportHtml } from "./page.ts";
import type { Calendar } from "../data/calendar.ts";
import { cleaningReport } from "../forecast/context.ts";

/** The inputs of a report. */
export interface ReportInput {
  set: SeriesSet;
  planning: PlanningResult;
  options: ReportOptions;
  thresholds: AlertThresholds;
  importMeta?: ImportSummary;
  /** Open and closed days (cleaning and closed-day handling are described from it). */
  calendar: Calendar;
  /** SHA-256 of the data file. */
  dataFingerprint: string;
}

/** Everything the report's sections read. */
export function reportContext(input: ReportInput): ReportContext {
  const { set, planning, options } = input;
  const index = new Map(set.products.map((p, i) => [p.id, i]));
  return {
    ...planning,
    options,
    set,
    summary: summarise(set),
    importMeta: input.importMeta,
    figures: reportFigures(set, planning, options.horizon, options.detailLimit),
    thresholds: input.thresholds,
    calendar: input.calendar,
    cleaning: new Map(set.products.map((p) => [p.id, cleaningReport(p, input.calendar)])),
    versions: { returncast: VERSION, deno: Deno.version.deno, tfjs: TFJS_VERSION },
    indexOf: (id) => index.get(id)!,
  };
}

/**
 * The data files of a run (name → content): forecast.csv, plan.csv, plan_daily.csv, alerts.csv,
 * backtest.csv, simulation.json (when simulated) and summary.json. `plan` writes these; `report`
 * adds the page.
 */
export function buildDataFiles(
  input: ReportInput,
  ctx = reportContext(input),
): Map<string, FileContent> {
  const { planning, options } = input;
  const tables = planning.forecast.tables.map((t) => ({
    ...t,
    forecast: {
      mean: t.forecast.mean.subarray(0, options.horizon),
      lo80: t.forecast.lo80.subarray(0, options.horizon),
      hi80: t.forecast.hi80.subarray(0, options.horizon),
      lo95: t.forecast.lo95.subarray(0, options.horizon),
      hi95: t.forecast.hi95.subarray(0, options.horizon),
    },
  }));
  const backtest = planning.forecast.backtest;
  const metrics = backtest ? backtestSummary(backtest.series, backtest.choices, {}) : undefined;
  const files = new Map<string, FileContent>();
  files.set("forecast.csv", formatForecastCsv(tables));
  files.set("plan.csv", formatPlanCsv(planning.plans, options.settings));
  files.set("plan_daily.csv", formatDailyPlanCsv(planning.plans));
  files.set("alerts.csv", formatAlertsCsv(planning.alerts));
  // Re-iterable: each write makes the text afresh, chunk by chunk.
  if (backtest) {
    files.set("backtest.csv", { [Symbol.iterator]: () => formatBacktestCsv(backtest.series) });
  }
  if (planning.simulation) {
    files.set("simulation.json", JSON.stringify(planning.simulation, null, 2) + "\n");
  }
  const summary = ctx.summary;
  files.set(
    "summary.json",
    JSON.stringify(
      {
        parameters: {
          title: options.title,
          run_date: options.runDate,
          horizon: options.horizon,
          policy: options.policy,
          lead_time: options.settings.leadTime,
          review_period: options.settings.reviewPeriod,
          restock_rate: options.settings.restockRate,
          service_level: options.settings.serviceLevel,
          safety_factor: options.settings.safetyFactor,
          holding_cost: options.costs.holding,
          shortage_cost: options.costs.shortage,
          models: options.candidates,
          seed: options.seed,
          detail: options.detailLimit,
          thresholds: input.thresholds,
        },
        data: {
          source: options.dataLabel,
          sha256: input.dataFingerprint,
          products: summary.products.length,
          first: formatIsoDay(summary.first),
          last: formatIsoDay(summary.last),
          filled_days: summary.filledDays,
        },
        backtest: backtest
          ? {
            horizon: backtest.plan.horizon,
            refit_every: backtest.plan.refitEvery,
            cutoffs: backtest.plan.cutoffs.map(formatIsoDay),
          }
          : null,
        versions: ctx.versions,
        totals: ctx.figures.total,
        metrics: metrics?.metrics ?? [],
        choices: planning.forecast.reasons.map((r) => ({
          product_id: r.productId,
          target: r.target,
          model: r.model,
          reason: r.reason,
        })),
        simulation: planning.simulation?.policies ?? {},
        alerts: planning.alerts.length,
      },
      null,
      2,
    ) + "\n",
  );
  return files;
}

/** The report's files (name → content), `report.pdf` aside: the data files and report.html. */
export function buildReportFiles(input: ReportInput): Map<string, FileContent> {
  const ctx = reportContext(input);
  const files = buildDataFiles(input, ctx);
  files.set("report.html", renderReportHtml(ctx));
  return files;
}
