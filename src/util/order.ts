/**
 * Sorting indices by their values: the order `Array.prototype.sort` gives with a comparator on the
 * values (stable: ties in index order), several times faster on the few hundred values of an
 * error distribution (a merge sort over an Int32Array, no comparator calls).
 * @module
 */

/** Runs shorter than this are sorted by insertion before merging. */
const RUN = 16;

/**
 * The indices of `values`, ascending by value (`descending`: largest first), ties in index
 * order. Values must not be NaN.
 *
 * @example
 * ```ts
 * import { sortedIndices } from "./order.ts";
 * Array.from(sortedIndices([3, 1, 3, 2])); // [1, 3, 0, 2]
 * Array.from(sortedIndices([3, 1, 3, 2], true)); // [0, 2, 3, 1]
 * ```
 */
export function sortedIndices(values: ArrayLike<number>, descending = false): Int32Array {
  const n = values.length;
  const sign = descending ? -1 : 1;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = sign * values[i];
  // a before b: smaller key, or the same key and a smaller index.
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let from = 0; from < n; from += RUN) {
    const to = Math.min(n, from + RUN);
    for (let i = from + 1; i < to; i++) {
      const index = order[i];
      const k = key[index];
      let j = i - 1;
      while (j >= from && key[order[j]] > k) (order[j + 1] = order[j], j--);
      order[j + 1] = index;
    }
  }
  let spare = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let from = 0; from < n; from += 2 * width) {
      const middle = Math.min(n, from + width);
      const to = Math.min(n, from + 2 * width);
      let a = from;
      let b = middle;
      let out = from;
      while (a < middle && b < to) {
        // Ties take the left run first: its indices are the smaller ones.
        spare[out++] = key[order[b]] < key[order[a]] ? order[b++] : order[a++];
      }
      while (a < middle) spare[out++] = order[a++];
      while (b < to) spare[out++] = order[b++];
    }
    [order, spare] = [spare, order];
  }
  return order;
}
