/**
 * Charts for the report and the notebooks: small functions that take plain data and return a
 * standalone, deterministic SVG string (drawn with Observable Plot into linkedom's server-side
 * DOM). Inline the string in HTML with `raw(svg)` from `html.ts`, or write it to a `.svg` file.
 *
 * - {@link forecastChart}: history vs forecast with 80 % and 95 % interval bands;
 * - {@link inventoryChart}: forecast sales, returns, recommended inventory and reorder point;
 * - {@link lineChart}: any numeric multi-series line chart (loss curves, error by horizon).
 *
 * Importing this module sets linkedom as the charts' document; the report's explorer imports the
 * chart files directly and draws into the page (`useChartDocument`).
 * @module
 */

import { useChartDocument } from "./charts/render.ts";
import { createChartDocument } from "./charts/server_document.ts";

useChartDocument(createChartDocument);

export {
  FORECAST_LEGEND,
  forecastChart,
  type ForecastChartOptions,
  type ForecastPoint,
  type HistoryPoint,
} from "./charts/forecast.ts";
export {
  inventoryChart,
  type InventoryChartOptions,
  type InventoryDay,
  inventoryLegend,
} from "./charts/inventory.ts";
export {
  lineChart,
  type LineChartOptions,
  type LinePoint,
  type LineSeries,
  MAX_POINTS_WITH_MARKERS,
} from "./charts/line.ts";
export { type LegendItem, type LegendSwatch } from "./charts/header.ts";
