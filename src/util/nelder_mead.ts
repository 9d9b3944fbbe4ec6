/**
 * Nelder–Mead simplex minimisation: derivative-free, deterministic, good enough for the handful
 * of smoothing parameters our models fit.
 * @module
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Maximum evaluations of the objective. @default 400 */
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this. @default 1e-8 */
  tolerance?: number;
  /** Size of the initial simplex steps. @default 0.5 */
  step?: number;
}

/**
 * Minimises `objective` starting from `start`; returns the best point and its value.
 *
 * @example
 * ```ts
 * import { nelderMead } from "./nelder_mead.ts";
 * const { point } = nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]);
 * // point ≈ [1, -2]
 * ```
 */
export function nelderMead(
  objective: (point: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): { point: number[]; value: number } {
  const maxEvaluations = options.maxEvaluations ?? 400;
  const tolerance = options.tolerance ?? 1e-8;
  const step = options.step ?? 0.5;
  const n = start.length;
  let evaluations = 0;
  const evaluate = (point: number[]) => {
    evaluations++;
    const value = objective(point);
    return Number.isFinite(value) ? value : Infinity;
  };
  let simplex = [start.slice()];
  for (let i = 0; i < n; i++) {
    const point = start.slice();
    point[i] += step;
    simplex.push(point);
  }
  let values = simplex.map(evaluate);

  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance)) break;
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    }
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n][j] - c));
    const reflected = along(-1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[0]) {
      const expanded = along(-2);
      const expandedValue = evaluate(expanded);
      [simplex[n], values[n]] = expandedValue < reflectedValue
        ? [expanded, expandedValue]
        : [reflected, reflectedValue];
    } else if (reflectedValue < values[n - 1]) {
      [simplex[n], values[n]] = [reflected, reflectedValue];
    } else {
      const contracted = reflectedValue < values[n] ? along(-0.5) : along(0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < Math.min(values[n], reflectedValue)) {
        [simplex[n], values[n]] = [contracted, contractedValue];
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i].map((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j]));
          values[i] = evaluate(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { point: simplex[best], value: values[best] };
}
