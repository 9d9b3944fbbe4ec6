/**
 * The one place where a chart meets Observable Plot: marks and scales in, standalone SVG string
 * out (header drawn, fonts set, numbers rounded, ids deterministic). Also the small input
 * helpers every chart shares: ISO dates to UTC `Date`s, domains that survive empty, single-point
 * and all-zero data.
 * @module
 */

import * as Plot from "@observablehq/plot";
import { parseOutputDay } from "../../data/dates.ts";
import { drawHeader, type HeaderLayout } from "./header.ts";
import { serializeSvg } from "./svg.ts";
import { FONT_FAMILY, FONT_SIZE } from "./theme.ts";

/** Class name of every chart's root `<svg>` (Plot's default changes with its version). */
export const CHART_CLASS = "returncast-chart";

const MS_PER_DAY = 86_400_000;

let chartDocument: (() => Document) | undefined;

/**
 * Sets where charts are drawn: `charts.ts` sets linkedom's server-side document for the report
 * and the notebooks; the report's explorer sets the page's own `document` in the browser.
 */
export function useChartDocument(factory: () => Document): void {
  chartDocument = factory;
}

function documentForChart(): Document {
  if (!chartDocument) {
    throw new Error(
      "Cannot render chart: no document to draw into; import the charts from src/report/charts.ts " +
        "(server) or call useChartDocument(() => document) (browser)",
    );
  }
  return chartDocument();
}

/** What {@link renderChart} needs besides the marks. */
export interface RenderOptions {
  /** Width and height in px. */
  readonly width: number;
  readonly height: number;
  /** Title and legend, from `layoutHeader`. */
  readonly header: HeaderLayout;
  /** Plot options for the scales and margins (everything except marks, size and document). */
  readonly plot: Omit<Plot.PlotOptions, "marks" | "width" | "height" | "document">;
  /** The marks, bottom to top. */
  readonly marks: Plot.Markish[];
}

/** Renders marks with Plot into the chart document and returns the standalone SVG markup. */
export function renderChart(options: RenderOptions): string {
  const svg = Plot.plot({
    marginLeft: 48,
    marginRight: 20,
    marginBottom: 34,
    ...options.plot,
    marginTop: options.header.marginTop,
    width: options.width,
    height: options.height,
    className: CHART_CLASS,
    document: documentForChart(),
    marks: options.marks,
  }) as unknown as SVGSVGElement;
  if (svg.localName !== "svg") {
    throw new Error(`Cannot render chart: Plot returned <${svg.localName}>, expected <svg>`);
  }
  svg.setAttribute("font-family", FONT_FAMILY);
  svg.setAttribute("font-size", String(FONT_SIZE.label));
  svg.setAttribute("role", "img");
  drawHeader(svg, options.header);
  return serializeSvg(svg);
}

/**
 * A line through `rows`, or a dot when there is a single row (a one-point line draws nothing).
 * `style` holds constant stroke options (`stroke`, `strokeWidth`, `strokeDasharray`, …).
 */
export function lineOrDot<T>(
  rows: readonly T[],
  x: string,
  y: string,
  style: {
    readonly stroke: string;
    readonly [option: string]: string | number | boolean | undefined;
  },
): Plot.Markish {
  if (rows.length === 1) return Plot.dot(rows, { x, y, fill: style.stroke, r: 3.5 });
  return Plot.lineY(rows, { x, y, ...style });
}

/**
 * Parses an ISO `YYYY-MM-DD` date into a UTC midnight `Date`; `what` names the value in the
 * error (`RangeError: Cannot draw chart: history[3].date must be YYYY-MM-DD, got "2024-13-01"`).
 */
export function isoToDate(text: string, what: string): Date {
  const day = typeof text === "string" ? parseOutputDay(text) : undefined;
  if (day === undefined) {
    throw new RangeError(
      `Cannot draw chart: ${what} must be YYYY-MM-DD, got ${JSON.stringify(text)}`,
    );
  }
  return new Date(day * MS_PER_DAY);
}

/** Checks that a chart size is a positive finite number of px. */
export function checkSize(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 80) {
    throw new RangeError(`Cannot draw chart: ${what} must be a number ≥ 80 (px), got ${value}`);
  }
  return value;
}

/**
 * An x domain for dates: first to last, widened by a day on each side when all dates are the
 * same, and `undefined` when there are none.
 */
export function dateDomain(dates: readonly Date[]): [Date, Date] | undefined {
  if (dates.length === 0) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const date of dates) {
    lo = Math.min(lo, date.getTime());
    hi = Math.max(hi, date.getTime());
  }
  if (lo === hi) return [new Date(lo - MS_PER_DAY), new Date(hi + MS_PER_DAY)];
  return [new Date(lo), new Date(hi)];
}

/**
 * Plot's x scale for dates: UTC, the given domain, and at most one tick per day (Plot would
 * otherwise label hours on a span of a day or two). No axis when there is no domain.
 */
export function dateScale(
  domain: [Date, Date] | undefined,
  width: number,
  label: string,
): Plot.ScaleOptions {
  if (domain === undefined) return { axis: null };
  const days = Math.round((domain[1].getTime() - domain[0].getTime()) / MS_PER_DAY);
  return { type: "utc", domain, label, ticks: Math.max(1, Math.min(days, Math.floor(width / 80))) };
}

/**
 * A y domain from 0 to the largest finite value (ignoring NaN); `[0, 1]` when every value is 0
 * or there are none, so an all-zero series still gets an axis.
 */
export function zeroBasedDomain(values: Iterable<number>): [number, number] {
  let hi = 0;
  for (const value of values) if (Number.isFinite(value) && value > hi) hi = value;
  return [0, hi > 0 ? hi : 1];
}
