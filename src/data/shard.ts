/**
 * Splitting products across machines: `--shard K/N` keeps the products whose id hashes to shard
 * K of N (1-based). The split is stable (it depends only on the id and N), so every shard of a run
 * sees a fixed, disjoint part of the products and together they see all.
 * @module
 */

import { InputError } from "../io/errors.ts";
import type { SeriesSet } from "./series.ts";

/** Shard K of N, 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(
      `--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/8), got ${JSON.stringify(text)}`,
    );
  }
  return { index, count };
}

/** FNV-1a of a product id's UTF-8 bytes: the stable hash shards (and samples) are drawn by. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The shard (1…count) a product id belongs to: {@link idHash} modulo count.
 *
 * @example
 * ```ts
 * import { shardOf } from "./shard.ts";
 * shardOf("P001", 4) === shardOf("P001", 4); // true: stable
 * ```
 */
export function shardOf(id: string, count: number): number {
  return (idHash(id) % count) + 1;
}

/** The products of a set that belong to a shard. */
export function selectShard(set: SeriesSet, shard: Shard | undefined): SeriesSet {
  if (!shard) return set;
  return {
    ...set,
    products: set.products.filter((p) => shardOf(p.id, shard.count) === shard.index),
  };
}
