/**
 * Non-negative least squares on the normal equations, by projected coordinate descent:
 * minimise ‖y − Xc‖² + λ‖c − c₀‖² subject to c ≥ 0, given G = XᵀX and b = Xᵀy.
 * @module
 */

/**
 * Solves for c ≥ 0. `gram` is the k×k matrix XᵀX (row-major), `xy` is Xᵀy; `ridge` adds λ on the
 * diagonal pulling c towards `prior` (zeros when absent).
 *
 * @example
 * ```ts
 * import { nnls } from "./nnls.ts";
 * nnls(Float64Array.of(1, 0, 0, 1), Float64Array.of(2, -1)); // [2, 0]
 * ```
 */
export function nnls(
  gram: Float64Array,
  xy: Float64Array,
  ridge = 0,
  prior?: Float64Array,
  sweeps = 500,
): Float64Array {
  const size = xy.length;
  const c = new Float64Array(size);
  // The indices of the non-zero coefficients, ascending: the gradient sums only over them (the
  // others add nothing), in the same order as a sum over all, so the result is the same bit
  // for bit — and a sparse solution (most lags at 0) costs a fraction of a dense sweep.
  const active = new Int32Array(size);
  let count = 0;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let change = 0;
    for (let i = 0; i < size; i++) {
      const diagonal = gram[i * size + i] + ridge;
      if (diagonal <= 0) continue;
      let gradient = -xy[i] + ridge * (c[i] - (prior?.[i] ?? 0));
      const row = i * size;
      for (let k = 0; k < count; k++) {
        const j = active[k];
        gradient += gram[row + j] * c[j];
      }
      const next = Math.max(0, c[i] - gradient / diagonal);
      change = Math.max(change, Math.abs(next - c[i]));
      if ((next === 0) !== (c[i] === 0)) {
        if (next === 0) {
          let k = 0;
          while (active[k] !== i) k++;
          active.copyWithin(k, k + 1, count--);
        } else {
          let k = count++;
          while (k > 0 && active[k - 1] > i) (active[k] = active[k - 1], k--);
          active[k] = i;
        }
      }
      c[i] = next;
    }
    if (change < 1e-10) break;
  }
  return c;
}

/**
 * Accumulates XᵀX and Xᵀy for lagged regressors x(t − k), k = 0…size−1, over t ≥ size−1.
 * XᵀX is filled from its first row with the recurrence
 * G[i+1][j+1] = G[i][j] − x(n−1−i)·x(n−1−j) + x(size−2−i)·x(size−2−j), so the cost is
 * O(n·size + size²) instead of O(n·size²).
 */
export function laggedNormalEquations(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  size: number,
  gram: Float64Array = new Float64Array(size * size),
  xy: Float64Array = new Float64Array(size),
): { gram: Float64Array; xy: Float64Array } {
  const n = x.length;
  const first = size - 1;
  if (n <= first) return { gram, xy };
  const row = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let cross = 0;
    let lagged = 0;
    for (let t = first; t < n; t++) {
      cross += x[t - i] * y[t];
      lagged += x[t] * x[t - i];
    }
    xy[i] += cross;
    row[i] = lagged;
  }
  // local[i][j] for this series only, then added into gram
  const local = new Float64Array(size * size);
  for (let j = 0; j < size; j++) local[j] = row[j];
  for (let i = 0; i + 1 < size; i++) {
    for (let j = i; j + 1 < size; j++) {
      local[(i + 1) * size + (j + 1)] = local[i * size + j] - x[n - 1 - i] * x[n - 1 - j] +
        x[first - 1 - i] * x[first - 1 - j];
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      gram[i * size + j] += local[i * size + j];
      if (j !== i) gram[j * size + i] += local[i * size + j];
    }
  }
  return { gram, xy };
}
