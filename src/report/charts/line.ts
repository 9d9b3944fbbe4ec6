/**
 * A generic multi-series line chart for the notebooks: loss per epoch, error by horizon step,
 * anything with a numeric x. Every series gets its own dash pattern, colour and marker.
 * @module
 */

import * as Plot from "@observablehq/plot";
import { layoutHeader, type LegendItem } from "./header.ts";
import { checkSize, renderChart, zeroBasedDomain } from "./render.ts";
import { DEFAULT_SIZE, seriesStyle } from "./theme.ts";

/** One point of a series. */
export interface LinePoint {
  readonly x: number;
  readonly y: number;
}

/** One named series. */
export interface LineSeries {
  /** Shown in the legend (escaped). */
  readonly name: string;
  /** The points, in the order the line connects them. */
  readonly points: readonly LinePoint[];
}

/** Input of {@link lineChart}. */
export interface LineChartOptions {
  /** Shown above the chart (escaped; cut with "…" when too long for the width). */
  readonly title?: string;
  /** The x-axis label, e.g. "epoch". */
  readonly xLabel: string;
  /** The y-axis label, e.g. "loss (MSE)". */
  readonly yLabel: string;
  /** The series; each gets its own line style. */
  readonly series: readonly LineSeries[];
  /** Width in px. @default {720} */
  readonly width?: number;
  /** Height in px. @default {260} */
  readonly height?: number;
}

/** Series with at most this many points get a marker at every point. */
export const MAX_POINTS_WITH_MARKERS = 40;

function extent(values: readonly number[]): [number, number] | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/**
 * Draws one line per series and returns a standalone SVG string. The y axis starts at 0 unless
 * some value is negative.
 *
 * @example
 * ```ts
 * import { lineChart } from "../charts.ts";
 * const svg = lineChart({
 *   xLabel: "epoch",
 *   yLabel: "loss",
 *   series: [
 *     { name: "train", points: [{ x: 1, y: 0.9 }, { x: 2, y: 0.5 }, { x: 3, y: 0.4 }] },
 *     { name: "validation", points: [{ x: 1, y: 1.0 }, { x: 2, y: 0.7 }, { x: 3, y: 0.6 }] },
 *   ],
 * });
 * svg.includes("validation"); // true
 * ```
 */
export function lineChart(options: LineChartOptions): string {
  const width = checkSize(options.width ?? DEFAULT_SIZE.width, "width");
  const height = checkSize(options.height ?? DEFAULT_SIZE.height, "height");
  const legend: LegendItem[] = [];
  const marks: Plot.Markish[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  options.series.forEach((series, index) => {
    const style = seriesStyle(index);
    const markers = series.points.length <= MAX_POINTS_WITH_MARKERS;
    legend.push({
      label: series.name,
      swatch: { kind: "line", ...style, symbol: markers ? style.symbol : undefined },
    });
    for (const point of series.points) {
      xs.push(point.x);
      ys.push(point.y);
    }
    if (series.points.length > 1) {
      const { symbol: _symbol, ...stroke } = style;
      marks.push(Plot.lineY(series.points, { x: "x", y: "y", ...stroke }));
    }
    if (markers && series.points.length > 0) {
      marks.push(Plot.dot(series.points, {
        x: "x",
        y: "y",
        symbol: style.symbol,
        fill: style.stroke,
        r: 3,
      }));
    }
  });
  const xDomain = extent(xs);
  const yExtent = extent(ys);
  const yDomain = yExtent === undefined || yExtent[0] >= 0 ? zeroBasedDomain(ys) : yExtent;
  if (xDomain === undefined) marks.push(Plot.text(["no data"], { frameAnchor: "middle" }));
  if (yDomain[0] <= 0 && yDomain[1] >= 0) marks.unshift(Plot.ruleY([0], { strokeOpacity: 0.6 }));
  return renderChart({
    width,
    height,
    header: layoutHeader(width, options.title, legend, options.yLabel),
    plot: {
      x: xDomain === undefined ? { axis: null } : { domain: xDomain, label: options.xLabel },
      y: { domain: yDomain, nice: true, grid: true, label: null },
    },
    marks,
  });
}
