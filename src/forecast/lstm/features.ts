/**
 * Turns daily series into LSTM samples and back: scaling (min-max as in the original design, or
 * standardised log1p for counts), input windows cut into time steps of `patch` days, calendar
 * features, and for returns models the sales history and the sales over the output days.
 * Pure functions of arrays; no tfjs here.
 * @module
 */

import { dayOfYear, weekday } from "../../data/dates.ts";
import type { LstmConfig } from "./config.ts";

/** A fitted scaling of one series. */
export interface Scaler {
  /** `minmax`: (y − a) / b; `log1p`: (log1p(y) − a) / b; `mean`: y / a (b = 1). */
  kind: "minmax" | "log1p" | "mean";
  a: number;
  b: number;
}

/** Fits a scaler on training values. */
export function fitScaler(kind: Scaler["kind"], values: ArrayLike<number>): Scaler {
  const n = values.length;
  if (kind === "minmax") {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    if (n === 0) [min, max] = [0, 1];
    return { kind, a: min, b: max > min ? max - min : 1 };
  }
  if (kind === "mean") {
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(0, values[i]);
    const mean = n > 0 ? total / n : 0;
    return { kind, a: mean > 0 ? mean : 1, b: 1 };
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.log1p(Math.max(0, values[i]));
  const mean = n > 0 ? total / n : 0;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (Math.log1p(Math.max(0, values[i])) - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  return { kind, a: mean, b: Math.max(sd, 0.25) };
}

/** Scales one value. */
export function scaleValue(s: Scaler, y: number): number {
  if (s.kind === "mean") return Math.max(0, y) / s.a;
  return s.kind === "minmax" ? (y - s.a) / s.b : (Math.log1p(Math.max(0, y)) - s.a) / s.b;
}

/** Maps a scaled value back to units (never below 0). */
export function unscaleValue(s: Scaler, z: number): number {
  const y = s.kind === "minmax"
    ? z * s.b + s.a
    : s.kind === "mean"
    ? z * s.a
    : Math.expm1(z * s.b + s.a);
  return Number.isFinite(y) ? Math.max(0, y) : 0;
}

/** The series an LSTM learns from or forecasts from. */
export interface LstmSeries {
  /** Day number of index 0. */
  start: number;
  /** The target's values. */
  target: Float64Array;
  /** Sales over the same days (returns models with sales inputs). */
  sales?: Float64Array;
}

/** Scalers of the target and (for returns) the sales. */
export interface Scalers {
  target: Scaler;
  sales?: Scaler;
}

/** Shape of one sample. */
export interface SampleShape {
  /** Time steps of the input. */
  steps: number;
  /** Features per time step. */
  features: number;
  /** Length of the extra head input (future sales), 0 when none. */
  extra: number;
}

/** The input shape a config gives for a target. */
export function sampleShape(config: LstmConfig, withSales: boolean): SampleShape {
  const steps = config.window / config.patch;
  const perDay = withSales ? 2 : 1;
  const features = config.patch * perDay + (config.calendar ? 9 : 0);
  return { steps, features, extra: withSales ? config.outputs : 0 };
}

/** Samples as flat arrays ready for tensors. */
export interface SampleSet {
  /** count × steps × features. */
  x: Float32Array;
  /** count × extra (future sales), when the shape has extra inputs. */
  extra?: Float32Array;
  /** count × outputs. */
  y: Float32Array;
  /** Number of samples. */
  count: number;
}

/**
 * Writes the input of one origin (index of the first forecast day) into `x` at `offset`, and the
 * extra input into `extra`. `futureSales` supplies sales from `origin` on when the series ends
 * there (forecasting); while training they come from the series.
 */
function writeInput(
  config: LstmConfig,
  shape: SampleShape,
  series: LstmSeries,
  scalers: Scalers,
  origin: number,
  x: Float32Array,
  offset: number,
  extra: Float32Array | undefined,
  extraOffset: number,
  futureSales?: ArrayLike<number>,
): void {
  const withSales = shape.extra > 0;
  const first = origin - config.window;
  const day = series.start + origin;
  const season = 2 * Math.PI * dayOfYear(day) / 365.25;
  for (let step = 0; step < shape.steps; step++) {
    let at = offset + step * shape.features;
    for (let d = 0; d < config.patch; d++) {
      const i = first + step * config.patch + d;
      x[at++] = i >= 0 ? scaleValue(scalers.target, series.target[i]) : 0;
    }
    if (withSales) {
      for (let d = 0; d < config.patch; d++) {
        const i = first + step * config.patch + d;
        x[at++] = i >= 0 ? scaleValue(scalers.sales!, series.sales![i]) : 0;
      }
    }
    if (config.calendar) {
      for (let w = 0; w < 7; w++) x[at++] = weekday(day) === w ? 1 : 0;
      x[at++] = Math.sin(season);
      x[at++] = Math.cos(season);
    }
  }
  if (withSales && extra) {
    for (let h = 0; h < config.outputs; h++) {
      const i = origin + h;
      const value = futureSales ? futureSales[h] : series.sales![i];
      extra[extraOffset + h] = scaleValue(scalers.sales!, value ?? 0);
    }
  }
}

/** Builds training samples for the given origins (each needs `outputs` known days after it). */
export function buildSamples(
  config: LstmConfig,
  shape: SampleShape,
  series: LstmSeries,
  scalers: Scalers,
  origins: readonly number[],
): SampleSet {
  const count = origins.length;
  const x = new Float32Array(count * shape.steps * shape.features);
  const extra = shape.extra > 0 ? new Float32Array(count * shape.extra) : undefined;
  const y = new Float32Array(count * config.outputs);
  origins.forEach((origin, k) => {
    writeInput(
      config,
      shape,
      series,
      scalers,
      origin,
      x,
      k * shape.steps * shape.features,
      extra,
      k * shape.extra,
    );
    for (let h = 0; h < config.outputs; h++) {
      y[k * config.outputs + h] = scaleValue(scalers.target, series.target[origin + h]);
    }
  });
  return { x, extra, y, count };
}

/** The input of one forecast made at the end of `series`. */
export function buildInput(
  config: LstmConfig,
  shape: SampleShape,
  series: LstmSeries,
  scalers: Scalers,
  futureSales?: ArrayLike<number>,
): SampleSet {
  const x = new Float32Array(shape.steps * shape.features);
  const extra = shape.extra > 0 ? new Float32Array(shape.extra) : undefined;
  writeInput(config, shape, series, scalers, series.target.length, x, 0, extra, 0, futureSales);
  return { x, extra, y: new Float32Array(0), count: 1 };
}

/** Origins that have a full input window and `outputs` known days after them. */
export function trainingOrigins(config: LstmConfig, length: number): number[] {
  const origins: number[] = [];
  for (let origin = config.window; origin + config.outputs <= length; origin += config.stride) {
    origins.push(origin);
  }
  return origins;
}

/** Joins sample sets (same shape) into one. */
export function concatSamples(sets: readonly SampleSet[]): SampleSet {
  const join = (parts: (Float32Array | undefined)[]) => {
    if (parts.some((part) => part === undefined)) return undefined;
    const out = new Float32Array(parts.reduce((n, part) => n + part!.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part!, at);
      at += part!.length;
    }
    return out;
  };
  return {
    x: join(sets.map((s) => s.x))!,
    extra: join(sets.map((s) => s.extra)),
    y: join(sets.map((s) => s.y))!,
    count: sets.reduce((n, s) => n + s.count, 0),
  };
}
