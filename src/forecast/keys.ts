/**
 * The one key helper of results by product and target, and lookups of windows by cutoff —
 * grouping backtests or results never builds keys of its own.
 * @module
 */

import type { Target } from "./types.ts";

/** The key of one product and target. */
export function resultKey(productId: string, target: Target): string {
  return `${productId}\u0000${target}`;
}

/** Items by cutoff day, for matching windows of different models and targets. */
export function byCutoff<W extends { cutoff: number }>(items: readonly W[]): Map<number, W> {
  return new Map(items.map((w) => [w.cutoff, w]));
}
