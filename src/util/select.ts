/**
 * Selection: the k-th smallest of an array in linear expected time, without sorting it.
 * @module
 */

/**
 * The k-th smallest (0-based) of the first `count` values in `buffer` (reorders them; Hoare's
 * select).
 *
 * @example
 * ```ts
 * import { kthSmallest } from "./select.ts";
 * kthSmallest(Float64Array.of(5, 1, 4, 2), 4, 1); // 2
 * ```
 */
export function kthSmallest(buffer: Float64Array, count: number, k: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const pivot = buffer[(low + high) >> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (buffer[i] < pivot) i++;
      while (buffer[j] > pivot) j--;
      if (i <= j) {
        const swap = buffer[i];
        buffer[i] = buffer[j];
        buffer[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return buffer[k];
  }
  return buffer[k];
}
