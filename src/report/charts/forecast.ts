/**
 * History against forecast for one series, the report's main chart: the 95 % and 80 % interval
 * bands in two greys, the history as a solid line, the forecast mean as a dashed line (so the two
 * read apart in greyscale print), and a rule where the forecast starts.
 * @module
 */

import * as Plot from "@observablehq/plot";
import { layoutHeader, type LegendItem } from "./header.ts";
import {
  checkSize,
  dateDomain,
  dateScale,
  isoToDate,
  lineOrDot,
  renderChart,
  zeroBasedDomain,
} from "./render.ts";
import { BAND_80, BAND_95, COLORS, DEFAULT_SIZE, INK } from "./theme.ts";

/** One day of observed history. */
export interface HistoryPoint {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly value: number;
}

/** One forecast day: the mean and the bounds of the 80 % and 95 % intervals. */
export interface ForecastPoint {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly mean: number;
  readonly lo80: number;
  readonly hi80: number;
  readonly lo95: number;
  readonly hi95: number;
}

/** Input of {@link forecastChart}. */
export interface ForecastChartOptions {
  /** Shown above the chart (escaped; cut with "…" when too long for the width). */
  readonly title?: string;
  /** The y-axis label, e.g. "units sold per day". */
  readonly unit: string;
  /** Observed values, oldest first (pass the recent window you want shown). May be empty. */
  readonly history: readonly HistoryPoint[];
  /** Forecast days, oldest first. May be empty or a single day. */
  readonly forecast: readonly ForecastPoint[];
  /** Width in px. @default {720} */
  readonly width?: number;
  /** Height in px. @default {260} */
  readonly height?: number;
}

const HISTORY = { stroke: INK, strokeWidth: 1.5 } as const;
const MEAN = { stroke: COLORS[1], strokeWidth: 2, strokeDasharray: "6 4" } as const;
const HALF_DAY = 43_200_000;

/** The legend of {@link forecastChart}, in drawing order. */
export const FORECAST_LEGEND: readonly LegendItem[] = [
  { label: "history", swatch: { kind: "line", ...HISTORY } },
  { label: "forecast", swatch: { kind: "line", ...MEAN } },
  { label: "80 % interval", swatch: { kind: "area", fill: BAND_80 } },
  { label: "95 % interval", swatch: { kind: "area", fill: BAND_95 } },
];

type Row = { date: Date; [key: string]: number | Date };

/** An interval band: an area over several days, a day-wide bar for a single day. */
function band(rows: Row[], lo: string, hi: string, fill: string): Plot.Markish {
  if (rows.length === 1) {
    return Plot.rect(rows, {
      x1: (d: Row) => new Date(d.date.getTime() - 0.8 * HALF_DAY),
      x2: (d: Row) => new Date(d.date.getTime() + 0.8 * HALF_DAY),
      y1: lo,
      y2: hi,
      fill,
    });
  }
  return Plot.areaY(rows, { x: "date", y1: lo, y2: hi, fill, curve: "linear" });
}

/**
 * Where to cut the y axis when a few spikes in the history dwarf everything else (one wholesale
 * order of 10,000 against days of 40): the top of the forecast bands or the 95th percentile of the
 * history, whichever is higher, with room above; `undefined` when nothing needs cutting.
 */
export function spikeCap(options: ForecastChartOptions): { top: number; peak: number } | undefined {
  const values = options.history.map((p) => p.value).filter(Number.isFinite).sort((a, b) => a - b);
  if (values.length < 20) return undefined;
  const peak = values[values.length - 1];
  const p95 = values[Math.floor(0.95 * (values.length - 1))];
  const bands = Math.max(0, ...options.forecast.map((p) => Math.max(p.mean, p.hi95)));
  const base = Math.max(p95, bands);
  return base > 0 && peak > 3 * base ? { top: 1.5 * base, peak } : undefined;
}

/**
 * Draws history vs forecast for one series and returns a standalone SVG string.
 *
 * @example
 * ```ts
 * import { forecastChart } from "../charts.ts";
 * const svg = forecastChart({
 *   title: "P001 — sales",
 *   unit: "units sold per day",
 *   history: [{ date: "2024-01-01", value: 5 }, { date: "2024-01-02", value: 7 }],
 *   forecast: [{ date: "2024-01-03", mean: 6, lo80: 4, hi80: 8, lo95: 3, hi95: 9 }],
 * });
 * svg.startsWith("<svg"); // true
 * ```
 */
export function forecastChart(options: ForecastChartOptions): string {
  const width = checkSize(options.width ?? DEFAULT_SIZE.width, "width");
  const height = checkSize(options.height ?? DEFAULT_SIZE.height, "height");
  const history: Row[] = options.history.map((point, i) => ({
    date: isoToDate(point.date, `history[${i}].date`),
    value: point.value,
  }));
  const forecast: Row[] = options.forecast.map((point, i) => ({
    ...point,
    date: isoToDate(point.date, `forecast[${i}].date`),
  }));
  const dates = [...history, ...forecast].map((row) => row.date);
  // A single forecast day is drawn as a bar a day wide: leave room for it on the right.
  if (forecast.length === 1) dates.push(new Date(forecast[0].date.getTime() + 2 * HALF_DAY));
  const domain = dateDomain(dates);
  const yValues = [
    ...options.history.map((p) => p.value),
    ...options.forecast.flatMap((p) => [p.mean, p.hi80, p.hi95]),
  ];
  const cap = spikeCap(options);
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.6 })];
  if (cap) {
    marks.push(Plot.text([cap.peak], {
      frameAnchor: "top-left",
      dx: 4,
      dy: 2,
      lineAnchor: "top",
      fill: "#4d4d4d",
      text: (peak: number) => `↑ spikes up to ${Math.round(peak).toLocaleString("en-US")} cut off`,
    }));
  }
  if (forecast.length > 0) {
    const start = forecast[0].date;
    // Near the right edge the label goes left of the rule so that it stays inside the chart.
    const [first, last] = domain!.map((date) => date.getTime());
    const left = (start.getTime() - first) / (last - first) > 0.8;
    marks.push(
      band(forecast, "lo95", "hi95", BAND_95),
      band(forecast, "lo80", "hi80", BAND_80),
      Plot.ruleX([start], { stroke: "#6b6b6b", strokeDasharray: "2 3" }),
      Plot.text([start], {
        x: (d: Date) => d,
        frameAnchor: "top",
        textAnchor: left ? "end" : "start",
        dx: left ? -4 : 4,
        dy: 2,
        lineAnchor: "top",
        fill: "#4d4d4d",
        text: () => "forecast →",
      }),
    );
  }
  if (history.length > 0) {
    marks.push(lineOrDot(history, "date", "value", { ...HISTORY, ...(cap ? { clip: true } : {}) }));
  }
  if (forecast.length > 0) marks.push(lineOrDot(forecast, "date", "mean", MEAN));
  if (domain === undefined) marks.push(Plot.text(["no data"], { frameAnchor: "middle" }));
  return renderChart({
    width,
    height,
    header: layoutHeader(width, options.title, FORECAST_LEGEND, options.unit),
    plot: {
      x: dateScale(domain, width, "date"),
      y: {
        domain: cap ? [0, cap.top] : zeroBasedDomain(yValues),
        nice: !cap,
        grid: true,
        label: null,
      },
    },
    marks,
  });
}
