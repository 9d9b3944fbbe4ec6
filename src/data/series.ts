/**
 * The typed form of the daily CSV contract: one dense daily series of sales and returns per
 * product. Every stage after loading works on these plain values.
 * @module
 */

/** One product's daily history: every day from `start` on, with no gaps. */
export interface ProductSeries {
  /** Product identifier as given in the data. */
  readonly id: string;
  /** Day number (see `dates.ts`) of the first value. */
  readonly start: number;
  /** Units sold per day, ≥ 0. */
  readonly sales: Float64Array;
  /** Units returned per day, ≥ 0. */
  readonly returns: Float64Array;
  /** Days inside the product's span that were missing in the input and were set to 0. */
  readonly filledDays: number;
  /** Noise-free expected sales per day, when the data carries them (`--with-truth`). */
  readonly expectedSales?: Float64Array;
  /** Noise-free expected returns per day, when the data carries them (`--with-truth`). */
  readonly expectedReturns?: Float64Array;
}

/** All products of one dataset, sorted by product id. */
export interface SeriesSet {
  /** Where the data came from (a file path, or a description for generated data). */
  readonly source: string;
  /** The products, sorted by id. */
  readonly products: readonly ProductSeries[];
  /** SHA-256 (hex) of the file's bytes, when the set was read from a file. */
  readonly sha256?: string;
}

/** Day number of the last value of a series. */
export function lastDay(series: ProductSeries): number {
  return series.start + series.sales.length - 1;
}

/** First and last day over all products of a set (inclusive). */
export function spanOf(set: SeriesSet): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const product of set.products) {
    first = Math.min(first, product.start);
    last = Math.max(last, lastDay(product));
  }
  return { first, last };
}

/** Sum of an array of numbers. */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
