/**
 * The trade-off a planner reads to pick a target: achieved fill rate against the average stock
 * it takes, one line per policy as its target (or factor) moves, with the chosen operating point
 * and the cost-optimal point marked. Lines differ by colour, dash and marker, so the chart reads
 * in greyscale print.
 * @module
 */

import * as Plot from "@observablehq/plot";
import { layoutHeader, type LegendItem } from "./header.ts";
import { checkSize, renderChart } from "./render.ts";
import { DEFAULT_SIZE, INK, seriesStyle } from "./theme.ts";

/** One point of a curve. */
export interface TradeoffPoint {
  /** Units on the shelves on an average day. */
  readonly stock: number;
  /** Achieved fill rate, 0–1. */
  readonly fillRate: number;
  /** A short label drawn beside the point (e.g. the target), optional. */
  readonly label?: string;
}

/** One curve: a policy as its parameter moves. */
export interface TradeoffCurve {
  /** Shown in the legend (escaped). */
  readonly name: string;
  /** Points in the order the line connects them. */
  readonly points: readonly TradeoffPoint[];
}

/** A marked point (the chosen operating point, the cost-optimal point). */
export interface TradeoffMarker {
  /** Shown in the legend and beside the point (escaped). */
  readonly name: string;
  readonly stock: number;
  readonly fillRate: number;
}

/** Input of {@link tradeoffChart}. */
export interface TradeoffChartOptions {
  /** Shown above the chart (escaped). */
  readonly title?: string;
  readonly curves: readonly TradeoffCurve[];
  readonly markers?: readonly TradeoffMarker[];
  /** Width in px. @default {720} */
  readonly width?: number;
  /** Height in px. @default {300} */
  readonly height?: number;
}

const MARKER_STYLES = [
  { fill: "white", stroke: INK, symbol: "circle" as const, r: 6.5 },
  { fill: INK, stroke: INK, symbol: "diamond" as const, r: 6 },
];

/**
 * Draws the curves and markers and returns a standalone SVG string. The y axis spans the fill
 * rates drawn (to 100 %), the x axis the stock from 0.
 *
 * @example
 * ```ts
 * import { tradeoffChart } from "./tradeoff.ts";
 * const svg = tradeoffChart({
 *   curves: [{ name: "fill-rate policy", points: [{ stock: 100, fillRate: 0.9 }, { stock: 150, fillRate: 0.97 }] }],
 *   markers: [{ name: "least cost", stock: 130, fillRate: 0.95 }],
 * });
 * svg.includes("least cost"); // true
 * ```
 */
export function tradeoffChart(options: TradeoffChartOptions): string {
  const width = checkSize(options.width ?? DEFAULT_SIZE.width, "width");
  const height = checkSize(options.height ?? 300, "height");
  const markers = options.markers ?? [];
  for (const p of [...options.curves.flatMap((c) => c.points), ...markers]) {
    if (!(Number.isFinite(p.stock) && p.stock >= 0 && p.fillRate >= 0 && p.fillRate <= 1)) {
      throw new RangeError(
        `Cannot draw chart: a point needs stock ≥ 0 and a fill rate in [0, 1], got ${p.stock}, ${p.fillRate}`,
      );
    }
  }
  const legend: LegendItem[] = [];
  const marks: Plot.Markish[] = [];
  const all = [...options.curves.flatMap((c) => c.points), ...markers];
  options.curves.forEach((curve, index) => {
    const style = seriesStyle(index);
    legend.push({ label: curve.name, swatch: { kind: "line", ...style } });
    const rows = curve.points.map((p) => ({ ...p, percent: 100 * p.fillRate }));
    const { symbol, ...stroke } = style;
    if (rows.length > 1) marks.push(Plot.line(rows, { x: "stock", y: "percent", ...stroke }));
    marks.push(Plot.dot(rows, { x: "stock", y: "percent", symbol, fill: style.stroke, r: 2.5 }));
    const labelled = rows.filter((p) => p.label);
    if (labelled.length > 0) {
      marks.push(Plot.text(labelled, {
        x: "stock",
        y: "percent",
        text: "label",
        dx: -6,
        dy: -8,
        textAnchor: "end",
        fill: style.stroke,
        fontSize: 9,
      }));
    }
  });
  markers.forEach((marker, i) => {
    const style = MARKER_STYLES[i % MARKER_STYLES.length];
    legend.push({
      label: marker.name,
      swatch: { kind: "line", stroke: style.stroke, strokeWidth: 0, symbol: style.symbol },
    });
    const row = [{ stock: marker.stock, percent: 100 * marker.fillRate }];
    marks.push(Plot.dot(row, {
      x: "stock",
      y: "percent",
      symbol: style.symbol,
      r: style.r,
      fill: style.fill,
      stroke: style.stroke,
      strokeWidth: 1.75,
    }));
  });
  const lowest = all.length > 0 ? Math.min(...all.map((p) => p.fillRate)) : 0.9;
  const yMin = Math.max(0, Math.floor(lowest * 20 - 0.5) / 20) * 100;
  const xMax = all.length > 0 ? Math.max(1, ...all.map((p) => p.stock)) : 1;
  if (all.length === 0) marks.push(Plot.text(["no data"], { frameAnchor: "middle" }));
  return renderChart({
    width,
    height,
    header: layoutHeader(width, options.title, legend, "fill rate (%)"),
    plot: {
      marginLeft: 52,
      x: {
        domain: [0, xMax],
        nice: true,
        grid: true,
        label: "average stock (units on the shelves)",
      },
      y: { domain: [yMin, 100], nice: true, grid: true, label: null },
    },
    marks,
  });
}
