/**
 * The one rounding rule of Returncast's outputs, and how many decimals each kind of number is
 * written with. A run is rounded to these before anything is derived from it (see
 * `inventory/publish.ts`), so what the files say is exactly what the run used.
 * @module
 */

/** Decimals by kind of number. */
export const DIGITS = {
  /** Units per day: daily data, forecasts and their bounds, backtest actuals. */
  units: 3,
  /** Stock levels, σ and the recommended inventory per day. */
  stock: 1,
  /** The safety factor z of a service level. */
  z: 3,
  /** An alert's value and threshold. */
  alert: 3,
  /** Backtest metrics (summary.json). */
  metric: 4,
  /** Simulated fill rates. */
  rate: 4,
  /** Simulated average stock and costs. */
  amount: 2,
  /** A multiplier found by matching a fill rate. */
  factor: 3,
} as const;

/**
 * Rounds to `digits` decimals (half away from zero for positive values, as `Math.round`).
 *
 * @example
 * ```ts
 * import { roundTo } from "./round.ts";
 * roundTo(1.23456, 3); // 1.235
 * ```
 */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Rounds every value of an array in place. */
export function roundArray(values: Float64Array, digits: number): void {
  for (let i = 0; i < values.length; i++) values[i] = roundTo(values[i], digits);
}
