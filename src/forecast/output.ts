/**
 * The forecast and backtest CSVs and the backtest summary (GUIDE §2): rows in a stable order,
 * numbers rounded to 3 decimals, dates as YYYY-MM-DD.
 * @module
 */

import { formatCsvRows } from "../data/csv.ts";
import { formatIsoDay } from "../data/dates.ts";
import type { Forecast, Target } from "./types.ts";
import type { SeriesBacktest } from "./backtest/series.ts";
import { type Metrics, metricsOf, pooledMetrics } from "./metrics.ts";
import type { ModelChoice } from "./select.ts";
import { autoBacktest } from "./auto_score.ts";
import { comparableSeries } from "./backtest/align.ts";

/** Columns of the forecast CSV. */
export const FORECAST_COLUMNS = [
  "product_id",
  "target",
  "model",
  "date",
  "forecast",
  "lo80",
  "hi80",
  "lo95",
  "hi95",
];

/** One product and target's forecast, starting on `firstDay`. */
export interface ForecastTable {
  productId: string;
  target: Target;
  model: string;
  firstDay: number;
  forecast: Forecast;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function forecastRow(
  table: { productId: string; target: string; model: string },
  day: number,
  f: Forecast,
  h: number,
) {
  return [
    table.productId,
    table.target,
    table.model,
    formatIsoDay(day),
    round3(f.mean[h]),
    round3(f.lo80[h]),
    round3(f.hi80[h]),
    round3(f.lo95[h]),
    round3(f.hi95[h]),
  ];
}

/** The forecast CSV. */
export function formatForecastCsv(tables: readonly ForecastTable[]): string {
  const rows: unknown[][] = [FORECAST_COLUMNS];
  for (const table of tables) {
    for (let h = 0; h < table.forecast.mean.length; h++) {
      rows.push(forecastRow(table, table.firstDay + h, table.forecast, h));
    }
  }
  return formatCsvRows(rows);
}

/**
 * The backtest CSV: forecast columns plus `cutoff,actual`, made chunk by chunk (one per product,
 * target and model) while it is written: for large datasets it runs to millions of rows, and
 * holding all of its text at once would add hundreds of megabytes to a run's peak memory. Only
 * product ids can need quoting.
 */
export function* formatBacktestCsv(series: readonly SeriesBacktest[]): Generator<string> {
  yield [...FORECAST_COLUMNS, "cutoff", "actual"].join(",") + "\n";
  for (const entry of series) {
    const head = `${quoteField(entry.productId)},${entry.target},${entry.model},`;
    let chunk = "";
    for (const window of entry.windows) {
      const cutoff = formatIsoDay(window.cutoff);
      const f = window.forecast;
      for (let h = 0; h < window.actual.length; h++) {
        chunk +=
          `${head}${formatIsoDay(window.cutoff + 1 + h)},${round3(f.mean[h])},${
            round3(f.lo80[h])
          },` +
          `${round3(f.hi80[h])},${round3(f.lo95[h])},${round3(f.hi95[h])},${cutoff},${
            round3(window.actual[h])
          }\n`;
      }
    }
    yield chunk;
  }
}

/** A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break. */
function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Metrics with numbers rounded for JSON. */
function rounded(metrics: Metrics): Metrics {
  return Object.fromEntries(
    Object.entries(metrics).map(([key, value]) => [key, Math.round(value * 10000) / 10000]),
  ) as unknown as Metrics;
}

/** The backtest summary: pooled metrics per target and model (auto included), per product, choices. */
export function backtestSummary(
  series: readonly SeriesBacktest[],
  choices: readonly ModelChoice[],
  parameters: Record<string, unknown>,
) {
  const withAuto = [...series, ...autoBacktest(series)];
  const keys = [...new Set(withAuto.map((s) => `${s.target}\u0000${s.model}`))];
  const comparable = new Map(
    (["sales", "returns"] as const).map((target) => [target, comparableSeries(withAuto, target)]),
  );
  const metrics = keys.map((key) => {
    const [target, model] = key.split("\u0000") as [Target, string];
    const group = comparable.get(target)!.series.filter((s) => s.model === model);
    return { target, model, ...rounded(pooledMetrics(group.map((s) => s.windows))) };
  });
  const leftOut = Object.fromEntries([...comparable].map(([target, c]) => [target, c.leftOut]));
  return {
    parameters,
    metrics,
    /** Per target: products left out of the pooled metrics (not every model could be scored). */
    products_left_out: leftOut,
    products: withAuto.map((s) => ({
      product_id: s.productId,
      target: s.target,
      model: s.model,
      ...rounded(metricsOf(s.windows)),
    })),
    choices: choices.map((c) => ({
      product_id: c.productId,
      target: c.target,
      model: c.model,
      reason: c.reason,
    })),
  };
}

/** The summary's shape. */
export type BacktestSummary = ReturnType<typeof backtestSummary>;
