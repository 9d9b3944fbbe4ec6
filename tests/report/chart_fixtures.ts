/**
 * Deterministic chart inputs for the chart tests: a weekly sine-like series with a slow trend,
 * a forecast whose intervals widen with the horizon, an inventory plan with restocks, and loss
 * curves. No randomness, so the rendered SVG is the same on every run.
 */

import type {
  ForecastPoint,
  HistoryPoint,
  InventoryDay,
  LineSeries,
} from "../../src/report/charts.ts";

const MS_PER_DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/** `YYYY-MM-DD` of the `offset`-th day after 2024-01-01. */
export function isoDay(offset: number): string {
  return new Date(START + offset * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The expected level on day `t`: 20 + a weekly wave of ±8 + a slow upward trend. */
export function level(t: number): number {
  return 20 + 8 * Math.sin((2 * Math.PI * t) / 7) + 0.1 * t;
}

/** `days` days of history from 2024-01-01. */
export function sineHistory(days = 56): HistoryPoint[] {
  return Array.from({ length: days }, (_, t) => ({ date: isoDay(t), value: level(t) }));
}

/** A forecast for the `horizon` days after `from` days of history, intervals widening. */
export function sineForecast(from = 56, horizon = 21): ForecastPoint[] {
  return Array.from({ length: horizon }, (_, h) => {
    const mean = level(from + h);
    const spread = 2 + 0.25 * h;
    return {
      date: isoDay(from + h),
      mean,
      lo80: Math.max(0, mean - 1.28 * spread),
      hi80: mean + 1.28 * spread,
      lo95: Math.max(0, mean - 1.96 * spread),
      hi95: mean + 1.96 * spread,
    };
  });
}

/** An inventory plan over the forecast: stock falls by net demand, restocks below 70 units. */
export function inventoryPlan(from = 56, horizon = 21): InventoryDay[] {
  let stock = 160;
  return sineForecast(from, horizon).map((day) => {
    const returns = 0.12 * day.mean;
    stock -= day.mean - returns;
    if (stock < 70) stock += 150;
    return { date: day.date, sales: day.mean, returns, inventory: Math.round(stock) };
  });
}

/** Training and validation loss over `epochs` epochs, decaying exponentially. */
export function lossCurves(epochs = 30): LineSeries[] {
  const curve = (scale: number, floor: number, decay: number) =>
    Array.from({ length: epochs }, (_, e) => ({
      x: e + 1,
      y: floor + scale * Math.exp(-e / decay),
    }));
  return [
    { name: "train", points: curve(1.1, 0.05, 5) },
    { name: "validation", points: curve(1.0, 0.15, 7) },
    { name: "seasonal naive", points: curve(0, 0.6, 1) },
  ];
}
