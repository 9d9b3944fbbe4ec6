/**
 * Small symmetric positive definite systems (normal equations of a few regressors), solved by
 * Cholesky factorisation; matrices are p × p, row-major.
 * @module
 */

/**
 * Solves a·x = b for a symmetric positive definite `a` (pivots floored at 1e-6 to stay finite).
 *
 * @example
 * ```ts
 * import { solveSpd } from "./cholesky.ts";
 * solveSpd(Float64Array.of(4, 0, 0, 2), Float64Array.of(8, 2), 2); // [2, 1]
 * ```
 */
export function solveSpd(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * p + j];
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * z[k];
    z[i] = sum / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * x[k];
    x[i] = sum / l[i * p + i];
  }
  return x;
}

/** The inverse of a symmetric positive definite p × p matrix. */
export function inverseSpd(a: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const e = new Float64Array(p);
    e[j] = 1;
    const column = solveSpd(a, e, p);
    for (let i = 0; i < p; i++) out[i * p + j] = column[i];
  }
  return out;
}
