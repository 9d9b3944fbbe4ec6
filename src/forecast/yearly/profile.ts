/**
 * The time of year, where history allows it: a yearly sales profile per product, pooled across
 * products and shrunk toward flat when the evidence is thin. Only when the shop's history up to
 * the forecast origin spans more than a year is there a profile at all; with a year or less
 * nothing changes, by construction.
 *
 * Estimation, on weekly means of the cleaned sales (weekday effects and closed days cancel out
 * in a 7-day block), each relative to the product's mean:
 * - every product's relative weekly level is regressed on its own intercept and trend and on a
 *   few yearly Fourier harmonics; the harmonics' coefficients are pooled across products
 *   (weighted by each product's residual precision), with a ridge prior toward flat whose width
 *   falls with the harmonic (a smooth profile) — the shop's profile, which young products inherit;
 * - a product with more than a year of its own history moves toward its own estimate by
 *   empirical Bayes: as far as its coefficients' precision and the spread of the products' own
 *   profiles around the shop's say (gift-ware products that share their Christmas ramp stay on
 *   the shop's profile; products with seasons of their own keep them).
 *
 * Models use it through `yearly/apply.ts`: they fit and forecast on the sales divided by the
 * profile, and their forecasts are multiplied back.
 * @module
 */

import { dayOfYear } from "../../data/dates.ts";
import type { SeriesContext } from "../types.ts";
import { inverseSpd, solveSpd } from "../../util/cholesky.ts";

/** Days in a (common) year. */
const YEAR = 365;

/** The fixed settings of the yearly profile. */
export const YEARLY = {
  /** A profile needs more than this many days of shop history (a year). */
  minDays: YEAR,
  /** Yearly Fourier harmonics fitted. */
  harmonics: 4,
  /** Prior standard deviation of harmonic k's coefficients (relative units): priorSd / k. */
  priorSd: 0.5,
  /** Most days of history used (the last three years). */
  maxDays: 3 * YEAR,
  /** Fewest complete weeks for a product to count in the pooled fit. */
  minWeeks: 13,
  /** The profile never forecasts below this share of the mean day. */
  floor: 0.1,
} as const;

/** Factor by day of year (index 0 = 1 January, 365 = 31 December of a leap year); mean ≈ 1. */
export type YearlyProfile = Float64Array;

/** A profile's yearly Fourier coefficients: cos, sin of harmonics 1…K (2K numbers). */
export type YearlyCoefficients = Float64Array;

/** Regressors per day: cos, sin of harmonics 1…K. */
const WIDTH = 2 * YEARLY.harmonics;

/** The basis at every day of year 0…365, made once (a backtest asks for it millions of times). */
let basisTable: Float64Array | undefined;

/** The basis of every day of year, row after row (WIDTH values per day). */
function basisRows(): Float64Array {
  if (!basisTable) {
    basisTable = new Float64Array(366 * WIDTH);
    for (let day = 0; day < 366; day++) {
      for (let k = 1; k <= YEARLY.harmonics; k++) {
        const angle = 2 * Math.PI * k * day / 365.25;
        basisTable[day * WIDTH + 2 * k - 2] = Math.cos(angle);
        basisTable[day * WIDTH + 2 * k - 1] = Math.sin(angle);
      }
    }
  }
  return basisTable;
}

/** The yearly Fourier basis at a day of year: cos, sin of harmonics 1…K, as a view. */
function basis(doy: number): Float64Array {
  return basisRows().subarray(doy * WIDTH, (doy + 1) * WIDTH);
}

/** One product's weekly relative levels, with the Fourier regressors and trend partialled out. */
interface WeeklyDesign {
  productId: string;
  /** Residualised regressors, weeks × 2K, row-major. */
  x: Float64Array;
  /** Residualised relative levels. */
  y: Float64Array;
  weeks: number;
  /** Residual variance of the full fit. */
  variance: number;
  /** Days of the product's own history. */
  days: number;
}

/** Removes from each column of `m` (rows × cols) its least-squares fit on [1, t]. */
function partialTrend(m: Float64Array, rows: number, cols: number): void {
  const tMean = (rows - 1) / 2;
  let tt = 0;
  for (let r = 0; r < rows; r++) tt += (r - tMean) ** 2;
  for (let c = 0; c < cols; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += m[r * cols + c] / rows;
    let ty = 0;
    for (let r = 0; r < rows; r++) ty += (r - tMean) * (m[r * cols + c] - mean);
    const slope = tt > 0 ? ty / tt : 0;
    for (let r = 0; r < rows; r++) m[r * cols + c] -= mean + slope * (r - tMean);
  }
}

/** X'X and X'y of a design (weighted by `weight`), added into `xx` and `xy`. */
function addNormal(d: WeeklyDesign, weight: number, xx: Float64Array, xy: Float64Array) {
  const p = 2 * YEARLY.harmonics;
  for (let r = 0; r < d.weeks; r++) {
    for (let i = 0; i < p; i++) {
      const xi = d.x[r * p + i];
      xy[i] += weight * xi * d.y[r];
      for (let j = 0; j < p; j++) xx[i * p + j] += weight * xi * d.x[r * p + j];
    }
  }
}

/** The design of one product: complete 7-day blocks ending on its last day. */
function designOf(context: SeriesContext): WeeklyDesign | undefined {
  const values = context.values;
  const n = Math.min(values.length, YEARLY.maxDays);
  const weeks = Math.floor(n / 7);
  if (weeks < YEARLY.minWeeks) return undefined;
  const from = values.length - weeks * 7;
  const level = new Float64Array(weeks);
  let total = 0;
  for (let w = 0; w < weeks; w++) {
    let sum = 0;
    for (let d = 0; d < 7; d++) sum += values[from + 7 * w + d];
    level[w] = sum / 7;
    total += level[w];
  }
  const mean = total / weeks;
  if (!(mean > 0)) return undefined;
  const p = 2 * YEARLY.harmonics;
  const x = new Float64Array(weeks * p);
  const y = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    // The block's middle day.
    x.set(basis(dayOfYear(context.start + from + 7 * w + 3)), w * p);
    y[w] = level[w] / mean;
  }
  partialTrend(x, weeks, p);
  partialTrend(y, weeks, 1);
  const design: WeeklyDesign = {
    productId: context.productId,
    x,
    y,
    weeks,
    variance: 0,
    days: values.length,
  };
  // Residual variance of the product's own (lightly regularised) fit.
  const xx = new Float64Array(p * p);
  const xy = new Float64Array(p);
  addNormal(design, 1, xx, xy);
  for (let i = 0; i < p; i++) xx[i * p + i] += 1e-6 + 1 / priorVariance(i);
  const beta = solveSpd(xx, xy, p);
  let sse = 0;
  for (let r = 0; r < weeks; r++) {
    let fit = 0;
    for (let i = 0; i < p; i++) fit += x[r * p + i] * beta[i];
    sse += (y[r] - fit) ** 2;
  }
  design.variance = Math.max(1e-4, sse / Math.max(1, weeks - 2 - p));
  return design;
}

/** Prior variance of coefficient i (harmonic ⌈(i+1)/2⌉). */
function priorVariance(i: number): number {
  const k = (i >> 1) + 1;
  return (YEARLY.priorSd / k) ** 2;
}

/** Factors by day of year from Fourier coefficients (floored, mean 1 over the year). */
export function profileFromCoefficients(beta: YearlyCoefficients): YearlyProfile {
  const p = 2 * YEARLY.harmonics;
  const rows = basisRows();
  const factors = new Float64Array(366);
  for (let doy = 0; doy < 366; doy++) {
    let value = 1;
    for (let i = 0; i < p; i++) value += rows[doy * p + i] * beta[i];
    factors[doy] = Math.max(YEARLY.floor, value);
  }
  let mean = 0;
  for (let doy = 0; doy < YEAR; doy++) mean += factors[doy] / YEAR;
  return factors.map((f) => f / mean);
}

/**
 * The yearly profile of every product from their sales histories up to the same day (cleaned,
 * from launch: what the models see), or `undefined` when the shop's history (the earliest start
 * to the last day) is a year or shorter — then nothing uses the time of year. Products on the
 * shop's profile share one array.
 */
export function yearlyProfiles(
  histories: readonly SeriesContext[],
): Map<string, YearlyProfile> | undefined {
  const coefficients = yearlyCoefficients(histories);
  return coefficients && profilesFromCoefficients(coefficients);
}

/** Each product's profile from its coefficients; products sharing coefficients share a profile. */
export function profilesFromCoefficients(
  coefficients: ReadonlyMap<string, YearlyCoefficients>,
): Map<string, YearlyProfile> {
  const expanded = new Map<YearlyCoefficients, YearlyProfile>();
  const profiles = new Map<string, YearlyProfile>();
  for (const [id, beta] of coefficients) {
    let profile = expanded.get(beta);
    if (!profile) expanded.set(beta, profile = profileFromCoefficients(beta));
    profiles.set(id, profile);
  }
  return profiles;
}

/**
 * {@link yearlyProfiles} as each product's Fourier coefficients (2K numbers instead of 366: what a
 * backtest holds and sends for every product at every cutoff); products on the shop's profile
 * share one array. {@link profileFromCoefficients} makes the profile, the same numbers.
 */
export function yearlyCoefficients(
  histories: readonly SeriesContext[],
): Map<string, YearlyCoefficients> | undefined {
  if (histories.length === 0) return undefined;
  const first = Math.min(...histories.map((h) => h.start));
  const last = Math.max(...histories.map((h) => h.start + h.values.length - 1));
  if (last - first + 1 <= YEARLY.minDays) return undefined;
  const designs = histories.map(designOf).filter((d): d is WeeklyDesign => d !== undefined);
  if (designs.length === 0) return undefined;
  const p = 2 * YEARLY.harmonics;
  // The shop's profile: pooled normal equations, ridge toward flat.
  const xx = new Float64Array(p * p);
  const xy = new Float64Array(p);
  for (const d of designs) addNormal(d, 1 / d.variance, xx, xy);
  for (let i = 0; i < p; i++) xx[i * p + i] += 1 / priorVariance(i);
  const shop = solveSpd(xx, xy, p);
  // Products with more than a year of their own: their own estimates and precisions.
  const own = designs.filter((d) => d.days > YEAR).map((d) => {
    const a = new Float64Array(p * p);
    const b = new Float64Array(p);
    addNormal(d, 1 / d.variance, a, b);
    for (let i = 0; i < p; i++) a[i * p + i] += 1e-6;
    const covariance = inverseSpd(a, p);
    return { d, precision: a, beta: solveSpd(a, b, p), covariance };
  });
  // Spread of the products' true profiles around the shop's (method of moments).
  let spread = 0;
  for (const o of own) {
    let distance = 0;
    let trace = 0;
    for (let i = 0; i < p; i++) {
      distance += (o.beta[i] - shop[i]) ** 2;
      trace += o.covariance[i * p + i];
    }
    spread += (distance - trace) / p;
  }
  const tau2 = own.length > 1 ? Math.max(0, spread / own.length) : 0;
  const profiles = new Map<string, YearlyCoefficients>();
  for (const h of histories) profiles.set(h.productId, shop);
  if (tau2 > 0) {
    for (const o of own) {
      // Posterior: (P + I/τ²)⁻¹ (P·β̂ + shop/τ²).
      const a = Float64Array.from(o.precision);
      const b = new Float64Array(p);
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < p; j++) b[i] += o.precision[i * p + j] * o.beta[j];
        a[i * p + i] += 1 / tau2;
        b[i] += shop[i] / tau2;
      }
      profiles.set(o.d.productId, solveSpd(a, b, p));
    }
  }
  return profiles;
}
