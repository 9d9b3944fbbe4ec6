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
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let change = 0;
    for (let i = 0; i < size; i++) {
      const diagonal = gram[i * size + i] + ridge;
      if (diagonal <= 0) continue;
      let gradient = -xy[i] + ridge * (c[i] - (prior?.[i] ?? 0));
      for (let j = 0; j < size; j++) gradient += gram[i * size + j] * c[j];
      const next = Math.max(0, c[i] - gradient / diagonal);
      change = Math.max(change, Math.abs(next - c[i]));
      c[i] = next;
    }
    if (change < 1e-10) break;
  }
  return c;
}

/** Accumulates XᵀX and Xᵀy for lagged regressors x(t − k), k = 0…size−1, over t ≥ size−1. */
export function laggedNormalEquations(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  size: number,
  gram: Float64Array = new Float64Array(size * size),
  xy: Float64Array = new Float64Array(size),
): { gram: Float64Array; xy: Float64Array } {
  for (let t = size - 1; t < x.length; t++) {
    const target = y[t];
    for (let i = 0; i < size; i++) {
      const xi = x[t - i];
      if (xi === 0) continue;
      xy[i] += xi * target;
      for (let j = i; j < size; j++) gram[i * size + j] += xi * x[t - j];
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < i; j++) gram[i * size + j] = gram[j * size + i];
  }
  return { gram, xy };
}
