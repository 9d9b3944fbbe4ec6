/**
 * Which training windows a network sees when there are more than `maxSamples`: every history is
 * thinned with one stride so an epoch stays near `maxSamples` windows. Thinned to fewer than
 * {@link MIN_ORIGINS} windows, a history would have none left to train on (its last fifth is held
 * out to validate): past that point — several thousand products — the stride stops widening and
 * the products take turns instead, every k-th of them training (all of them keep their own
 * scaling and calibration).
 * @module
 */

import type { LstmConfig } from "./config.ts";

/** Fewest training windows a history is thinned to (four to train on, one to validate). */
export const MIN_ORIGINS = 5;

/** How a set of histories is sampled for training. */
export interface SamplingPlan {
  /** Days between a history's training windows. */
  stride: number;
  /** Every `every`-th history (by index) trains the network; 1 = all of them. */
  every: number;
}

/** Windows with a full input and `outputs` known days in a history of `length` days. */
export function windowCount(config: LstmConfig, length: number): number {
  return Math.max(0, length - config.window - config.outputs + 1);
}

/** The sampling of histories of these lengths. */
export function samplingPlan(config: LstmConfig, lengths: readonly number[]): SamplingPlan {
  const counts = lengths.map((length) => windowCount(config, length));
  const total = counts.reduce((sum, n) => sum + n, 0);
  const wanted = Math.max(config.stride, Math.ceil(total / config.maxSamples));
  const longest = Math.max(0, ...counts);
  // The widest stride that still leaves the longest history MIN_ORIGINS windows.
  const widest = Math.max(config.stride, Math.floor((longest - 1) / (MIN_ORIGINS - 1)));
  if (wanted <= widest) return { stride: wanted, every: 1 };
  const samples = counts.reduce(
    (sum, n) => sum + (n > 0 ? Math.floor((n - 1) / widest) + 1 : 0),
    0,
  );
  return { stride: widest, every: Math.max(1, Math.ceil(samples / config.maxSamples)) };
}
