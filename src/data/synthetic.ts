/**
 * The synthetic demo dataset of the original design: daily sales with a product-specific level,
 * trend, weekly and yearly seasonality and negative-binomial noise; returns thinned from each
 * day's sales at a product rate of 5–15 % and coming back about 7 days later.
 *
 * Each product has its own random stream, so product P001 is the same whether 5 or 1,000
 * products are generated.
 * @module
 */

import { createRandom, type Random } from "../util/random.ts";
import { dayOfYear, weekday } from "./dates.ts";
import type { ProductSeries, SeriesSet } from "./series.ts";

/** Options of {@link generateSynthetic}. */
export interface SyntheticOptions {
  /** Number of products, named P001, P002, … @default 5 */
  products: number;
  /** Days of history per product. @default 730 */
  days: number;
  /** Day number of the first day (see `dates.ts`). @default 2023-01-01 */
  start: number;
  /** Seed: the same seed gives the same data. @default 42 */
  seed: number;
}

/** How one product's demand is shaped. */
export interface ProductProfile {
  /** Mean units a day at the start, before seasonality. */
  level: number;
  /** Relative growth per year (0.1 = +10 % a year). */
  trendPerYear: number;
  /** Weekly amplitude: the weekday factor ranges over 1 ± this. */
  weeklyAmplitude: number;
  /** Day of week (0 = Monday) with the most sales. */
  peakWeekday: number;
  /** Yearly amplitude: the season factor ranges over 1 ± this. */
  yearlyAmplitude: number;
  /** Day of year (0-based) of the seasonal peak. */
  peakDayOfYear: number;
  /** Share of each day's sales that is returned. */
  returnRate: number;
  /** Negative-binomial dispersion: variance = μ + μ²/k. */
  dispersion: number;
}

/** Probability that a returned unit comes back after each lag (days); lag 7 dominates. */
export const RETURN_LAG_WEIGHTS: ReadonlyArray<readonly [lag: number, weight: number]> = [
  [5, 0.05],
  [6, 0.1],
  [7, 0.7],
  [8, 0.1],
  [9, 0.05],
];

const BURN_IN_DAYS = 14;

// Hand-picked profiles for the five demo products, so the demo report shows a variety of shapes.
const DEMO_PROFILES: ProductProfile[] = [
  profile(125, 0.12, 0.25, 5, 0.2, 340, 0.08, 40),
  profile(60, 0.2, 0.3, 5, 0.3, 180, 0.12, 25),
  profile(210, -0.05, 0.15, 4, 0.15, 300, 0.06, 60),
  profile(30, 0.08, 0.35, 6, 0.25, 120, 0.14, 15),
  profile(90, 0.15, 0.2, 5, 0.35, 350, 0.1, 30),
];

/** Product id for a 0-based index: P001 … P999, then P1000 … */
export function syntheticProductId(index: number, count: number): string {
  return "P" + String(index + 1).padStart(Math.max(3, String(count).length), "0");
}

/**
 * Generates the synthetic dataset. Pure: same options, same numbers.
 *
 * @example
 * ```ts
 * import { generateSynthetic } from "./synthetic.ts";
 * const set = generateSynthetic({ products: 5, days: 730, start: 19358, seed: 42 });
 * set.products.length; // 5
 * set.products[0].sales.length; // 730
 * ```
 */
export function generateSynthetic(options: SyntheticOptions): SeriesSet {
  const products: ProductSeries[] = [];
  for (let index = 0; index < options.products; index++) {
    const random = createRandom(mixSeed(options.seed, index));
    const shape = DEMO_PROFILES[index] ?? randomProfile(random);
    products.push(
      generateProduct(syntheticProductId(index, options.products), shape, options, random),
    );
  }
  return { source: `synthetic (seed ${options.seed})`, products };
}

/** The demand profile of product `index` for a seed (what the generator uses). */
export function productProfile(index: number, seed: number): ProductProfile {
  return DEMO_PROFILES[index] ?? randomProfile(createRandom(mixSeed(seed, index)));
}

/** Expected (noise-free) sales of a profile on a day, `t` days after the first day. */
export function expectedSalesOn(shape: ProductProfile, day: number, t: number): number {
  const trend = Math.max(0.05, 1 + shape.trendPerYear * t / 365);
  const weekShift = (weekday(day) - shape.peakWeekday + 7) % 7;
  const weekly = 1 + shape.weeklyAmplitude * Math.cos(2 * Math.PI * weekShift / 7);
  const yearly = 1 +
    shape.yearlyAmplitude * Math.cos(2 * Math.PI * (dayOfYear(day) - shape.peakDayOfYear) / 365.25);
  return shape.level * trend * weekly * yearly;
}

function generateProduct(
  id: string,
  shape: ProductProfile,
  options: SyntheticOptions,
  random: Random,
): ProductSeries {
  const total = options.days + BURN_IN_DAYS;
  const expected = new Float64Array(total);
  const sold = new Float64Array(total);
  const returned = new Float64Array(total);
  const expectedReturned = new Float64Array(total);
  for (let t = 0; t < total; t++) {
    const day = options.start - BURN_IN_DAYS + t;
    expected[t] = expectedSalesOn(shape, day, t - BURN_IN_DAYS);
    sold[t] = random.negativeBinomial(expected[t], shape.dispersion);
    let remaining = random.binomial(sold[t], shape.returnRate);
    let remainingWeight = 1;
    for (const [lag, weight] of RETURN_LAG_WEIGHTS) {
      const count = remainingWeight <= weight
        ? remaining
        : random.binomial(remaining, weight / remainingWeight);
      remaining -= count;
      remainingWeight -= weight;
      if (t + lag < total) returned[t + lag] += count;
      if (t + lag < total) expectedReturned[t + lag] += expected[t] * shape.returnRate * weight;
    }
  }
  // Returns of sales made before the burn-in are missing from its first days; start after it.
  const keep = (values: Float64Array) => values.slice(BURN_IN_DAYS);
  return {
    id,
    start: options.start,
    sales: keep(sold),
    returns: keep(returned),
    filledDays: 0,
    expectedSales: keep(expected),
    expectedReturns: keep(expectedReturned),
  };
}

function randomProfile(random: Random): ProductProfile {
  const between = (low: number, high: number) => low + (high - low) * random.uniform();
  return profile(
    Math.exp(between(Math.log(1), Math.log(500))),
    between(-0.1, 0.25),
    between(0.05, 0.35),
    Math.floor(random.uniform() * 7),
    between(0.05, 0.35),
    Math.floor(random.uniform() * 365),
    between(0.06, 0.14),
    between(10, 60),
  );
}

function profile(
  level: number,
  trendPerYear: number,
  weeklyAmplitude: number,
  peakWeekday: number,
  yearlyAmplitude: number,
  peakDayOfYear: number,
  returnRate: number,
  dispersion: number,
): ProductProfile {
  return {
    level,
    trendPerYear,
    weeklyAmplitude,
    peakWeekday,
    yearlyAmplitude,
    peakDayOfYear,
    returnRate,
    dispersion,
  };
}

function mixSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}
