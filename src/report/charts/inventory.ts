/**
 * The inventory plan over the forecast horizon: forecast sales, forecast returns and the
 * recommended inventory level per day, with the reorder point as a horizontal rule. Each series
 * has its own line style (solid, dashed, thick dotted steps, dash-dot rule), so the chart reads
 * in greyscale print.
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
import { COLORS, DEFAULT_SIZE, INK } from "./theme.ts";

/** One planned day. */
export interface InventoryDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Forecast units sold that day. */
  readonly sales: number;
  /** Forecast units returned that day. */
  readonly returns: number;
  /** Recommended inventory level (units on hand) that day. */
  readonly inventory: number;
}

/** Input of {@link inventoryChart}. */
export interface InventoryChartOptions {
  /** Shown above the chart (escaped; cut with "…" when too long for the width). */
  readonly title?: string;
  /** The y-axis label, e.g. "units". */
  readonly unit: string;
  /** The days of the horizon, oldest first. May be empty or a single day. */
  readonly days: readonly InventoryDay[];
  /** Inventory level at which to reorder; drawn as a horizontal rule when given. */
  readonly reorderPoint?: number;
  /** Width in px. @default {720} */
  readonly width?: number;
  /** Height in px. @default {260} */
  readonly height?: number;
}

const SALES = { stroke: INK, strokeWidth: 1.5 } as const;
const RETURNS = { stroke: COLORS[1], strokeWidth: 1.75, strokeDasharray: "6 4" } as const;
const INVENTORY = {
  stroke: COLORS[2],
  strokeWidth: 2.75,
  strokeDasharray: "0.5 4.5",
  strokeLinecap: "round",
  curve: "step-after",
} as const;
const REORDER = { stroke: COLORS[3], strokeWidth: 1.5, strokeDasharray: "9 3 2 3" } as const;

const LEGEND: readonly LegendItem[] = [
  { label: "forecast sales", swatch: { kind: "line", ...SALES } },
  { label: "forecast returns", swatch: { kind: "line", ...RETURNS } },
  {
    label: "recommended inventory",
    swatch: {
      kind: "line",
      stroke: INVENTORY.stroke,
      strokeWidth: INVENTORY.strokeWidth,
      strokeDasharray: INVENTORY.strokeDasharray,
      strokeLinecap: INVENTORY.strokeLinecap,
    },
  },
];
const REORDER_LEGEND: LegendItem = { label: "reorder point", swatch: { kind: "line", ...REORDER } };

/** The legend of {@link inventoryChart}: the reorder point is listed only when it is drawn. */
export function inventoryLegend(withReorderPoint: boolean): readonly LegendItem[] {
  return withReorderPoint ? [...LEGEND, REORDER_LEGEND] : LEGEND;
}

/**
 * Draws the inventory plan for one product and returns a standalone SVG string.
 *
 * @example
 * ```ts
 * import { inventoryChart } from "../charts.ts";
 * const svg = inventoryChart({
 *   unit: "units",
 *   days: [
 *     { date: "2024-03-01", sales: 20, returns: 2, inventory: 140 },
 *     { date: "2024-03-02", sales: 24, returns: 3, inventory: 118 },
 *   ],
 *   reorderPoint: 90,
 * });
 * svg.includes("reorder point"); // true
 * ```
 */
export function inventoryChart(options: InventoryChartOptions): string {
  const width = checkSize(options.width ?? DEFAULT_SIZE.width, "width");
  const height = checkSize(options.height ?? DEFAULT_SIZE.height, "height");
  const { reorderPoint } = options;
  if (reorderPoint !== undefined && !(Number.isFinite(reorderPoint) && reorderPoint >= 0)) {
    throw new RangeError(
      `Cannot draw chart: reorderPoint must be a finite number ≥ 0, got ${reorderPoint}`,
    );
  }
  const days = options.days.map((day, i) => ({
    ...day,
    date: isoToDate(day.date, `days[${i}].date`),
  }));
  const domain = dateDomain(days.map((day) => day.date));
  const yValues = days.flatMap((day) => [day.sales, day.returns, day.inventory]);
  if (reorderPoint !== undefined) yValues.push(reorderPoint);
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: INK, strokeOpacity: 0.6 })];
  if (reorderPoint !== undefined) marks.push(Plot.ruleY([reorderPoint], REORDER));
  if (days.length > 0) {
    const { curve: _curve, ...inventoryDot } = INVENTORY;
    marks.push(
      lineOrDot(days, "date", "sales", SALES),
      lineOrDot(days, "date", "returns", RETURNS),
      lineOrDot(days, "date", "inventory", days.length === 1 ? inventoryDot : INVENTORY),
    );
  } else {
    marks.push(Plot.text(["no data"], { frameAnchor: "middle" }));
  }
  return renderChart({
    width,
    height,
    header: layoutHeader(
      width,
      options.title,
      inventoryLegend(reorderPoint !== undefined),
      options.unit,
    ),
    plot: {
      x: dateScale(domain, width, "date"),
      y: { domain: zeroBasedDomain(yValues), nice: true, grid: true, label: null },
    },
    marks,
  });
}
